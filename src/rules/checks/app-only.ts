/** AliExpress's own rule for some codes: app only. This extension always runs on the website. */
import { defineOutcomes } from '../result.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('app-only', {
  'any-platform': 'pass',
  'app-only': 'fail',
});

export const appOnly: TermsCheck = {
  id: 'app-only',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    return ctx.promo.appOnly ? table.result('app-only') : table.result('any-platform');
  },
};
