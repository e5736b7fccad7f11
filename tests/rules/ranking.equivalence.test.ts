/**
 * The fast ranking must never change a verdict: on random carts, catalogs and histories, `matchingCodes`
 * (decided from the catalog index) gives exactly what running the fit checks on every code gives
 * (`rankCodesByChecks`): the same fitting codes, near misses, savings and shortfalls, in the same order.
 * The generators keep amounts, instants and ids in small pools so that ties, exact thresholds, rate
 * bands and partial matches happen often.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CHECKS } from '../../src/rules/checks/index.ts';
import { diagnose, matchingCodes } from '../../src/rules/diagnose.ts';
import type { Money } from '../../src/rules/money.ts';
import { rankCodesByChecks, suggestableCodes } from '../../src/rules/ranking.ts';
import { accountIdOf, runChecks } from '../../src/rules/run-checks.ts';
import type { Catalog, FxRates, PromoCode } from '../../src/rules/schemas/catalog.ts';
import { known, missing } from '../../src/rules/schemas/field.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../../src/rules/schemas/history.ts';
import type { CartLine, CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { NOW } from '../helpers/check.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const HOUR = 3_600_000;
const ACCOUNTS = ['2201234567', '2209876543'];
const STORES = ['1102009287', '1101307014', '912345678'];
const PRODUCTS = ['1005006143827361', '1005004863251823', '1005001111111111'];
const TITLE_WORDS = ['Baseus', 'GaN', 'Charger', 'Phone', 'Case', 'Gift', 'Card', 'Watch', 'Band'];
const COUNTRIES = ['US', 'CA', 'FR', 'DE'];
/** Amounts around common thresholds, so that exact hits and one-cent misses come up. */
const AMOUNTS = [0, 1, 999, 1000, 1001, 2990, 4999, 5000, 5001, 8740, 9999, 20000];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
/** True about one time in `n`. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((roll) => roll === 1);
const money = (amounts: readonly number[], currencies: readonly string[]) =>
  fc.record({ amountMinor: pick(amounts), currency: pick(currencies) }) as fc.Arbitrary<Money>;
/** Few discounts and minimums, so that codes tie on saving and minimum and the code decides the order. */
const DISCOUNTS = [100, 500, 500, 1000, 20000];
const MINIMUMS = [0, 999, 1000, 1000, 1001, 5000, 5000, 8740, 20000];

/**
 * Instants near NOW (hours from it), in UTC or with an offset; on the hour or a second later, so that
 * exactly NOW and exactly a day away come up.
 */
const instant = (hours: readonly number[]) =>
  fc.tuple(pick(hours), pick([0, -7, 8]), fc.boolean()).map(([hours, offset, exact]) => {
    const at = new Date(NOW.getTime() + hours * HOUR + (exact ? 0 : 1000));
    if (offset === 0) return at.toISOString();
    const local = new Date(at.getTime() + offset * HOUR).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    return `${local}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`;
  });

const fxRates: fc.Arbitrary<FxRates | null> = fc.option(
  fc.record({
    base: fc.constant('USD'),
    date: fc.constant('2026-11-20'),
    // No KWD rate: codes in KWD cannot be compared with a USD or EUR cart.
    rates: fc.constant({ EUR: 0.9, JPY: 150 }),
    uncertainty: pick([0, 0.02, 0.5]),
  }),
  { freq: 5 },
);

/** Codes from a small alphabet so that ties in saving and minimum are broken by the code itself. */
const code = fc
  .array(pick(['A', 'B', 'E', 'S', '0', '5', '8']), { minLength: 3, maxLength: 5 })
  .map((chars) => chars.join(''));

const exclusions = fc.record({
  // Mostly ids that are not in the cart: a listed id in the cart rejects the code or takes its lines out.
  storeIds: fc.subarray([...STORES, '777', '778', '779', '780', '781', '782']),
  productIds: fc.subarray([...PRODUCTS, '1005000000000000', '1005000000000001', '1005000000000002']),
  keywords: fc.subarray(['gift card', 'phone', 'Watch', 'drone', 'case']),
  effect: pick(['reject', 'not-counted'] as const),
});

const promo: fc.Arbitrary<PromoCode> = fc
  .record(
    {
      code,
      discount: fc.oneof(
        fc.record({
          kind: fc.constant('fixed' as const),
          amount: money(DISCOUNTS, ['USD', 'USD', 'EUR', 'KWD']),
        }),
        fc.record(
          {
            kind: fc.constant('percent' as const),
            percent: pick([5, 10, 12.5, 33.33, 100]),
            cap: money(DISCOUNTS, ['USD', 'USD', 'EUR', 'KWD']),
          },
          { requiredKeys: ['kind', 'percent'] },
        ),
      ),
      minSpend: money(MINIMUMS, ['USD', 'USD', 'USD', 'USD', 'EUR', 'JPY', 'KWD']),
      // Mostly current codes; some not started yet, expired, or ending within a day.
      validFrom: instant([-2000, -2000, -2000, -25, -24, -1, 0, 1, 25]),
      validUntil: instant([2000, 2000, 2000, 2000, -1, 0, 1, 23, 24, 25]),
      timeZone: fc.constant('America/Los_Angeles'),
      regions: fc.oneof(
        { arbitrary: fc.constant('GLOBAL' as const), weight: 2 },
        { arbitrary: fc.uniqueArray(pick(COUNTRIES), { minLength: 1, maxLength: 3 }), weight: 1 },
      ),
      excludes: exclusions,
      usage: pick(['once-per-account', 'unlimited', 'unlimited'] as const),
      firstOrderOnly: oneIn(6),
      appOnly: oneIn(10),
      tier: fc.record({ ladder: pick(['a', 'b']), rank: fc.nat(4) }),
      example: oneIn(8),
    },
    {
      requiredKeys: [
        'code',
        'discount',
        'minSpend',
        'validFrom',
        'validUntil',
        'timeZone',
        'regions',
        'usage',
      ],
    },
  )
  .map((promo) => promo as PromoCode);

/** A catalog; some codes have siblings with the same terms under another code (ties the code breaks). */
const catalog: fc.Arbitrary<Catalog> = fc.record({
  entries: fc
    .array(
      fc.record({
        promo,
        siblings: fc.array(code, { maxLength: 2 }),
        source: pick(['mine', 'remote-feed', 'bundled'] as const),
      }),
      { minLength: 3, maxLength: 25, size: 'max' },
    )
    .map((drawn) =>
      drawn.flatMap(({ promo, siblings, source }) => [
        { promo, source },
        ...siblings.map((sibling) => ({ promo: { ...promo, code: sibling }, source })),
      ]),
    ),
  fxRates,
});

const line: fc.Arbitrary<CartLine> = fc.record({
  title: fc.subarray(TITLE_WORDS, { minLength: 1 }).map((words) => words.join(' ')),
  productId: fc.option(pick(PRODUCTS), { freq: 6 }),
  skuId: fc.constant(null),
  storeName: fc.constant('Store'),
  storeId: fc.option(pick(STORES), { freq: 6 }),
  unitPriceMinor: fc.option(pick(AMOUNTS), { freq: 8 }),
  quantity: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 8 }),
  selected: fc.option(fc.boolean(), { freq: 3 }),
});

function field<T>(value: fc.Arbitrary<T>, unknownOneIn = 12) {
  return fc
    .option(value, { freq: unknownOneIn - 1 })
    .map((read) => (read === null ? missing<T>('not shown on this page') : known(read, 'test')));
}

const snapshot: fc.Arbitrary<CartSnapshot> = fc
  .record({
    // One in twenty carts still loading.
    notReady: fc.integer({ min: 0, max: 19 }).map((roll) => roll === 0),
    currency: field(pick(['USD', 'USD', 'USD', 'EUR', 'JPY']), 25),
    itemsSubtotal: field(pick(AMOUNTS), 25),
    storeDiscounts: field(pick([0, 0, 0, 1, 500]), 25),
    lines: field(fc.array(line, { maxLength: 6 })),
    shipTo: field(pick(COUNTRIES)),
    account: field(pick(COUNTRIES)),
    accountId: field(pick([...ACCOUNTS, ...ACCOUNTS, ''])),
  })
  .map((read) => {
    const base = makeSnapshot();
    return {
      ...base,
      ready: !read.notReady,
      currency: read.currency,
      amounts: { ...base.amounts, itemsSubtotal: read.itemsSubtotal, storeDiscounts: read.storeDiscounts },
      lines: read.lines,
      region: { ...base.region, shipTo: read.shipTo, account: read.account },
      accountId: read.accountId,
    };
  });

/** Usage records for codes of the catalog (as recorded: any case, with stray spaces) or for others. */
function history(codes: readonly string[]): fc.Arbitrary<UsageEntry[]> {
  const usedCode = codes.length === 0 ? code : fc.oneof(pick(codes), code);
  return fc.array(
    fc.record({
      accountId: pick([...ACCOUNTS, UNKNOWN_ACCOUNT]),
      code: fc
        .tuple(usedCode, pick(['', ' ', '\u200B']), fc.boolean())
        .map(([used, junk, lower]) => `${lower ? used.toLowerCase() : used}${junk}`),
      usedAt: instant([-2000, -1]),
      source: pick(['order', 'manual', 'aliexpress'] as const),
    }),
    { maxLength: 5 },
  );
}

const scenario = catalog.chain((catalog) =>
  fc.record({
    catalog: fc.constant(catalog),
    history: history(catalog.entries.map((entry) => entry.promo.code)),
    // Several carts against one catalog: the index built for the first is reused for the others.
    snapshots: fc.array(snapshot, { minLength: 1, maxLength: 4 }),
  }),
);

/** The outcome of a call, thrown errors included, so that both sides may be compared either way. */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('matchingCodes agrees with running the fit checks on every code', () => {
  test('the same fitting codes and near misses, savings, shortfalls and order', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, history, snapshots }) => {
        for (const cart of snapshots) {
          const expected = rankCodesByChecks(cart, catalog, history, NOW);
          const actual = matchingCodes(cart, catalog, history, NOW);
          expect(actual).toEqual(expected);
          const code = catalog.entries[0]?.promo.code ?? 'SAVE8';
          expect(suggestableCodes(cart, catalog, history, NOW, code)).toEqual(
            expected.fitting.filter((match) => match.promo.code !== code && match.promo.example !== true),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  test('diagnose suggests what the check-by-check ranking would have it suggest', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ catalog, history, snapshots }, which) => {
        const entries = catalog.entries;
        const entered = entries.length === 0 ? 'SAVE8' : (entries[which % entries.length]?.promo.code ?? '');
        const promoOf = entries.find((entry) => entry.promo.code === entered)?.promo ?? null;
        for (const cart of snapshots) {
          if (!cart.ready) continue;
          const fittingNow =
            promoOf === null
              ? []
              : rankCodesByChecks(cart, catalog, history, NOW).fitting.filter(
                  (match) => match.promo.code !== entered && match.promo.example !== true,
                );
          const context = { snapshot: cart, enteredCode: entered, catalog, history, now: NOW, fittingNow };
          const expected = runChecks(CHECKS, { ...context, accountId: accountIdOf(cart) }, promoOf);
          expect(diagnose(cart, entered, catalog, history, NOW).results).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('amounts too large for safe integers fail the same way (or not) on both paths', () => {
    const huge = 2 ** 52;
    fc.assert(
      fc.property(
        scenario,
        pick([huge, 2 ** 49, Number.MAX_SAFE_INTEGER]),
        ({ catalog, history, snapshots }, amount) => {
          for (const cart of snapshots) {
            const big: CartSnapshot = {
              ...cart,
              amounts: { ...cart.amounts, itemsSubtotal: known(amount, 'test') },
              lines: cart.lines.known
                ? known(
                    cart.lines.value.map((line) => ({ ...line, unitPriceMinor: amount })),
                    'test',
                  )
                : cart.lines,
            };
            expect(outcome(() => matchingCodes(big, catalog, history, NOW))).toEqual(
              outcome(() => rankCodesByChecks(big, catalog, history, NOW)),
            );
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
