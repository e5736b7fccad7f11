/**
 * Still not working, 1: the code as typed is not exactly the catalog code (a trailing space, a zero-width
 * character from a coupon site, lower case, 0 for O). "Paste, don't retype."
 */
import { cleanTypedCode, resolveCode } from '../code-match.ts';
import { defineOutcomes, fact } from '../result.ts';
import type { TermslessCheck } from '../types.ts';

const table = defineOutcomes('exact-code', {
  exact: 'pass',
  mistyped: 'fail',
  'not-in-catalog': 'unknown',
  empty: 'unknown',
});

export const exactCode: TermslessCheck = {
  id: 'exact-code',
  needsTerms: false,
  outcomes: table.outcomes,
  run(ctx) {
    if (cleanTypedCode(ctx.enteredCode) === '') return table.result('empty');
    const typed = fact.text(ctx.enteredCode);
    const resolution = resolveCode(ctx.enteredCode, ctx.catalog.entries);
    if (resolution === null) return table.result('not-in-catalog', { typed });
    const code = resolution.entry.promo.code;
    if (resolution.problems.length === 0) return table.result('exact', { typed, code: fact.text(code) });
    return table.result(
      'mistyped',
      { typed, code: fact.text(code), problems: fact.list(resolution.problems) },
      code,
    );
  },
};
