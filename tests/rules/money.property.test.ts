import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addMoney,
  compareMoney,
  convertMoney,
  money,
  percentOf,
  subtractMoney,
  sumMoney,
  toDecimalString,
  minorUnitDigits,
} from '../../src/rules/money.ts';
import { compareWithMinSpend } from '../../src/rules/spend.ts';
import { makeCatalog } from '../helpers/snapshot.ts';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'BRL'] as const;
const currency = fc.constantFrom(...CURRENCIES);
// Amounts far inside the safe-integer range, so sums of a few stay safe.
const minor = fc.integer({ min: -1e12, max: 1e12 });
const nonNegativeMinor = fc.integer({ min: 0, max: 1e12 });

describe('money arithmetic', () => {
  test('subtracting what was added gives the original back', () => {
    fc.assert(
      fc.property(currency, minor, minor, (c, a, b) => {
        expect(subtractMoney(addMoney(money(a, c), money(b, c)), money(b, c))).toEqual(money(a, c));
      }),
    );
  });

  test('a sum does not depend on the order of its items', () => {
    fc.assert(
      fc.property(currency, fc.array(minor, { maxLength: 20 }), (c, amounts) => {
        const items = amounts.map((a) => money(a, c));
        expect(sumMoney([...items].reverse(), c)).toEqual(sumMoney(items, c));
        expect(
          sumMoney(
            [...items].sort((x, y) => x.amountMinor - y.amountMinor),
            c,
          ),
        ).toEqual(sumMoney(items, c));
      }),
    );
  });

  test('a percentage of an amount lies between zero and the amount, and grows with the percentage', () => {
    fc.assert(
      fc.property(
        currency,
        nonNegativeMinor,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (c, a, p, q) => {
          const amount = money(a, c);
          const part = percentOf(amount, p);
          expect(part.amountMinor).toBeGreaterThanOrEqual(0);
          expect(part.amountMinor).toBeLessThanOrEqual(a);
          expect(Number.isInteger(part.amountMinor)).toBe(true);
          if (p <= q) expect(compareMoney(part, percentOf(amount, q))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  test('toDecimalString round-trips through its digits', () => {
    fc.assert(
      fc.property(currency, minor, (c, a) => {
        const text = toDecimalString(money(a, c));
        const digits = minorUnitDigits(c);
        expect(text).toMatch(digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${digits}}$`));
        expect(Number(BigInt(text.replace('.', '')))).toBe(a);
      }),
    );
  });

  test('converting there and back lands within a minor unit or two', () => {
    const fx = { base: 'USD', rates: { EUR: 0.9, BRL: 5.4, JPY: 150, KWD: 0.31 } };
    fc.assert(
      fc.property(currency, currency, fc.integer({ min: 0, max: 1e9 }), (from, to, a) => {
        const there = convertMoney(money(a, from), to, fx, 'nearest');
        const back = there && convertMoney(there, from, fx, 'nearest');
        // Going through a currency with fewer decimals (JPY) loses up to half its unit.
        const unitLoss = 10 ** Math.max(0, minorUnitDigits(from) - minorUnitDigits(to));
        const rateLoss = Math.ceil(unitLoss * Math.max(...Object.values(fx.rates), 1));
        expect(Math.abs((back?.amountMinor ?? NaN) - a)).toBeLessThanOrEqual(rateLoss + 1);
      }),
    );
  });

  test('reaching the minimum is monotone: one more cent never turns a pass into a miss', () => {
    const { fxRates } = makeCatalog([], { rates: { EUR: 0.9 }, uncertainty: 0.02 });
    const rank = { met: 2, uncertain: 1, below: 0, 'no-rate': -1 } as const;
    fc.assert(
      fc.property(
        fc.constantFrom('USD', 'EUR'),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        (c, actual, required) => {
          const now = compareWithMinSpend(money(actual, c), money(required, 'USD'), fxRates);
          const more = compareWithMinSpend(money(actual + 1, c), money(required, 'USD'), fxRates);
          expect(rank[more.kind]).toBeGreaterThanOrEqual(rank[now.kind]);
        },
      ),
    );
  });
});
