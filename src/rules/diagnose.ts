/**
 * The engine's entry points: `diagnose` one entered code, list the `matchingCodes` for a cart, and
 * `mergeCatalog` the code sources. Pure: the caller passes the clock and the history.
 */
import { CHECKS } from './checks/index.ts';
import { cleanTypedCode, resolveCode } from './code-match.ts';
import { rankCodes, suggestableCodes } from './ranking.ts';
import { accountIdOf, isFiveCheck, runChecks } from './run-checks.ts';
import type { Catalog, CatalogEntry, Feed, PromoCode } from './schemas/catalog.ts';
import type { UsageHistory } from './schemas/history.ts';
import type { CartSnapshot } from './schemas/snapshot.ts';
import { spendBase, type UnreadableField } from './spend.ts';
import type { CodeMatch, Diagnosis, MatchingCodes } from './types.ts';

export { FIVE_CHECK_IDS } from './run-checks.ts';

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

  let fittingNow: readonly CodeMatch[] | null = null;
  const context = {
    snapshot,
    enteredCode,
    catalog,
    history,
    now,
    accountId: accountIdOf(snapshot),
    // Ranked only when a check asks for a suggestion: a code that passes never pays for the ranking.
    get fittingNow(): readonly CodeMatch[] {
      fittingNow ??= promo === null ? [] : suggestableCodes(snapshot, catalog, history, now, promo.code);
      return fittingNow;
    },
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

/**
 * Codes that fit this cart, region and history now (the five checks pass or warn, and neither
 * first-order nor app-only fails), best saving first; and near misses that fail only for want of a
 * little more spend, smallest amount to add first. Savings are in the cart's currency; a percent code's
 * saving is taken on the minimum-spend base and capped. Decided from an index of the catalog, with the
 * same answers as running those checks on every code (`rankCodesByChecks` in ranking.ts).
 */
export function matchingCodes(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): MatchingCodes {
  return rankCodes(snapshot, catalog, history, now);
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
