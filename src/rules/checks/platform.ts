/** Still not working, 3: some codes behave inconsistently on the mobile web; the app is the safe place. */
import { defineOutcomes } from '../result.ts';
import type { TermslessCheck } from '../types.ts';

const table = defineOutcomes('platform', {
  desktop: 'pass',
  'mobile-web': 'warn',
});

export const platform: TermslessCheck = {
  id: 'platform',
  needsTerms: false,
  outcomes: table.outcomes,
  run(ctx) {
    return ctx.snapshot.platform === 'desktop' ? table.result('desktop') : table.result('mobile-web');
  },
};
