/**
 * AliExpress's own rule: "Only one code can be used per order" (https://a.aliexpress.com/_oofKIum).
 * After a successful Apply the page often shows only the amount, not the code: then we cannot tell
 * whether the applied code is this one, and say so.
 */
import { sameCode } from '../code-match.ts';
import { money } from '../money.ts';
import { defineOutcomes, fact } from '../result.ts';
import type { TermslessCheck } from '../types.ts';

const table = defineOutcomes('one-code-per-order', {
  'none-applied': 'pass',
  'this-code-applied': 'pass',
  'another-applied': 'fail',
  'unidentified-applied': 'unknown',
  unreadable: 'unknown',
});

export const oneCodePerOrder: TermslessCheck = {
  id: 'one-code-per-order',
  needsTerms: false,
  outcomes: table.outcomes,
  run(ctx) {
    const { applied } = ctx.snapshot.promo;
    if (!applied.known) return table.result('unreadable', { reason: fact.text(applied.reason) });
    if (applied.value === null) return table.result('none-applied');
    const { code, discountMinor } = applied.value;
    if (code !== null && sameCode(code, ctx.enteredCode)) return table.result('this-code-applied');
    if (code !== null) return table.result('another-applied', { applied: fact.text(code) });
    const { currency } = ctx.snapshot;
    return table.result(
      'unidentified-applied',
      discountMinor !== null && currency.known
        ? { discount: fact.money(money(discountMinor, currency.value)) }
        : {},
    );
  },
};
