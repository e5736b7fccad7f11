/**
 * The engine's entry points: `diagnose` one entered code, list the `matchingCodes` for a cart, and
 * `mergeCatalog` the code sources. Pure: the caller passes the clock and the history.
 */
import { CHECKS } from './checks/index.ts';
import { cleanTypedCode, resolveCode } from './code-match.ts';
import { addMoney, type Money } from './money.ts';
import type { Catalog, CatalogEntry, Feed, PromoCode } from './schemas/catalog.ts';
import { UNKNOWN_ACCOUNT, type UsageHistory } from './schemas/history.ts';
import type { CartSnapshot } from './schemas/snapshot.ts';
import { savingOn, spendBase, type UnreadableField } from './spend.ts';
import {
  CHECK_IDS,
  type Check,
  type CheckContext,
  type CheckId,
  type CheckResult,
  type CodeMatch,
  type Diagnosis,
  type MatchingCodes,
} from './types.ts';

/** The checklist's five reasons. A verdict of will-apply needs every one of them decided. */
export const FIVE_CHECK_IDS: readonly CheckId[] = CHECK_IDS.slice(0, 5);

/** What decides whether a code fits a cart: the five reasons, plus AliExpress's rules about the code itself. */
const FIT_CHECKS = CHECKS.filter(
  (check) => FIVE_CHECK_IDS.includes(check.id) || check.id === 'first-order' || check.id === 'app-only',
);

/** Results that only say "add a little more": what a near miss may fail on. */
const SHORTFALL_CODES = new Set(['min-spend.below', 'ineligible-items.eligible-below']);

function accountIdOf(snapshot: CartSnapshot): string {
  return snapshot.accountId.known && snapshot.accountId.value !== ''
    ? snapshot.accountId.value
    : UNKNOWN_ACCOUNT;
}

function runChecks(
  checks: readonly Check[],
  context: Omit<CheckContext, 'earlier'>,
  promo: PromoCode | null,
): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    // Checks read `earlier` synchronously, before the next result is pushed: no copy needed.
    const ctx = { ...context, earlier: results };
    if (!check.needsTerms) results.push(check.run(ctx));
    else if (promo !== null) results.push(check.run({ ...ctx, promo }));
  }
  return results;
}

function isFiveCheck(result: CheckResult): boolean {
  return FIVE_CHECK_IDS.includes(result.id);
}

/**
 * Snapshot fields this code's five checks cannot do without. Account country and member id are left out
 * on purpose: pages often hide them, and the checks that need them answer "unknown" with the reason.
 */
function unreadableNeeded(snapshot: CartSnapshot, promo: PromoCode): UnreadableField[] {
  const base = spendBase(snapshot);
  const fields: UnreadableField[] = base.ok ? [] : [...base.unreadable];
  const { shipTo } = snapshot.region;
  if (promo.regions !== 'GLOBAL' && !shipTo.known)
    fields.push({ field: 'region.shipTo', reason: shipTo.reason });
  const { excludes } = promo;
  const hasExclusions =
    excludes && excludes.storeIds.length + excludes.productIds.length + excludes.keywords.length > 0;
  if (hasExclusions && !snapshot.lines.known) fields.push({ field: 'lines', reason: snapshot.lines.reason });
  return fields;
}

/**
 * Will this code apply to this cart? Verdicts, in order of precedence:
 * - `cannot-read-page`: the page is still loading or no code was entered (no checks run);
 * - `unknown-code`: not in the catalog even after lookalike repair; the checks that need no terms still
 *   run and their failures are listed, but there is no culprit (we don't know the code's rules);
 * - `will-be-rejected`: some check fails; the first in checklist order is the culprit. A failure is
 *   decided from fields that were read, so it stands even when other fields are unreadable;
 * - `cannot-read-page`: nothing fails, but a field the five checks need for this code is unreadable;
 * - `unsure`: nothing fails, but one of the five is unknown, or AliExpress shows an error we cannot explain;
 * - `will-apply`: everything else. Warnings (expires in 3 h, mobile web) don't block it.
 */
export function diagnose(
  snapshot: CartSnapshot,
  enteredCode: string,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): Diagnosis {
  const resolution = resolveCode(enteredCode, catalog.entries);
  const promo = resolution?.entry.promo ?? null;
  const pageError =
    snapshot.promo.error.known && snapshot.promo.error.value !== null ? snapshot.promo.error.value : null;
  const diagnosis = (rest: Omit<Diagnosis, 'enteredCode' | 'promo' | 'pageError'>): Diagnosis =>
    pageError === null ? { enteredCode, promo, ...rest } : { enteredCode, promo, pageError, ...rest };
  const empty = { culprit: null, failures: [], results: [], unreadable: [] };

  if (!snapshot.ready) {
    return diagnosis({
      ...empty,
      verdict: 'cannot-read-page',
      unreadable: [{ field: 'page', reason: 'the page is still loading' }],
    });
  }
  if (cleanTypedCode(enteredCode) === '') {
    const field = snapshot.promo.enteredCode;
    const reason = field.known ? 'no code was entered' : field.reason;
    return diagnosis({
      ...empty,
      verdict: 'cannot-read-page',
      unreadable: [{ field: 'promo.enteredCode', reason }],
    });
  }

  const fittingNow =
    promo === null
      ? []
      : matchingCodes(snapshot, catalog, history, now).fitting.filter(
          (match) => match.promo.code !== promo.code && match.promo.example !== true,
        );
  const context = {
    snapshot,
    enteredCode,
    catalog,
    history,
    now,
    accountId: accountIdOf(snapshot),
    fittingNow,
  };
  const results = runChecks(CHECKS, context, promo);
  const failures = results.filter((result) => result.status === 'fail');
  const decided = { failures, results, unreadable: [] };

  if (promo === null) return diagnosis({ ...decided, verdict: 'unknown-code', culprit: null });
  const culprit = failures[0];
  if (culprit) return diagnosis({ ...decided, verdict: 'will-be-rejected', culprit });
  const unreadable = unreadableNeeded(snapshot, promo);
  if (unreadable.length > 0)
    return diagnosis({ ...decided, verdict: 'cannot-read-page', culprit: null, unreadable });
  const undecided = results.some((result) => isFiveCheck(result) && result.status === 'unknown');
  if (undecided || pageError !== null) return diagnosis({ ...decided, verdict: 'unsure', culprit: null });
  return diagnosis({ ...decided, verdict: 'will-apply', culprit: null });
}

function shortfallOf(results: readonly CheckResult[]): Money | null {
  let largest: Money | null = null;
  for (const result of results) {
    const fact = result.facts['shortfall'];
    if (fact?.kind === 'money' && (largest === null || fact.value.amountMinor > largest.amountMinor))
      largest = fact.value;
  }
  return largest;
}

function bySavingThenThreshold(a: CodeMatch, b: CodeMatch): number {
  return (
    b.saving.amountMinor - a.saving.amountMinor ||
    a.promo.minSpend.amountMinor - b.promo.minSpend.amountMinor ||
    a.promo.code.localeCompare(b.promo.code)
  );
}

/**
 * Codes that fit this cart, region and history now (the five checks pass or warn, and neither
 * first-order nor app-only fails), best saving first; and near misses that fail only for want of a
 * little more spend, smallest amount to add first. Savings are in the cart's currency; a percent code's
 * saving is taken on the minimum-spend base and capped.
 */
export function matchingCodes(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): MatchingCodes {
  // The background asks for the same cart twice in a row (diagnose needs it for suggestions, the popup
  // lists it): inputs are never mutated, so the last answer for the same objects and instant is reused.
  const key = {
    snapshot,
    entries: catalog.entries,
    fxRates: catalog.fxRates,
    history,
    historyLength: history.length,
    now: now.getTime(),
  };
  const last = lastMatching;
  if (last && (Object.keys(key) as (keyof typeof key)[]).every((name) => last.key[name] === key[name])) {
    return last.result;
  }
  const result = computeMatchingCodes(snapshot, catalog, history, now);
  lastMatching = { key, result };
  return result;
}

/** Identity of the inputs (plus the history's length, should a caller append to the same array). */
interface MatchingKey {
  readonly snapshot: CartSnapshot;
  readonly entries: Catalog['entries'];
  readonly fxRates: Catalog['fxRates'];
  readonly history: UsageHistory;
  readonly historyLength: number;
  readonly now: number;
}
let lastMatching: { readonly key: MatchingKey; readonly result: MatchingCodes } | null = null;

function computeMatchingCodes(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): MatchingCodes {
  const base = spendBase(snapshot);
  if (!snapshot.ready || !base.ok) return { fitting: [], nearMisses: [] };
  const accountId = accountIdOf(snapshot);
  const fitting: CodeMatch[] = [];
  const nearMisses: CodeMatch[] = [];
  for (const { promo, source } of catalog.entries) {
    const context = { snapshot, enteredCode: promo.code, catalog, history, now, accountId, fittingNow: [] };
    const results = runChecks(FIT_CHECKS, context, promo);
    if (results.some((result) => isFiveCheck(result) && result.status === 'unknown')) continue;
    const failures = results.filter((result) => result.status === 'fail');
    if (failures.length === 0) {
      const saving = savingOn(base.base, promo, catalog.fxRates);
      if (saving) fitting.push({ promo, source, saving, shortfall: null });
    } else if (failures.every((failure) => SHORTFALL_CODES.has(failure.code))) {
      const shortfall = shortfallOf(failures);
      if (shortfall === null) continue;
      const saving = savingOn(addMoney(base.base, shortfall), promo, catalog.fxRates);
      if (saving) nearMisses.push({ promo, source, saving, shortfall });
    }
  }
  fitting.sort(bySavingThenThreshold);
  nearMisses.sort(
    (a, b) =>
      (a.shortfall?.amountMinor ?? 0) - (b.shortfall?.amountMinor ?? 0) || bySavingThenThreshold(a, b),
  );
  return { fitting, nearMisses };
}

/**
 * One catalog from the three sources. On the same code the shopper's own entry wins over the remote
 * feed, which wins over the bundled copy. Rates: the newer of the two feeds' (remote on a tie).
 */
export function mergeCatalog(bundled: Feed, remote: Feed | null, mine: readonly PromoCode[]): Catalog {
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  const add = (promos: readonly PromoCode[], source: CatalogEntry['source']) => {
    for (const promo of promos) {
      if (seen.has(promo.code)) continue;
      seen.add(promo.code);
      entries.push({ promo, source });
    }
  };
  add(mine, 'mine');
  if (remote) add(remote.codes, 'remote-feed');
  add(bundled.codes, 'bundled');
  const rates = [remote?.fxRates, bundled.fxRates].filter((fx) => fx !== undefined);
  const fxRates = rates.reduce<(typeof rates)[number] | null>(
    (newest, fx) => (newest === null || fx.date > newest.date ? fx : newest),
    null,
  );
  return { entries, fxRates };
}
