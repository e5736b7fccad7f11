/**
 * The code catalog ("feed"): what a publisher promises about each promo code. Validated here, exported
 * as JSON Schema by `npm run schema` for publishers.
 */
import { z } from '../zod.ts';

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US');
const instant = z.iso.datetime({ offset: true });

/** Zones already checked: building a formatter per code made validating a 10,000-code feed take ~1 s. */
const checkedTimeZones = new Map<string, boolean>();

function isIanaTimeZone(zone: string): boolean {
  let valid = checkedTimeZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (checkedTimeZones.size < 1000) checkedTimeZones.set(zone, valid);
  }
  return valid;
}

export const MoneySchema = z.object({
  amountMinor: z.number().int().nonnegative().max(1e12),
  currency: currencyCode,
});

export const DiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount: MoneySchema }),
  z.object({
    kind: z.literal('percent'),
    percent: z.number().gt(0).max(100),
    cap: MoneySchema.optional(),
  }),
]);
export type Discount = z.infer<typeof DiscountSchema>;

export const ExclusionsSchema = z.object({
  storeIds: z.array(z.string().max(40)).max(5000).default([]),
  productIds: z.array(z.string().max(40)).max(5000).default([]),
  /** Lower-case keywords matched against line titles (e.g. "gift card"). */
  keywords: z.array(z.string().min(2).max(80)).max(500).default([]),
  /** `reject`: any excluded line makes the code fail; `not-counted`: excluded lines don't count toward min spend. */
  effect: z.enum(['reject', 'not-counted']).default('not-counted'),
});
export type Exclusions = z.infer<typeof ExclusionsSchema>;

export const PromoCodeSchema = z
  .object({
    code: z.string().min(3).max(40).regex(/^[A-Z0-9]+$/, 'upper-case letters and digits only'),
    discount: DiscountSchema,
    minSpend: MoneySchema,
    validFrom: instant,
    validUntil: instant,
    /** IANA zone the campaign's dates are stated in (AliExpress campaigns: usually America/Los_Angeles). */
    timeZone: z.string().max(64).refine(isIanaTimeZone, 'an IANA time zone such as America/Los_Angeles'),
    /** `GLOBAL`, or the countries where the account and the ship-to address must both be. */
    regions: z.union([z.literal('GLOBAL'), z.array(countryCode).min(1).max(250)]),
    excludes: ExclusionsSchema.optional(),
    usage: z.enum(['once-per-account', 'unlimited']),
    firstOrderOnly: z.boolean().optional(),
    appOnly: z.boolean().optional(),
    tier: z.object({ ladder: z.string().max(60), rank: z.number().int().min(0).max(1000) }).optional(),
    verifiedAt: instant.optional(),
    source: z.string().max(500).optional(),
    /** True for illustrative entries that are not real codes. The UI labels them "example". */
    example: z.boolean().optional(),
  })
  .refine((c) => Date.parse(c.validFrom) < Date.parse(c.validUntil), {
    message: 'validFrom must be before validUntil',
    path: ['validUntil'],
  });
export type PromoCode = z.infer<typeof PromoCodeSchema>;

export const FxRatesSchema = z.object({
  base: currencyCode,
  date: z.iso.date(),
  /** Units of each currency per one unit of `base`. */
  rates: z.record(currencyCode, z.number().positive().finite()),
  /** How far a converted amount may be off (0.02 = 2 %): comparisons inside this band answer "unknown". */
  uncertainty: z.number().min(0).max(0.5).default(0.02),
});
export type FxRates = z.infer<typeof FxRatesSchema>;

export const FEED_MAX_CODES = 20000;

export const FeedSchema = z
  .object({
    version: z.literal(1),
    publisher: z.string().min(1).max(200),
    generatedAt: instant,
    fxRates: FxRatesSchema.optional(),
    codes: z.array(PromoCodeSchema).max(FEED_MAX_CODES),
  })
  .refine((feed) => new Set(feed.codes.map((c) => c.code)).size === feed.codes.length, {
    message: 'each code may appear only once',
    path: ['codes'],
  });
export type Feed = z.infer<typeof FeedSchema>;

/** Where a catalog entry came from; the shopper's own codes win over a feed, a feed over the bundled copy. */
export type CatalogSource = 'mine' | 'remote-feed' | 'bundled';
export interface CatalogEntry {
  readonly promo: PromoCode;
  readonly source: CatalogSource;
}
export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly fxRates: FxRates | null;
}
