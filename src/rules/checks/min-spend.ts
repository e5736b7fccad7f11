/** 1. Minimum spend: the items subtotal after store discounts and seller coupons, before shipping and tax. */
import { defineOutcomes, fact } from '../result.ts';
import { compareWithMinSpend, spendBase } from '../spend.ts';
import { suggestFromLadder } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('min-spend', {
  met: 'pass',
  below: 'fail',
  /** Converted across currencies, and the cart sits inside the rates' uncertainty band. */
  'fx-uncertain': 'unknown',
  /** The code's minimum is in another currency and the feed has no rate for it. */
  'no-rate': 'unknown',
  unreadable: 'unknown',
});

export const minSpend: TermsCheck = {
  id: 'min-spend',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const read = spendBase(ctx.snapshot);
    if (!read.ok) {
      return table.result('unreadable', {
        fields: fact.list(read.unreadable.map((entry) => entry.field)),
        reason: fact.text(read.unreadable[0]?.reason ?? ''),
      });
    }
    const actual = read.base;
    const comparison = compareWithMinSpend(actual, ctx.promo.minSpend, ctx.catalog.fxRates);
    const facts = { required: fact.money(comparison.required), actual: fact.money(actual) };
    const converted =
      comparison.kind !== 'no-rate' && comparison.requiredConverted
        ? { requiredConverted: fact.money(comparison.requiredConverted) }
        : {};
    switch (comparison.kind) {
      case 'met':
        return table.result('met', { ...facts, ...converted });
      case 'below':
        return table.result(
          'below',
          { ...facts, ...converted, shortfall: fact.money(comparison.shortfall) },
          suggestFromLadder(ctx, ctx.promo),
        );
      case 'uncertain':
        return table.result('fx-uncertain', {
          ...facts,
          ...converted,
          uncertaintyPercent: fact.count(Math.round(comparison.uncertainty * 1000) / 10),
          rateDate: fact.text(comparison.rateDate),
          fromCurrency: fact.text(comparison.required.currency),
        });
      case 'no-rate':
        return table.result('no-rate', {
          ...facts,
          fromCurrency: fact.text(comparison.required.currency),
          toCurrency: fact.text(actual.currency),
        });
    }
  },
};
