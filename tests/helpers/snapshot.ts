/**
 * Fixture builders shared by every test that needs a cart or a code.
 *
 * - `makeSnapshot(overrides)`: a ready US checkout on the desktop site: two selected lines worth
 *   US $87.40, no store discount, US $2.99 shipping, ship-to and account in the US, member id
 *   `2201234567`, no code applied, no AliExpress error. `amounts`, `region` and `promo` merge one level
 *   deep, so `makeSnapshot({ amounts: { itemsSubtotal: missing('summary not rendered') } })` changes one
 *   field. The result is validated with `CartSnapshotSchema`, so a broken fixture fails loudly.
 * - `makeLine(overrides)`: one selected cart line.
 * - `makePromo(overrides)`: SAVE8, US $8 off US $59+, global, once per account, valid all of November
 *   2026 to the end of January 2027 in America/Los_Angeles; validated with `PromoCodeSchema`.
 * - `makeCatalog(promos, fxRates?)`: a catalog of those promos as the shopper's own ("mine") codes.
 * - `usd(dollars)`: US dollars to Money, e.g. `usd(87.4)`.
 */
import { money, type Money } from '../../src/rules/money.ts';
import {
  FxRatesSchema,
  PromoCodeSchema,
  type Catalog,
  type CatalogSource,
  type FxRates,
  type PromoCode,
} from '../../src/rules/schemas/catalog.ts';
import { known } from '../../src/rules/schemas/field.ts';
import { CartSnapshotSchema, type CartLine, type CartSnapshot } from '../../src/rules/schemas/snapshot.ts';

/** Dollars to whole cents, for readable fixtures (`usd(87.4)` is 8740 cents). */
export function usd(dollars: number): Money {
  return money(Math.round(dollars * 100), 'USD');
}

export function makeLine(overrides: Partial<CartLine> = {}): CartLine {
  return {
    title: 'Baseus 65W GaN USB-C Charger',
    productId: '1005006143827361',
    skuId: '12000036012345678',
    storeName: 'Baseus Official Store',
    storeId: '1102009287',
    unitPriceMinor: 2990,
    quantity: 1,
    selected: true,
    ...overrides,
  };
}

const DEFAULT_LINES: readonly CartLine[] = [
  makeLine(),
  makeLine({
    title: 'UGREEN USB C Hub 7-in-1 HDMI 4K',
    productId: '1005004863251823',
    skuId: '12000030877612345',
    storeName: 'UGREEN Official Store',
    storeId: '1101307014',
    unitPriceMinor: 2875,
    quantity: 2,
  }),
];

type SnapshotOverrides = Partial<Omit<CartSnapshot, 'amounts' | 'region' | 'promo'>> & {
  readonly amounts?: Partial<CartSnapshot['amounts']>;
  readonly region?: Partial<CartSnapshot['region']>;
  readonly promo?: Partial<CartSnapshot['promo']>;
};

export function makeSnapshot(overrides: SnapshotOverrides = {}): CartSnapshot {
  const { amounts, region, promo, ...top } = overrides;
  const base: CartSnapshot = {
    schemaVersion: 1,
    url: 'https://www.aliexpress.com/p/trade/confirm.html?itemId=1005006143827361',
    pageKind: 'checkout',
    platform: 'desktop',
    ready: true,
    readAt: '2026-11-24T18:00:00.000Z',
    currency: known('USD', 'cookie aep_usuc_f c_tp'),
    amounts: {
      itemsSubtotal: known(8740, 'summary Subtotal'),
      storeDiscounts: known(0, 'summary (no store discount row)'),
      coins: known(0, 'summary (no coins row)'),
      shipping: known(299, 'summary Shipping fee'),
      tax: known(0, 'summary (no tax row)'),
      total: known(9039, 'summary Total'),
    },
    lines: known([...DEFAULT_LINES], 'checkout item blocks'),
    region: {
      shipTo: known('US', 'cookie aep_usuc_f region'),
      site: known('glo', 'cookie aep_usuc_f site'),
      account: known('US', 'account menu'),
    },
    accountId: known('2201234567', 'cookie x_alimid'),
    promo: {
      fieldPresent: true,
      enteredCode: known('', 'promo input'),
      applied: known(null, 'summary Promo codes row'),
      error: known(null, 'promo error tip'),
    },
  };
  return CartSnapshotSchema.parse({
    ...base,
    ...top,
    amounts: { ...base.amounts, ...amounts },
    region: { ...base.region, ...region },
    promo: { ...base.promo, ...promo },
  });
}

/** Input shape of a promo (exclusion lists may be left out, as in a feed). */
export type PromoOverrides = Partial<Omit<PromoCode, 'excludes'>> & {
  readonly excludes?: Partial<NonNullable<PromoCode['excludes']>>;
};

export function makePromo(overrides: PromoOverrides = {}): PromoCode {
  return PromoCodeSchema.parse({
    code: 'SAVE8',
    discount: { kind: 'fixed', amount: { amountMinor: 800, currency: 'USD' } },
    minSpend: { amountMinor: 5900, currency: 'USD' },
    validFrom: '2026-11-01T00:00:00-07:00',
    validUntil: '2027-01-31T23:59:59-08:00',
    timeZone: 'America/Los_Angeles',
    regions: 'GLOBAL',
    usage: 'once-per-account',
    verifiedAt: '2026-11-20T12:00:00Z',
    source: 'test fixture',
    ...overrides,
  });
}

export function makeCatalog(
  promos: readonly PromoCode[],
  fxRates: Partial<FxRates> | null = null,
  source: CatalogSource = 'mine',
): Catalog {
  return {
    entries: promos.map((promo) => ({ promo, source })),
    fxRates:
      fxRates === null
        ? null
        : FxRatesSchema.parse({
            base: 'USD',
            date: '2026-11-20',
            rates: { EUR: 0.9 },
            uncertainty: 0.02,
            ...fxRates,
          }),
  };
}
