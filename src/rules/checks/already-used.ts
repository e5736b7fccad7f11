/**
 * 5. Already used. Usage history lives on this device only: orders placed with a code, codes marked by
 * hand, codes AliExpress reported as used. When the page shows no member id, history recorded under
 * `unknown-account` is all we can look at, and finding nothing there proves nothing.
 */
import { sameCode } from '../code-match.ts';
import { defineOutcomes, fact } from '../result.ts';
import { UNKNOWN_ACCOUNT } from '../schemas/history.ts';
import { suggestAnother } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('already-used', {
  unlimited: 'pass',
  'not-used': 'pass',
  used: 'fail',
  'account-unknown': 'unknown',
});

export const alreadyUsed: TermsCheck = {
  id: 'already-used',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const { promo } = ctx;
    if (promo.usage === 'unlimited') return table.result('unlimited');
    const uses = ctx.history
      .filter((entry) => entry.accountId === ctx.accountId && sameCode(entry.code, promo.code))
      .sort((a, b) => Date.parse(b.usedAt) - Date.parse(a.usedAt));
    const latest = uses[0];
    if (latest) {
      return table.result(
        'used',
        { usedAt: fact.instant(latest.usedAt, promo.timeZone), recordedFrom: fact.text(latest.source) },
        suggestAnother(ctx, promo),
      );
    }
    return ctx.accountId === UNKNOWN_ACCOUNT ? table.result('account-unknown') : table.result('not-used');
  },
};
