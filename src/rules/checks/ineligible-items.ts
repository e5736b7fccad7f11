/**
 * 4. Ineligible items. Some stores, products and categories are excluded from platform codes. With
 * `reject`, one excluded line makes the code fail; with `not-counted`, excluded lines just don't count
 * toward the minimum spend, so the eligible subtotal is compared with it instead.
 */
import { money, multiplyMoney, sumMoney, type Money } from '../money.ts';
import { defineOutcomes, fact } from '../result.ts';
import type { Exclusions } from '../schemas/catalog.ts';
import type { CartLine } from '../schemas/snapshot.ts';
import { compareWithMinSpend, spendBase } from '../spend.ts';
import { suggestAnother } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('ineligible-items', {
  'no-exclusions': 'pass',
  'none-excluded': 'pass',
  rejected: 'fail',
  'eligible-below': 'fail',
  /** Excluded lines don't count, but the eligible lines alone still reach the minimum. */
  'not-counted': 'warn',
  'eligible-uncertain': 'unknown',
  'lines-unknown': 'unknown',
});

type LineMatch = 'excluded' | 'eligible' | 'undecidable';

function matchLine(line: CartLine, excludes: Exclusions): LineMatch {
  const title = line.title.toLowerCase();
  if (line.storeId !== null && excludes.storeIds.includes(line.storeId)) return 'excluded';
  if (line.productId !== null && excludes.productIds.includes(line.productId)) return 'excluded';
  if (excludes.keywords.some((keyword) => title.includes(keyword.toLowerCase()))) return 'excluded';
  // A line whose store or product id could not be read might be on the list: don't call it eligible.
  if (line.storeId === null && excludes.storeIds.length > 0) return 'undecidable';
  if (line.productId === null && excludes.productIds.length > 0) return 'undecidable';
  return 'eligible';
}

function lineTotal(line: CartLine, currency: string): Money | null {
  if (line.unitPriceMinor === null || line.quantity === null) return null;
  return multiplyMoney(money(line.unitPriceMinor, currency), line.quantity);
}

export const ineligibleItems: TermsCheck = {
  id: 'ineligible-items',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const { promo, snapshot } = ctx;
    const excludes = promo.excludes;
    if (!excludes || excludes.storeIds.length + excludes.productIds.length + excludes.keywords.length === 0) {
      return table.result('no-exclusions');
    }
    if (!snapshot.lines.known)
      return table.result('lines-unknown', { reason: fact.text(snapshot.lines.reason) });

    // Unticked cart lines are not part of the order; checkout lines are always selected.
    const selected = snapshot.lines.value.filter((line) => line.selected !== false);
    const matched = selected.map((line) => ({ line, match: matchLine(line, excludes) }));
    const excluded = matched.filter((m) => m.match === 'excluded').map((m) => m.line);
    const undecidable = matched.filter((m) => m.match === 'undecidable').map((m) => m.line);
    const titles = (lines: readonly CartLine[]) => fact.list(lines.map((line) => line.title));

    // One excluded line is enough to reject, whatever the unreadable lines are.
    if (excludes.effect === 'reject' && excluded.length > 0) {
      return table.result('rejected', { lines: titles(excluded) }, suggestAnother(ctx, promo));
    }
    if (undecidable.length > 0) {
      return table.result('lines-unknown', {
        lines: titles(undecidable),
        reason: fact.text('store or product id unreadable'),
      });
    }
    if (excluded.length === 0) return table.result('none-excluded');

    const read = spendBase(snapshot);
    if (!read.ok) {
      return table.result('eligible-uncertain', {
        lines: titles(excluded),
        reason: fact.text(read.unreadable[0]?.reason ?? ''),
      });
    }
    const totals = excluded.map((line) => lineTotal(line, read.base.currency));
    if (totals.some((total) => total === null)) {
      return table.result('lines-unknown', {
        lines: titles(excluded),
        reason: fact.text('price or quantity unreadable'),
      });
    }
    const excludedTotal = sumMoney(totals as Money[], read.base.currency);
    // Store discounts are taken off the whole base: an approximation when a discount sits on an excluded line.
    const eligible = money(
      Math.max(0, read.base.amountMinor - excludedTotal.amountMinor),
      read.base.currency,
    );
    const comparison = compareWithMinSpend(eligible, promo.minSpend, ctx.catalog.fxRates);
    const facts = {
      lines: titles(excluded),
      eligibleSubtotal: fact.money(eligible),
      required: fact.money(promo.minSpend),
    };
    switch (comparison.kind) {
      case 'met':
        return table.result('not-counted', facts);
      case 'below':
        return table.result(
          'eligible-below',
          { ...facts, shortfall: fact.money(comparison.shortfall) },
          suggestAnother(ctx, promo),
        );
      default:
        return table.result('eligible-uncertain', facts);
    }
  },
};
