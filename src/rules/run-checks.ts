/** Running the registered checks for one code: shared by `diagnose` and the reference ranking. */
import { CHECKS } from './checks/index.ts';
import { UNKNOWN_ACCOUNT } from './schemas/history.ts';
import type { PromoCode } from './schemas/catalog.ts';
import type { CartSnapshot } from './schemas/snapshot.ts';
import { CHECK_IDS, type Check, type CheckContext, type CheckId, type CheckResult } from './types.ts';

/** The checklist's five reasons. A verdict of will-apply needs every one of them decided. */
export const FIVE_CHECK_IDS: readonly CheckId[] = CHECK_IDS.slice(0, 5);

/** What decides whether a code fits a cart: the five reasons, plus AliExpress's rules about the code itself. */
export const FIT_CHECKS = CHECKS.filter(
  (check) => FIVE_CHECK_IDS.includes(check.id) || check.id === 'first-order' || check.id === 'app-only',
);

export function accountIdOf(snapshot: CartSnapshot): string {
  return snapshot.accountId.known && snapshot.accountId.value !== ''
    ? snapshot.accountId.value
    : UNKNOWN_ACCOUNT;
}

/**
 * One context for every check of a code, built without copying `context`: its `fittingNow` may be a
 * getter that ranks the catalog only when a check asks for a suggestion.
 */
function checkContext<Promo extends PromoCode | null>(
  context: Omit<CheckContext, 'earlier'>,
  earlier: readonly CheckResult[],
  promo: Promo,
) {
  return {
    snapshot: context.snapshot,
    enteredCode: context.enteredCode,
    catalog: context.catalog,
    history: context.history,
    now: context.now,
    accountId: context.accountId,
    get fittingNow() {
      return context.fittingNow;
    },
    earlier,
    promo,
  };
}

export function runChecks(
  checks: readonly Check[],
  context: Omit<CheckContext, 'earlier'>,
  promo: PromoCode | null,
): CheckResult[] {
  const results: CheckResult[] = [];
  // Checks read `earlier` synchronously, before the next result is pushed: one shared array will do.
  const withoutTerms = checkContext(context, results, null);
  const withTerms = promo === null ? null : checkContext(context, results, promo);
  for (const check of checks) {
    if (!check.needsTerms) results.push(check.run(withoutTerms));
    else if (withTerms !== null) results.push(check.run(withTerms));
  }
  return results;
}

export function isFiveCheck(result: CheckResult): boolean {
  return FIVE_CHECK_IDS.includes(result.id);
}
