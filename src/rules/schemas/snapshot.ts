/**
 * What the content script read from an AliExpress page. Built by `src/content` extractors as a plain
 * object, validated with this schema in the background before the engine sees it.
 */
import { z } from '../zod.ts';
import { fieldSchema, type Field } from './field.ts';

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US');
/** Integer minor units of the snapshot's currency. */
const minorAmount = z.number().int().safe();
const shortText = z.string().max(2000);

export const PAGE_KINDS = ['cart', 'checkout', 'order-placed', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const PLATFORMS = ['desktop', 'mobile-web'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PROMO_ERROR_KINDS = [
  'expired',
  'not-started',
  'min-spend',
  'region',
  'ineligible-items',
  'already-used',
  'first-order-only',
  'app-only',
  'one-code-per-order',
  'invalid',
  'other',
] as const;
export type PromoErrorKind = (typeof PROMO_ERROR_KINDS)[number];

export const CartLineSchema = z.object({
  title: shortText,
  productId: z.string().max(40).nullable(),
  skuId: z.string().max(200).nullable(),
  /** The variant as the page shows it ("Color: Black, Plug: US"); absent from older snapshots. */
  variant: z.string().max(200).nullable().optional(),
  storeName: shortText.nullable(),
  storeId: z.string().max(40).nullable(),
  /** Unit price in minor units of the snapshot currency, after item-level discounts. */
  unitPriceMinor: minorAmount.nonnegative().nullable(),
  quantity: z.number().int().positive().max(100000).nullable(),
  /** Ticked for checkout. Checkout-page lines are always selected. */
  selected: z.boolean().nullable(),
});
export type CartLine = z.infer<typeof CartLineSchema>;

export const AppliedPromoSchema = z.object({
  /** The code, when the page shows it; AliExpress often shows only the amount. */
  code: z.string().max(64).nullable(),
  discountMinor: minorAmount.nullable(),
});
export type AppliedPromo = z.infer<typeof AppliedPromoSchema>;

export const PromoErrorSchema = z.object({
  text: shortText,
  kind: z.enum(PROMO_ERROR_KINDS),
});
export type PromoError = z.infer<typeof PromoErrorSchema>;

export const CartSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  url: z.string().max(4000),
  pageKind: z.enum(PAGE_KINDS),
  platform: z.enum(PLATFORMS),
  /** False while the page is still loading: an empty read then is "not ready", never "cart is empty". */
  ready: z.boolean(),
  readAt: z.iso.datetime({ offset: true }),
  currency: fieldSchema(currencyCode),
  amounts: z.object({
    /** Sum of the selected lines' prices, before store discounts, shipping and tax. */
    itemsSubtotal: fieldSchema(minorAmount),
    /** Store discounts and seller coupons already taken off, as a positive amount. */
    storeDiscounts: fieldSchema(minorAmount),
    /** Coins and bonus credit taken off, as a positive amount. */
    coins: fieldSchema(minorAmount),
    shipping: fieldSchema(minorAmount),
    tax: fieldSchema(minorAmount),
    total: fieldSchema(minorAmount),
  }),
  lines: fieldSchema(z.array(CartLineSchema).max(10000)),
  region: z.object({
    /** Ship-to country: the `region` field of the aep_usuc_f cookie, or the checkout address. */
    shipTo: fieldSchema(countryCode),
    /** Storefront (`site` field of aep_usuc_f: glo, usa, fra...). */
    site: fieldSchema(z.string().max(10)),
    /** The account's country, where the page shows it. */
    account: fieldSchema(countryCode),
  }),
  /** AliExpress member id (`x_alimid`), used only to keep usage history per account on this device. */
  accountId: fieldSchema(z.string().max(40)),
  promo: z.object({
    /** Whether the page has a promo-code field at all. */
    fieldPresent: z.boolean(),
    /** The code typed or pasted into the promo field, captured before Apply clears it. */
    enteredCode: fieldSchema(z.string().max(200)),
    /** The platform code already applied to this order; known null = none. */
    applied: fieldSchema(AppliedPromoSchema.nullable()),
    /** AliExpress's own error under the promo field; known null = none shown. */
    error: fieldSchema(PromoErrorSchema.nullable()),
  }),
});

export type CartSnapshot = z.infer<typeof CartSnapshotSchema>;
export type SnapshotAmounts = CartSnapshot['amounts'];
export type { Field };
