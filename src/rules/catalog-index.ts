/**
 * What ranking needs of each catalog code, worked out once per catalog instead of once per code per cart:
 * instants as numbers, flags, the code as history compares it, exclusion ids inverted (which codes
 * exclude a store or a product), keywords listed once, and each minimum spend placed in a cart currency
 * (once per currency). Arrays are by catalog position, so the ranking loop reads numbers, not varied promo objects.
 * Catalogs are never mutated, so the index is kept per Catalog object; a different entries array, length
 * or rates object rebuilds it.
 */
import { codeKey } from './code-match.ts';
import { convertToMinor } from './money.ts';
import type { Catalog, CatalogEntry, Exclusions, FxRates } from './schemas/catalog.ts';
import { minSpendBand } from './spend.ts';

export const APP_ONLY = 1;
export const FIRST_ORDER_ONLY = 2;
/** `usage: 'once-per-account'`: history decides. */
export const ONCE_PER_ACCOUNT = 4;
/** `example: true`: an illustrative entry, never suggested. */
export const EXAMPLE = 8;

export interface IndexedExclusions {
  readonly reject: boolean;
  readonly hasStoreIds: boolean;
  readonly hasProductIds: boolean;
  /** Positions in `CatalogIndex.keywords`. */
  readonly keywordIds: readonly number[];
}

/**
 * Each code's `minSpendBand` in one cart currency, by catalog position; NaN where there is no rate (no
 * amount then meets or falls below it, as `no-rate` decides neither). `safe`: every threshold is small
 * enough that the checks' minimum-spend arithmetic cannot leave the safe-integer range (`money` would
 * throw); when false, ranking takes the check-by-check path.
 */
export interface MinSpendThresholds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly toClear: Float64Array;
  readonly safe: boolean;
}

export interface CatalogIndex {
  readonly entries: readonly CatalogEntry[];
  /** `Date.parse` of validFrom and validUntil, as the expiry check compares them. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** APP_ONLY | FIRST_ORDER_ONLY | ONCE_PER_ACCOUNT | EXAMPLE. */
  readonly flags: Uint8Array;
  /** The countries of a region-locked code; null for GLOBAL. */
  readonly regions: readonly (readonly string[] | null)[];
  /** The code as `sameCode` compares it with usage history. */
  readonly historyKeys: readonly string[];
  /** Null where the code excludes nothing (ineligible-items then passes without looking at lines). */
  readonly exclusions: readonly (IndexedExclusions | null)[];
  /** Every exclusion keyword in the catalog, lower-cased as ineligible-items matches them, once each. */
  readonly keywords: readonly string[];
  /** Which codes exclude a store id / a product id. */
  excludingStore(): ExcludingIds;
  excludingProduct(): ExcludingIds;
  minSpendIn(currency: string): MinSpendThresholds;
}

/**
 * Codes by excluded id, as linked lists in flat arrays (a catalog can list many thousands of ids): from
 * `first.get(id)` follow `next` until -1; `position` gives each link's catalog position.
 */
export interface ExcludingIds {
  readonly first: ReadonlyMap<string, number>;
  readonly next: Int32Array;
  readonly position: Int32Array;
}

/** Amounts up to this keep every sum and difference the checks form a safe integer. */
export const SAFE_AMOUNT = 2 ** 50;

interface CachedIndex extends CatalogIndex {
  readonly length: number;
  readonly fxRates: FxRates | null;
}

const indexes = new WeakMap<Catalog, CachedIndex>();

function buildIndex(catalog: Catalog): CachedIndex {
  const { entries, fxRates } = catalog;
  const count = entries.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const flags = new Uint8Array(count);
  const regions: (readonly string[] | null)[] = [];
  const historyKeys: string[] = [];
  const exclusions: (IndexedExclusions | null)[] = [];
  const keywordIds = new Map<string, number>();
  entries.forEach(({ promo }, position) => {
    starts[position] = Date.parse(promo.validFrom);
    ends[position] = Date.parse(promo.validUntil);
    flags[position] =
      (promo.appOnly ? APP_ONLY : 0) |
      (promo.firstOrderOnly ? FIRST_ORDER_ONLY : 0) |
      (promo.usage !== 'unlimited' ? ONCE_PER_ACCOUNT : 0) |
      (promo.example === true ? EXAMPLE : 0);
    regions.push(promo.regions === 'GLOBAL' ? null : promo.regions);
    historyKeys.push(codeKey(promo.code));
    const excludes = promo.excludes;
    if (!excludes || excludes.storeIds.length + excludes.productIds.length + excludes.keywords.length === 0) {
      exclusions.push(null);
      return;
    }
    exclusions.push({
      reject: excludes.effect === 'reject',
      hasStoreIds: excludes.storeIds.length > 0,
      hasProductIds: excludes.productIds.length > 0,
      keywordIds: excludes.keywords.map((keyword) => {
        const lower = keyword.toLowerCase();
        let id = keywordIds.get(lower);
        if (id === undefined) {
          id = keywordIds.size;
          keywordIds.set(lower, id);
        }
        return id;
      }),
    });
  });

  let byStore: ExcludingIds | null = null;
  let byProduct: ExcludingIds | null = null;
  const byCurrency = new Map<string, MinSpendThresholds>();
  return {
    entries,
    length: count,
    fxRates,
    starts,
    ends,
    flags,
    regions,
    historyKeys,
    exclusions,
    keywords: [...keywordIds.keys()],
    excludingStore() {
      byStore ??= invertIds(entries, exclusions, (excludes) => excludes.storeIds);
      return byStore;
    },
    excludingProduct() {
      byProduct ??= invertIds(entries, exclusions, (excludes) => excludes.productIds);
      return byProduct;
    },
    minSpendIn(currency) {
      let thresholds = byCurrency.get(currency);
      if (thresholds === undefined) {
        thresholds = placeMinSpends(entries, currency, fxRates);
        byCurrency.set(currency, thresholds);
      }
      return thresholds;
    },
  };
}

function invertIds(
  entries: readonly CatalogEntry[],
  exclusions: readonly (IndexedExclusions | null)[],
  idsOf: (excludes: Exclusions) => readonly string[],
): ExcludingIds {
  let links = 0;
  entries.forEach(({ promo }, position) => {
    if (exclusions[position] && promo.excludes) links += idsOf(promo.excludes).length;
  });
  const first = new Map<string, number>();
  const next = new Int32Array(links);
  const position = new Int32Array(links);
  let link = 0;
  entries.forEach(({ promo }, codePosition) => {
    if (!exclusions[codePosition] || !promo.excludes) return;
    for (const id of idsOf(promo.excludes)) {
      position[link] = codePosition;
      next[link] = first.get(id) ?? -1;
      first.set(id, link);
      link++;
    }
  });
  return { first, next, position };
}

function placeMinSpends(
  entries: readonly CatalogEntry[],
  currency: string,
  fxRates: FxRates | null,
): MinSpendThresholds {
  const margin = 1 + Math.abs(fxRates?.uncertainty ?? 0);
  let safe = true;
  const lower = new Float64Array(entries.length).fill(Number.NaN);
  const upper = new Float64Array(entries.length).fill(Number.NaN);
  const toClear = new Float64Array(entries.length).fill(Number.NaN);
  entries.forEach(({ promo }, position) => {
    const converted = convertToMinor(promo.minSpend, currency, fxRates);
    if (!(Math.abs(promo.minSpend.amountMinor) <= SAFE_AMOUNT)) safe = false;
    if (converted !== null && !(Math.abs(converted) * margin <= SAFE_AMOUNT)) safe = false;
    const band = minSpendBand(promo.minSpend, currency, converted, fxRates);
    if (band === null) return;
    lower[position] = band.lower;
    upper[position] = band.upper;
    toClear[position] = band.toClear;
  });
  return { lower, upper, toClear, safe };
}

export function catalogIndex(catalog: Catalog): CatalogIndex {
  const cached = indexes.get(catalog);
  if (
    cached?.entries === catalog.entries &&
    cached.length === catalog.entries.length &&
    cached.fxRates === catalog.fxRates
  ) {
    return cached;
  }
  const index = buildIndex(catalog);
  indexes.set(catalog, index);
  return index;
}
