/**
 * What a page extractor reads before any money is parsed: text and structure only. Amounts are parsed
 * afterwards in `assemble.ts`, once the currency is settled, so every page kind shares one money path.
 */
import type { Field } from '../../rules/schemas/field.ts';
import type { SummaryLabel } from '../selectors.ts';

export interface RawRow {
  /** Which row this is, from its label; null when the label is none we know. */
  readonly kind: SummaryLabel | null;
  readonly label: string;
  readonly value: string;
}

export interface RawSummary {
  readonly rows: readonly RawRow[];
  /** How the rows were found ("summary rows .pl-summary__item-pc" or "label text"). */
  readonly via: string;
}

export interface RawLine {
  readonly title: string;
  readonly productId: string | null;
  readonly skuId: string | null;
  readonly variant: string | null;
  readonly storeName: string | null;
  readonly storeId: string | null;
  readonly priceText: string | null;
  readonly quantity: number | null;
  readonly selected: boolean | null;
}

export interface RawPromo {
  /** Whether the page has a promo-code field (the input, or the "Promo codes" row that reveals it). */
  readonly fieldPresent: boolean;
  /** What the input holds now (AliExpress clears it after a successful Apply). */
  readonly inputValue: string | null;
  /** AliExpress's own error text under the field, if one is shown. */
  readonly errorText: string | null;
}

export interface RawPage {
  /** False while the page is still loading; `notReadyReason` says what showed it. */
  readonly ready: boolean;
  readonly notReadyReason: string | null;
  readonly summary: RawSummary | null;
  /** Why no summary was found (only read when `summary` is null). */
  readonly summaryMissing: string;
  /** The big total next to Pay now (checkout only). */
  readonly totalText: string | null;
  readonly lines: { readonly lines: readonly RawLine[]; readonly source: string } | null;
  readonly linesMissing: string;
  /** The cart says it is empty (not merely that we found no lines). */
  readonly emptyCart: boolean;
  readonly promo: RawPromo | null;
  /** Ship-to country from the checkout address, when one is shown. */
  readonly addressCountry: Field<string> | null;
  /** Extra price texts (line prices are collected from `lines`), for currency inference. */
  readonly otherPriceTexts: readonly string[];
}

export const NOT_READ: Omit<RawPage, 'ready' | 'notReadyReason'> = {
  summary: null,
  summaryMissing: 'the page is still loading',
  totalText: null,
  lines: null,
  linesMissing: 'the page is still loading',
  emptyCart: false,
  promo: null,
  addressCountry: null,
  otherPriceTexts: [],
};
