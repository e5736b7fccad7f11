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
import type { LocalData, StoredNotice } from './storage/schemas.ts';
import type { Store } from './storage/store.ts';

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

/** The evaluated part of a tab's state: the rule engine's answers and their wording. */
export interface EvaluatedTab {
  readonly snapshot: CartSnapshot | null;
  readonly diagnosis: Diagnosis | null;
  readonly matches: MatchingCodes | null;
  readonly accountId: string;
  /** This account's entries, newest first. */
  readonly history: readonly UsageEntry[];
  readonly wording: PopupWording;
}

/** What an evaluation is made from; the same objects mean the same answer (within `REUSE_MS`). */
export interface EvaluationKey {
  /** The tab's record. */
  readonly record: object | null;
  /** Catalog and history. */
  readonly inputs: object;
  readonly myCodes: readonly PromoCode[];
  readonly language: string;
}

/**
 * How long an evaluation is reused for the same inputs: the findings depend on the clock (expiry, "ends in
 * 45 min"), which a few seconds do not change; a popup opened again soon after answers at once.
 */
export const REUSE_MS = 10_000;
/** Tabs whose evaluation is kept; the popup is opened on one tab at a time. */
const KEPT_TABS = 8;

/** What the popup shows from storage.local besides catalog and history. */
export type PopupLocalData = Pick<LocalData, 'myCodes' | 'settings' | 'feedCache' | 'feedStatus'>;

/**
 * What the popup's answer is made of, kept in memory so that opening the popup waits for no storage read
 * and no rule evaluation when nothing changed: storage.local data per `Store.localVersion`, and per tab
 * the evaluation, reused while the tab's snapshot, the catalog, the history and the shopper's codes are
 * the same objects (the background keeps those while nothing changed). A stopped worker starts empty:
 * storage stays the truth.
 */
export class PopupCache {
  private readonly byTab = new Map<number, { key: EvaluationKey; at: number; tab: EvaluatedTab }>();
  private localMemo: { readonly version: number; readonly data: PopupLocalData } | null = null;
  private noticesMemo: { readonly version: number; readonly notices: readonly StoredNotice[] } | null = null;

  /** The shopper's codes, settings and feed state, read again only after a write to storage.local. */
  async local(store: Store): Promise<PopupLocalData> {
    const version = store.localVersion;
    if (this.localMemo?.version === version) return this.localMemo.data;
    const [myCodes, settings, feedCache, feedStatus] = await Promise.all([
      store.read('myCodes'),
      store.read('settings'),
      store.read('feedCache'),
      store.read('feedStatus'),
    ]);
    const data = { myCodes, settings, feedCache, feedStatus };
    // A write under way while reading may have made what was read stale already.
    if (store.localVersion === version) this.localMemo = { version, data };
    return data;
  }

  /**
   * The storage notices (`Store.notices`), read again only after a write to storage.local. A notice the
   * store adds to session storage after a failed write may land just after that write counted: so a
   * remembered list is answered and read again behind the answer, for the next popup.
   */
  notices(store: Store): Promise<readonly StoredNotice[]> {
    const memo = this.noticesMemo;
    if (memo?.version !== store.localVersion) return this.readNotices(store);
    void this.readNotices(store).catch(() => undefined);
    return Promise.resolve(memo.notices);
  }

  private async readNotices(store: Store): Promise<readonly StoredNotice[]> {
    const version = store.localVersion;
    const notices = await store.notices();
    if (store.localVersion === version) this.noticesMemo = { version, notices };
    return notices;
  }

  /** The evaluation for `key`, made by `evaluate` unless the last one for this tab had the same key. */
  evaluation(
    tabId: number,
    key: EvaluationKey,
    now: Date,
    evaluate: () => EvaluatedTab,
  ): { readonly tab: EvaluatedTab; readonly reused: boolean } {
    const kept = this.byTab.get(tabId);
    const age = now.getTime() - (kept?.at ?? Number.NEGATIVE_INFINITY);
    if (kept && age >= 0 && age < REUSE_MS && sameKey(kept.key, key)) return { tab: kept.tab, reused: true };
    const tab = evaluate();
    this.byTab.delete(tabId);
    this.byTab.set(tabId, { key, at: now.getTime(), tab });
    // Maps iterate in insertion order: the first key is the tab evaluated longest ago.
    if (this.byTab.size > KEPT_TABS) this.byTab.delete(this.byTab.keys().next().value as number);
    return { tab, reused: false };
  }
}

function sameKey(a: EvaluationKey, b: EvaluationKey): boolean {
  return (
    a.record === b.record && a.inputs === b.inputs && a.myCodes === b.myCodes && a.language === b.language
  );
}

/** This account's history, newest first. */
export function accountHistory(history: readonly UsageEntry[], accountId: string): UsageEntry[] {
  return history
    .filter((entry) => entry.accountId === accountId)
    .sort((a, b) => Date.parse(b.usedAt) - Date.parse(a.usedAt));
}
