/** Still not working, 2: the promo-code field that counts is on the checkout page, not the cart. */
import { defineOutcomes, fact } from '../result.ts';
import type { TermslessCheck } from '../types.ts';

const table = defineOutcomes('wrong-page', {
  checkout: 'pass',
  cart: 'fail',
  other: 'unknown',
});

export const wrongPage: TermslessCheck = {
  id: 'wrong-page',
  needsTerms: false,
  outcomes: table.outcomes,
  run(ctx) {
    const { pageKind } = ctx.snapshot;
    if (pageKind === 'checkout') return table.result('checkout');
    if (pageKind === 'cart') return table.result('cart');
    return table.result('other', { pageKind: fact.text(pageKind) });
  },
};
