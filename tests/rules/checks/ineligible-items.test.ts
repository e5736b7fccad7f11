import { describe, expect, test } from 'vitest';
import { ineligibleItems } from '../../../src/rules/checks/ineligible-items.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { known, missing } from '../../../src/rules/schemas/field.ts';
import type { CartLine } from '../../../src/rules/schemas/snapshot.ts';
import { moneyFact, runCheck } from '../../helpers/check.ts';
import { makeLine, makePromo, makeSnapshot, usd, type PromoOverrides } from '../../helpers/snapshot.ts';

// Default cart: a Baseus charger (US $29.90, store 1102009287) and two UGREEN hubs (2 x US $28.75, store 1101307014).
const CHARGER = 'Baseus 65W GaN USB-C Charger';
const HUB = 'UGREEN USB C Hub 7-in-1 HDMI 4K';
const BASEUS_STORE = '1102009287';
const UGREEN_STORE = '1101307014';

function run(promo: PromoOverrides, lines?: CartLine[]) {
  const snapshot = lines ? makeSnapshot({ lines: known(lines, 'test') }) : makeSnapshot();
  return runCheck(ineligibleItems, { promo: makePromo({ minSpend: usd(59), ...promo }), snapshot });
}

describe('ineligible-items', () => {
  test.each([
    { label: 'no exclusions passes', promo: {}, code: 'ineligible-items.no-exclusions' },
    {
      label: 'empty exclusion lists pass',
      promo: { excludes: { effect: 'reject' as const } },
      code: 'ineligible-items.no-exclusions',
    },
    {
      label: 'another store excluded: none of the items',
      promo: { excludes: { storeIds: ['999'] } },
      code: 'ineligible-items.none-excluded',
    },
    {
      label: 'reject: an excluded store fails',
      promo: { excludes: { storeIds: [BASEUS_STORE], effect: 'reject' as const } },
      code: 'ineligible-items.rejected',
    },
    {
      label: 'reject: an excluded product fails',
      promo: { excludes: { productIds: ['1005006143827361'], effect: 'reject' as const } },
      code: 'ineligible-items.rejected',
    },
    {
      label: 'reject: a title keyword matches case-insensitively',
      promo: { excludes: { keywords: ['gan usb-c'], effect: 'reject' as const } },
      code: 'ineligible-items.rejected',
    },
  ])('$label', ({ promo, code }) => {
    expect(run(promo).code).toBe(code);
  });

  test('reject names the lines to remove', () => {
    const result = run({ excludes: { storeIds: [BASEUS_STORE], effect: 'reject' } });
    expect(result.facts['lines']).toEqual({ kind: 'list', value: [CHARGER] });
    expect(createMessages('en').fix(result)).toBe(
      'Remove these items or order them separately, then apply the code again.',
    );
  });

  test.each([
    {
      label: 'hubs excluded: US $29.90 left, US $29.10 short',
      store: UGREEN_STORE,
      min: 59,
      code: 'ineligible-items.eligible-below',
      eligible: 2990,
      shortfall: 2910,
    },
    {
      label: 'charger excluded: US $57.50 left, US $1.50 short',
      store: BASEUS_STORE,
      min: 59,
      code: 'ineligible-items.eligible-below',
      eligible: 5750,
      shortfall: 150,
    },
    {
      label: 'charger excluded: US $57.50 left, exactly the minimum',
      store: BASEUS_STORE,
      min: 57.5,
      code: 'ineligible-items.not-counted',
      eligible: 5750,
      shortfall: undefined,
    },
    {
      label: 'charger excluded: US $57.50 left, above a US $39 minimum',
      store: BASEUS_STORE,
      min: 39,
      code: 'ineligible-items.not-counted',
      eligible: 5750,
      shortfall: undefined,
    },
  ])('not-counted: $label', ({ store, min, code, eligible, shortfall }) => {
    const result = run({ minSpend: usd(min), excludes: { storeIds: [store], effect: 'not-counted' } });
    expect(result.code).toBe(code);
    expect(moneyFact(result, 'eligibleSubtotal')?.amountMinor).toBe(eligible);
    expect(moneyFact(result, 'shortfall')?.amountMinor).toBe(shortfall);
  });

  test('not-counted below the minimum words which lines and how much', () => {
    const result = run({ excludes: { storeIds: [BASEUS_STORE] } });
    const en = createMessages('en');
    expect(en.summary(result)).toBe(
      `Not counted toward the minimum: ${CHARGER}. The rest comes to US $57.50, below US $59.00.`,
    );
    expect(en.fix(result)).toBe('Add US $1.50 of eligible items, or order the excluded items separately.');
  });

  test('an unticked excluded line is not part of the order', () => {
    const lines = [makeLine({ selected: false }), makeLine({ title: HUB, storeId: UGREEN_STORE })];
    expect(run({ excludes: { storeIds: [BASEUS_STORE], effect: 'reject' } }, lines).code).toBe(
      'ineligible-items.none-excluded',
    );
  });

  test.each([
    { label: 'lines unreadable', lines: null },
    { label: 'a line without a store id when stores are excluded', lines: [makeLine({ storeId: null })] },
    { label: 'an excluded line without a price', lines: [makeLine({ unitPriceMinor: null })] },
  ])('unknown: $label', ({ lines }) => {
    const promo = makePromo({ excludes: { storeIds: [BASEUS_STORE, '42'] } });
    const snapshot =
      lines === null
        ? makeSnapshot({ lines: missing('item list not rendered') })
        : makeSnapshot({ lines: known(lines, 'test') });
    const result = runCheck(ineligibleItems, { promo, snapshot });
    expect(result.code).toBe('ineligible-items.lines-unknown');
    expect(result.status).toBe('unknown');
  });

  test('reject: one excluded line decides even when another line is unreadable', () => {
    const lines = [makeLine({ title: 'Apple Gift Card 25 USD' }), makeLine({ storeId: null })];
    const promo = { excludes: { storeIds: ['42'], keywords: ['gift card'], effect: 'reject' as const } };
    expect(run(promo, lines).code).toBe('ineligible-items.rejected');
  });
});
