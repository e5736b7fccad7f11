/**
 * The popup's rule wording, done here like the hint's: the background already holds the engine and its
 * translations, so the popup carries neither and paints the verdict as soon as the tab's state arrives.
 */
import { FIVE_CHECK_IDS, type Messages } from '../rules/index.ts';
import type { Catalog, PromoCode } from '../rules/schemas/catalog.ts';
import type { UsageEntry } from '../rules/schemas/history.ts';
import type { CartSnapshot } from '../rules/schemas/snapshot.ts';
import type { CodeMatch, Diagnosis, MatchingCodes } from '../rules/types.ts';
import type { CodeWording, PopupWording, VerdictWording } from '../shared/protocol.ts';

export interface WordingInput {
  readonly snapshot: CartSnapshot | null;
  readonly diagnosis: Diagnosis | null;
  readonly matches: MatchingCodes | null;
  readonly myCodes: readonly PromoCode[];
}

/** `catalog` lets a fix quote the terms of the code it suggests. */
export function popupWording(input: WordingInput, catalog: Catalog, messages: Messages): PopupWording {
  const { snapshot, diagnosis, matches } = input;
  const codeWording = (match: CodeMatch): CodeWording => ({
    terms: messages.codeTerms(match.promo),
    line: match.shortfall ? messages.unlockLine(match) : messages.savingLine(match),
  });
  return {
    locale: messages.locale,
    verdict: diagnosis ? verdictWording(diagnosis, catalog, messages) : null,
    fitting: matches?.fitting.map(codeWording) ?? [],
    nearMisses: matches?.nearMisses.map(codeWording) ?? [],
    myCodes: input.myCodes.map((promo) => messages.codeTerms(promo)),
    amounts: snapshot ? amountsWording(snapshot, messages) : null,
    exampleLabel: messages.exampleLabel(),
  };
}

function verdictWording(diagnosis: Diagnosis, catalog: Catalog, messages: Messages): VerdictWording {
  return {
    headline: messages.verdictHeadline(diagnosis),
    fix: diagnosis.culprit ? messages.fix(diagnosis.culprit, catalog) : null,
    unreadable: diagnosis.unreadable.map((entry) => messages.unreadableLine(entry)),
    checks: diagnosis.results.map((result) => ({
      name: messages.checkName(result.id),
      summary: messages.summary(result),
      fix: result.status === 'fail' || result.status === 'warn' ? messages.fix(result, catalog) : null,
      folded: result.status === 'pass' && !FIVE_CHECK_IDS.includes(result.id),
    })),
  };
}

function amountsWording(snapshot: CartSnapshot, messages: Messages): PopupWording['amounts'] {
  const currency = snapshot.currency.known ? snapshot.currency.value : null;
  const { amounts } = snapshot;
  const worded = (field: CartSnapshot['amounts'][keyof CartSnapshot['amounts']]): string | null =>
    field.known && currency ? messages.formatMoney({ amountMinor: Math.abs(field.value), currency }) : null;
  return {
    itemsSubtotal: worded(amounts.itemsSubtotal),
    storeDiscounts: worded(amounts.storeDiscounts),
    coins: worded(amounts.coins),
    shipping: worded(amounts.shipping),
    tax: worded(amounts.tax),
    total: worded(amounts.total),
  };
}

/** This account's history, newest first. */
export function accountHistory(history: readonly UsageEntry[], accountId: string): UsageEntry[] {
  return history
    .filter((entry) => entry.accountId === accountId)
    .sort((a, b) => Date.parse(b.usedAt) - Date.parse(a.usedAt));
}
