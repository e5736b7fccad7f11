import { describe, expect, test } from 'vitest';
import { minSpend } from '../../../src/rules/checks/min-spend.ts';
import { money } from '../../../src/rules/money.ts';
import { known, missing } from '../../../src/rules/schemas/field.ts';
import { fitting, moneyFact, runCheck } from '../../helpers/check.ts';
import { makeCatalog, makePromo, makeSnapshot, usd } from '../../helpers/snapshot.ts';

const save18 = makePromo({ code: 'SAVE18', discount: { kind: 'fixed', amount: usd(18) }, minSpend: usd(99) });
const eur = (minor: number) => ({
  currency: known('EUR', 'cookie'),
  amounts: { itemsSubtotal: known(minor, 'summary') },
});

describe('min-spend, same currency (SAVE18: US $18 off US $99+)', () => {
  test.each([
    {
      label: 'exactly at the threshold passes',
      subtotal: 9900,
      discounts: 0,
      code: 'min-spend.met',
      shortfall: undefined,
    },
    {
      label: 'one cent over passes',
      subtotal: 9901,
      discounts: 0,
      code: 'min-spend.met',
      shortfall: undefined,
    },
    {
      label: 'one cent short fails by one cent',
      subtotal: 9899,
      discounts: 0,
      code: 'min-spend.below',
      shortfall: 1,
    },
    {
      label: 'the spec example: US $87.40 needs US $11.60',
      subtotal: 8740,
      discounts: 0,
      code: 'min-spend.below',
      shortfall: 1160,
    },
    {
      label: 'store discounts and seller coupons come off first',
      subtotal: 10500,
      discounts: 700,
      code: 'min-spend.below',
      shortfall: 100,
    },
    {
      label: 'a discount larger than the subtotal leaves a base of zero',
      subtotal: 500,
      discounts: 900,
      code: 'min-spend.below',
      shortfall: 9900,
    },
  ])('$label', ({ subtotal, discounts, code, shortfall }) => {
    const snapshot = makeSnapshot({
      amounts: { itemsSubtotal: known(subtotal, 'summary'), storeDiscounts: known(discounts, 'summary') },
    });
    const result = runCheck(minSpend, { promo: save18, snapshot });
    expect(result.code).toBe(code);
    expect(moneyFact(result, 'required')).toEqual(usd(99));
    expect(moneyFact(result, 'actual')).toEqual(usd(Math.max(0, subtotal - discounts) / 100));
    expect(moneyFact(result, 'shortfall')?.amountMinor).toBe(shortfall);
  });

  test('shipping and tax never count toward the minimum', () => {
    const snapshot = makeSnapshot({
      amounts: {
        itemsSubtotal: known(9800, 'summary'),
        shipping: known(1500, 'summary'),
        tax: known(800, 'summary'),
      },
    });
    expect(runCheck(minSpend, { promo: save18, snapshot }).code).toBe('min-spend.below');
  });

  test.each([
    { label: 'subtotal unreadable', amounts: { itemsSubtotal: missing<number>('summary not rendered yet') } },
    {
      label: 'store discounts unreadable',
      amounts: { storeDiscounts: missing<number>('discount row hidden') },
    },
  ])('$label: unknown, never a guess', ({ amounts }) => {
    const result = runCheck(minSpend, { promo: save18, snapshot: makeSnapshot({ amounts }) });
    expect(result.status).toBe('unknown');
    expect(result.code).toBe('min-spend.unreadable');
  });

  test('currency unreadable: unknown', () => {
    const snapshot = makeSnapshot({ currency: missing('no c_tp in cookie') });
    expect(runCheck(minSpend, { promo: save18, snapshot }).code).toBe('min-spend.unreadable');
  });

  test('below the minimum suggests the best code of the same ladder that fits now', () => {
    const ladder = { ladder: 'global', rank: 4 };
    const promo = makePromo({ code: 'SAVE18', minSpend: usd(99), tier: ladder });
    const otherLadder = makePromo({ code: 'OTHER10', minSpend: usd(79), tier: { ladder: 'other', rank: 1 } });
    const sameLadder = makePromo({ code: 'SAVE8', tier: { ladder: 'global', rank: 3 } });
    const result = runCheck(minSpend, {
      promo,
      fittingNow: [fitting(otherLadder, usd(10)), fitting(sameLadder, usd(8))],
    });
    expect(result.code).toBe('min-spend.below');
    expect(result.suggestion).toBe('SAVE8');
  });
});

describe('min-spend across currencies (US $59 minimum, EUR cart, 0.90 EUR per USD, ±2 %)', () => {
  // US $59.00 is €53.10; the band is €52.04 to €54.16.
  const catalog = makeCatalog([], { rates: { EUR: 0.9, JPY: 150 }, uncertainty: 0.02 });
  test.each([
    { label: 'clearly above the band passes', minor: 6000, code: 'min-spend.met' },
    { label: 'at the top of the band passes', minor: 5417, code: 'min-spend.met' },
    { label: 'just inside the top of the band is unknown', minor: 5416, code: 'min-spend.fx-uncertain' },
    { label: 'exactly the converted threshold is unknown', minor: 5310, code: 'min-spend.fx-uncertain' },
    { label: 'at the bottom of the band is unknown', minor: 5204, code: 'min-spend.fx-uncertain' },
    { label: 'below the band fails', minor: 5203, code: 'min-spend.below' },
  ])('$label (€$minor cents)', ({ minor, code }) => {
    const result = runCheck(minSpend, { catalog, snapshot: makeSnapshot(eur(minor)) });
    expect(result.code).toBe(code);
    if (code !== 'min-spend.met') expect(moneyFact(result, 'requiredConverted')).toEqual(money(5310, 'EUR'));
  });

  test('the shortfall below the band is what makes the top of the band: enough to be sure', () => {
    const result = runCheck(minSpend, { catalog, snapshot: makeSnapshot(eur(5203)) });
    expect(moneyFact(result, 'shortfall')).toEqual(money(5417 - 5203, 'EUR'));
  });

  test('zero-decimal currencies convert by their own minor units (JPY)', () => {
    const snapshot = makeSnapshot({
      currency: known('JPY', 'cookie'),
      amounts: { itemsSubtotal: known(9100, 'summary') },
    });
    const result = runCheck(minSpend, { catalog, snapshot });
    expect(result.code).toBe('min-spend.met');
    expect(moneyFact(result, 'requiredConverted')).toEqual(money(8850, 'JPY'));
  });

  test.each([
    {
      label: 'no rate for the cart currency',
      catalog: makeCatalog([], { rates: { EUR: 0.9 } }),
      currency: 'GBP',
    },
    { label: 'no rates at all', catalog: makeCatalog([]), currency: 'EUR' },
  ])('$label: unknown', ({ catalog: withoutRate, currency }) => {
    const snapshot = makeSnapshot({ currency: known(currency, 'cookie') });
    const result = runCheck(minSpend, { catalog: withoutRate, snapshot });
    expect(result.code).toBe('min-spend.no-rate');
    expect(result.status).toBe('unknown');
  });
});
