/**
 * AliExpress's own rule for some codes: "First order only". Our history sees only orders placed with a
 * code while the extension was installed, so no history is not proof of a first order: that is a warning.
 */
import { defineOutcomes, fact } from '../result.ts';
import { UNKNOWN_ACCOUNT } from '../schemas/history.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('first-order', {
  'not-required': 'pass',
  /** This account has placed an order before (recorded on this device). */
  'has-ordered': 'fail',
  /** Account unknown, and orders were recorded for an unknown account: maybe this one. */
  'maybe-ordered': 'warn',
  /** No orders recorded, but we cannot see orders placed without a code. */
  'first-order-only': 'warn',
});

export const firstOrder: TermsCheck = {
  id: 'first-order',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    if (!ctx.promo.firstOrderOnly) return table.result('not-required');
    const orders = ctx.history
      .filter((entry) => entry.accountId === ctx.accountId)
      .sort((a, b) => Date.parse(b.usedAt) - Date.parse(a.usedAt));
    const latest = orders[0];
    if (!latest) return table.result('first-order-only');
    const facts = { lastOrderAt: fact.instant(latest.usedAt, ctx.promo.timeZone) };
    return ctx.accountId === UNKNOWN_ACCOUNT
      ? table.result('maybe-ordered', facts)
      : table.result('has-ordered', facts);
  },
};
