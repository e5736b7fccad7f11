/**
 * Still not working, 4: "if a high code is being stubborn, a slightly lower verified code often applies
 * cleanly". Runs last because it reads min-spend's result and suggests from the codes that fit now.
 */
import { defineOutcomes } from '../result.ts';
import { suggestFromLadder } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('lower-tier', {
  'not-needed': 'pass',
  /** The code misses its minimum and a lower code fits now: the suggestion. */
  'lower-fits': 'warn',
  'none-fits': 'pass',
});

export const lowerTier: TermsCheck = {
  id: 'lower-tier',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const minSpend = ctx.earlier.find((result) => result.id === 'min-spend');
    if (minSpend?.status !== 'fail') return table.result('not-needed');
    const suggestion = suggestFromLadder(ctx, ctx.promo);
    return suggestion === null ? table.result('none-fits') : table.result('lower-fits', {}, suggestion);
  },
};
