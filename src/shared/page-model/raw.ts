/**
 * What the content script reads from a page and sends to the background: text and structure only, no
 * money. The background turns it into a `CartSnapshot` (`assemble.ts`), so the content script carries no
 * price parser, no error classifier and no zod. Every text is clipped to `LIMITS` before it is sent, and
 * the background's schema (`PageReadMessageSchema` in src/shared/protocol.ts) enforces the same limits.
 */
import type { Field } from '../../rules/schemas/field.ts';

/** Which summary row a label names (`classifyLabel` in labels.ts). */
export type SummaryLabel =
  'promo' | 'storeDiscount' | 'coins' | 'shipping' | 'tax' | 'subtotal' | 'total' | 'heading';

/** Longest texts and lists a page read may hold; the readers clip to these, the schema rejects beyond. */
export const LIMITS = {
  url: 4000,
  /** The aep_usuc_f cookie value. */
  cookie: 8192,
  /** Titles, store names, AliExpress's promo error. */
  longText: 2000,
  /** Labels, values, prices, variants, ids, codes, "found with" notes. */
  shortText: 200,
  /** Why something is missing. */
  reason: 500,
  /** Product and store ids (digits). */
  id: 40,
  rows: 100,
  lines: 10000,
} as const;

/** A summary row as the page shows it; the background says which row it is (`classifyLabel`). */
export interface RawRow {
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
  /**
   * Ship-to country from the checkout address, when one is shown. Only the country code leaves the page:
   * the address itself (name, street, phone) is never sent.
   */
  readonly addressCountry: Field<string> | null;
}

/**
 * `linesMissing` of a read made without its lines: a cart's first read takes the summary only, and the
 * lines when a code is checked or the popup opens (issue 8: a 500-line read costs the shopper frames).
 */
export const LINES_NOT_READ_YET = 'the cart lines are read when a code is checked or the popup opens';

/** What a reader reads: the lines too, or only the summary, the promo field and the address. */
export interface ReadScope {
  readonly lines: boolean;
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
};

export const CAPTURE_VIAS = ['paste', 'input', 'apply-click', 'pay-click'] as const;
export type CaptureVia = (typeof CAPTURE_VIAS)[number];

export interface CapturedCode {
  /** Exactly as in the field (spaces and invisible characters kept: the exact-code check needs them). */
  readonly code: string;
  readonly via: CaptureVia;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** What the content script saw the shopper do in the promo field (src/content/promo-capture.ts). */
export interface PromoCaptureState {
  /** The last code seen in the field. */
  readonly lastCode: CapturedCode | null;
  /** The code in the field at the last Apply click. */
  readonly appliedCode: CapturedCode | null;
}

export const NO_CAPTURE: PromoCaptureState = { lastCode: null, appliedCode: null };

/** One read of a page: everything `assembleSnapshot` needs, and nothing more. */
export interface PageRead {
  readonly url: string;
  /**
   * The raw value of the aep_usuc_f cookie (region, currency, member id), or null; no other cookie. The
   * content script sends null: the background reads the cookie itself (`cookies.get`) and puts it here
   * before assembling. Readers given a cookie string (saved pages, `npm run diagnose`) fill it.
   */
  readonly cookie: string | null;
  readonly raw: RawPage;
  readonly capture: PromoCaptureState;
  /** ISO 8601. */
  readonly readAt: string;
}
