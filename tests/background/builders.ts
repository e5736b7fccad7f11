/**
 * Small builders for background tests: a checkout snapshot, promo codes and feeds shaped like what the
 * content script and a publisher send. Amounts are minor units (US $87.40 = 8740).
 */
import type { Feed, PromoCode } from '../../src/rules/schemas/catalog.ts';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { known, missing } from '../../src/rules/schemas/field.ts';
import type { PageRead } from '../../src/shared/page-model/raw.ts';
import { makePromo } from '../helpers/snapshot.ts';
import { CONTENT_TO_BACKGROUND } from '../../src/shared/message-names.ts';

export const CHECKOUT_URL =
  'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004259953000&aeOrderFrom=main_shopcart';
export const CART_URL = 'https://www.aliexpress.com/p/shoppingcart/index.html';
export const PAY_RESULT_URL =
  'https://www.aliexpress.com/p/second-payment/pay-result.html?pmntId=20261124501234';

type SnapshotOverrides = Partial<Omit<CartSnapshot, 'promo'>> & { promo?: Partial<CartSnapshot['promo']> };

/** A US checkout of US $87.40 in two lines, account 4465986603, nothing typed in the promo field. */
export function makeCheckoutSnapshot(overrides: SnapshotOverrides = {}): CartSnapshot {
  const base: CartSnapshot = {
    schemaVersion: 1,
    url: CHECKOUT_URL,
    pageKind: 'checkout',
    platform: 'desktop',
    ready: true,
    readAt: '2026-11-24T18:00:00.000Z',
    currency: known('USD', 'summary'),
    amounts: {
      itemsSubtotal: known(8740, 'summary'),
      storeDiscounts: known(0, 'summary'),
      coins: known(0, 'summary'),
      shipping: known(0, 'summary'),
      tax: known(612, 'summary'),
      total: known(9352, 'summary'),
    },
    lines: known(
      [
        {
          title: 'Baseus 65W GaN charger, 3 ports',
          productId: '1005006123456789',
          skuId: '12000036123456789',
          storeName: 'Baseus Official Store',
          storeId: '1102218021',
          unitPriceMinor: 3490,
          quantity: 1,
          selected: true,
        },
        {
          title: 'UGREEN USB-C cable 2 m (2 pack)',
          productId: '1005005987654321',
          skuId: '12000035987654321',
          storeName: 'UGREEN Official Store',
          storeId: '1100006211',
          unitPriceMinor: 2625,
          quantity: 2,
          selected: true,
        },
      ],
      'lines',
    ),
    region: {
      shipTo: known('US', 'cookie aep_usuc_f region'),
      site: known('usa', 'cookie aep_usuc_f site'),
      account: missing('the page does not show the account country'),
    },
    accountId: known('4465986603', 'cookie aep_usuc_f x_alimid'),
    promo: {
      fieldPresent: true,
      enteredCode: known('', 'promo input'),
      applied: known(null, 'order summary'),
      error: known(null, 'promo field'),
    },
  };
  const { promo, ...rest } = overrides;
  return { ...base, ...rest, promo: { ...base.promo, ...promo } };
}

export function withEnteredCode(snapshot: CartSnapshot, code: string): CartSnapshot {
  return { ...snapshot, promo: { ...snapshot.promo, enteredCode: known(code, 'promo input') } };
}

export function makePaymentResultSnapshot(accountId = '4465986603'): CartSnapshot {
  return makeCheckoutSnapshot({
    url: PAY_RESULT_URL,
    pageKind: 'order-placed',
    lines: missing('the payment result page lists no lines'),
    accountId: known(accountId, 'cookie aep_usuc_f x_alimid'),
    promo: {
      fieldPresent: false,
      enteredCode: missing('no promo field on this page'),
      applied: missing('no order summary on this page'),
      error: known(null, 'promo field'),
    },
  });
}

/** SAVE8, US $8 off US $59+: the rule engine's test builder, so both suites mean the same code. */
export { makePromo };

export function makeFeed(codes: PromoCode[] = [makePromo()], overrides: Partial<Feed> = {}): Feed {
  return {
    version: 1,
    publisher: 'Example Coupons',
    generatedAt: '2026-11-20T08:00:00Z',
    codes,
    ...overrides,
  };
}

/** The feed bundled with the extension in tests: two dated codes of one ladder. */
export const BUNDLED_TEST_FEED: Feed = makeFeed(
  [
    makePromo({ code: 'SAVE8', tier: { ladder: 'nov-2026', rank: 1 } }),
    makePromo({
      code: 'SAVE18',
      discount: { kind: 'fixed', amount: { amountMinor: 1800, currency: 'USD' } },
      minSpend: { amountMinor: 9900, currency: 'USD' },
      tier: { ladder: 'nov-2026', rank: 2 },
    }),
  ],
  { publisher: 'Promo Code Doctor (bundled)', generatedAt: '2026-11-15T00:00:00Z' },
);

/**
 * What the content script sends from that US $87.40 checkout: texts as the page shows them, the
 * aep_usuc_f cookie, and what the shopper typed.
 */
export function makeCheckoutPageRead(typed: string | null = null): PageRead {
  const at = Date.parse('2026-11-24T18:00:00Z');
  return {
    url: CHECKOUT_URL,
    cookie: 'site=usa&c_tp=USD&x_alimid=4465986603&isb=y&region=US&b_locale=en_US',
    raw: {
      ready: true,
      notReadyReason: null,
      summary: {
        rows: [
          { label: 'Subtotal', value: 'US $87.40' },
          { label: 'Shipping', value: 'Free shipping' },
          { label: 'Tax', value: 'US $6.12' },
          { label: 'Total', value: 'US $93.52' },
        ],
        via: 'summary rows .pl-summary__item-pc',
      },
      summaryMissing: '',
      totalText: 'US $93.52',
      lines: {
        lines: [
          {
            title: 'Baseus 65W GaN charger, 3 ports',
            productId: '1005006123456789',
            skuId: '12000036123456789',
            variant: 'EU plug',
            storeName: 'Baseus Official Store',
            storeId: '1102218021',
            priceText: 'US $34.90',
            quantity: 1,
            selected: true,
          },
          {
            title: 'UGREEN USB-C cable 2 m (2 pack)',
            productId: '1005005987654321',
            skuId: '12000035987654321',
            variant: '2 m',
            storeName: 'UGREEN Official Store',
            storeId: '1100006211',
            priceText: 'US $26.25',
            quantity: 2,
            selected: true,
          },
        ],
        source: 'checkout lines',
      },
      linesMissing: '',
      emptyCart: false,
      promo: { fieldPresent: true, inputValue: typed, errorText: null },
      addressCountry: null,
    },
    capture: { lastCode: typed === null ? null : { code: typed, via: 'paste', at }, appliedCode: null },
    readAt: '2026-11-24T18:00:00.000Z',
  };
}

/** What the content script sends when the shopper pastes `code` into the promo field. */
export function pastedMessage(code: string) {
  return {
    type: CONTENT_TO_BACKGROUND.promoInput,
    trigger: 'promo-input',
    capture: { lastCode: { code, via: 'paste', at: Date.parse('2026-11-24T18:00:05Z') }, appliedCode: null },
  } as const;
}
