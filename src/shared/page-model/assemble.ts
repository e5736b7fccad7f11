/**
 * `assembleSnapshot`: turns one page read (text and structure from the content script, `raw.ts`) into a
 * `CartSnapshot`. It runs in the background, and in `extractSnapshot` for the `npm run diagnose` CLI and
 * the tests, so a saved page reads exactly as the live one did.
 *
 * It settles the currency and region from the aep_usuc_f cookie, parses every amount once, cross-checks
 * the lines against the summary, classifies AliExpress's promo error and says, for every field it could
 * not read, why. Pure: no DOM, no extension APIs.
 */
import type { CartLine, CartSnapshot } from '../../rules/schemas/snapshot.ts';
import type { Field } from '../../rules/schemas/field.ts';
import { parsePrice } from './parse/price.ts';
import { classifyLabel } from './labels.ts';
import { classifyPromoError } from './parse/promo-error.ts';
import { parseAepUsucF } from './parse/region-cookie.ts';
import { resolveCurrency } from './currency.ts';
import { identifyPage } from './page-kind.ts';
import type { PageRead, PromoCaptureState, RawLine, RawPage, RawRow, SummaryLabel } from './raw.ts';
import { clip, normaliseLabel } from './text.ts';

type Amounts = CartSnapshot['amounts'];
type Promo = CartSnapshot['promo'];

const known = <T>(value: T, source: string): Field<T> => ({ known: true, value, source: clip(source, 200) });
const missing = <T>(reason: string): Field<T> => ({ known: false, reason: clip(reason, 500) });

const CAPTURE_SOURCES: Record<string, string> = {
  paste: 'pasted into the promo field',
  input: 'typed into the promo field',
  'apply-click': 'in the promo field at Apply',
  'pay-click': 'in the promo field at Pay now',
};

/** What the unused "Promo codes" row shows instead of an amount: a control, [IL-CONF] 2026-09-04. */
const PROMO_ROW_EMPTY = [
  'enter',
  'introducir',
  'ingresar',
  'saisir',
  'entrer',
  'inserir',
  'digitar',
  'eingeben',
  'ввести',
  'ввести промокод',
  'use',
  'apply',
];

export function assembleSnapshot(page: PageRead): CartSnapshot {
  const { url, raw, capture: promoCapture } = page;
  const { pageKind, platform } = identifyPage(url);
  const cookieValue = page.cookie || null;
  const cookie = cookieValue ? parseAepUsucF(cookieValue) : {};
  const cookieNote = cookieValue
    ? 'the aep_usuc_f cookie has no c_tp field'
    : 'the aep_usuc_f cookie is not readable from the page';

  const priceTexts = [
    ...(raw.summary?.rows.map((row) => row.value) ?? []),
    ...(raw.lines?.lines.flatMap((line) => (line.priceText ? [line.priceText] : [])) ?? []),
    ...(raw.totalText ? [raw.totalText] : []),
  ];
  const currency = resolveCurrency(cookie.currency, cookieNote, priceTexts);
  const notReady = raw.notReadyReason ?? 'the page is still loading';

  const { amounts, lines, promoRow } = raw.ready
    ? readMoney(raw, currency, pageKind)
    : { amounts: allMissing(notReady), lines: missing<CartLine[]>(notReady), promoRow: null };

  return {
    schemaVersion: 1,
    url: clip(url, 4000),
    pageKind,
    platform,
    ready: raw.ready,
    readAt: page.readAt,
    currency,
    amounts,
    lines,
    region: {
      shipTo: shipTo(cookie.region, cookieValue !== null, raw.addressCountry),
      site: cookie.site
        ? known(cookie.site, 'cookie aep_usuc_f')
        : missing(
            cookieValue
              ? 'the aep_usuc_f cookie has no site field'
              : 'the aep_usuc_f cookie is not readable from the page',
          ),
      account: missing('AliExpress does not show the account country on this page'),
    },
    accountId: cookie.memberId
      ? known(cookie.memberId, 'cookie aep_usuc_f (x_alimid)')
      : missing(
          cookieValue
            ? 'not signed in (no x_alimid in aep_usuc_f)'
            : 'the aep_usuc_f cookie is not readable from the page',
        ),
    promo: readPromoState(raw, pageKind, currency, promoRow, promoCapture),
  };
}

function allMissing(reason: string): Amounts {
  return {
    itemsSubtotal: missing(reason),
    storeDiscounts: missing(reason),
    coins: missing(reason),
    shipping: missing(reason),
    tax: missing(reason),
    total: missing(reason),
  };
}

function shipTo(
  region: string | undefined,
  cookieReadable: boolean,
  address: Field<string> | null,
): Field<string> {
  const fromCookie = region && /^[A-Z]{2}$/.test(region) ? region : null;
  if (address?.known && fromCookie && address.value !== fromCookie) {
    return missing(
      `the aep_usuc_f cookie says ship to ${fromCookie} but the checkout address is in ${address.value}; reload the page`,
    );
  }
  if (fromCookie) return known(fromCookie, 'cookie aep_usuc_f');
  if (address?.known) return address;
  const cookieReason = cookieReadable
    ? 'the aep_usuc_f cookie has no region field'
    : 'the aep_usuc_f cookie is not readable from the page';
  return missing(address && !address.known ? `${cookieReason}, and ${address.reason}` : cookieReason);
}

// ---------------------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------------------

type Parsed = { ok: true; minor: number } | { ok: false; reason: string };

function parseAmount(text: string, currency: string): Parsed {
  const reading = parsePrice(text, { currency });
  switch (reading.kind) {
    case 'amount':
      return { ok: true, minor: reading.amountMinor };
    case 'free':
      return { ok: true, minor: 0 };
    case 'range':
      return { ok: false, reason: `"${clip(text, 40)}" is a price range` };
    default:
      return { ok: false, reason: `"${clip(text, 40)}" could not be read as a price (${reading.reason})` };
  }
}

interface ParsedRow extends RawRow {
  /** Which row this is, from its label; null when the label is none we know. */
  readonly kind: SummaryLabel | null;
  readonly amount: Parsed;
}

interface MoneyRead {
  amounts: Amounts;
  lines: Field<CartLine[]>;
  /** The "Promo codes" row, for the applied-code check. */
  promoRow: ParsedRow | null;
}

function readMoney(
  raw: RawPage,
  currencyField: Field<string>,
  pageKind: CartSnapshot['pageKind'],
): MoneyRead {
  if (!currencyField.known) {
    const reason = `the currency is unknown (${currencyField.reason})`;
    return {
      amounts: allMissing(reason),
      lines: raw.lines
        ? known(
            raw.lines.lines.map((line) => toLine(line, null)),
            raw.lines.source,
          )
        : missing(raw.linesMissing),
      promoRow: null,
    };
  }
  const currency = currencyField.value;
  if (!raw.summary && pageKind === 'order-placed') {
    return { amounts: allMissing(raw.summaryMissing), lines: missing(raw.linesMissing), promoRow: null };
  }

  // Rows found by shape alone (label text) count only when their label is one we know.
  const byShape = raw.summary?.via === 'label text';
  const rows: ParsedRow[] = (raw.summary?.rows ?? [])
    .map((row) => ({ ...row, kind: classifyLabel(row.label) }))
    .filter((row) => row.kind !== 'heading' && row.value !== '' && !(byShape && row.kind === null))
    .map((row) => ({ ...row, amount: parseAmount(row.value, currency) }));
  const summaryVia = raw.summary?.via ?? '';
  const ofKind = (kind: SummaryLabel) => rows.filter((row) => row.kind === kind);
  const unrecognised = rows.filter((row) => row.kind === null && row.amount.ok);
  // Rows found by label text alone (the layout changed): a row we did not find may still be there under
  // a new wording, so its absence proves nothing.
  const noSummary = raw.summary ? null : raw.summaryMissing;
  const absenceProvesNothing = raw.summary?.via === 'label text';

  // Lines and their sum (selected lines only: the summary counts only what is ticked).
  let lines: Field<CartLine[]>;
  let linesSum: Parsed = { ok: false, reason: raw.linesMissing };
  if (raw.lines) {
    const parsedLines = raw.lines.lines.map((line) => {
      const price = line.priceText ? parseAmount(line.priceText, currency) : null;
      return toLine(line, price?.ok && price.minor >= 0 ? price.minor : null);
    });
    lines = known(parsedLines, raw.lines.source);
    linesSum = sumSelected(parsedLines);
  } else if (raw.emptyCart) {
    lines = known([], 'the cart says it is empty');
    linesSum = { ok: true, minor: 0 };
  } else {
    lines = missing(raw.linesMissing);
  }

  const amounts: Amounts = {
    itemsSubtotal: itemsSubtotal(ofKind('subtotal'), linesSum, raw, summaryVia),
    storeDiscounts: discountSum(
      ofKind('storeDiscount'),
      'store discount or coupon',
      summaryVia,
      noSummary,
      raw.emptyCart,
      absenceProvesNothing,
    ),
    coins: discountSum(
      ofKind('coins'),
      'coins or bonus',
      summaryVia,
      noSummary,
      raw.emptyCart,
      absenceProvesNothing,
    ),
    shipping: single(
      ofKind('shipping'),
      summaryVia,
      noSummary ?? 'the summary shows no shipping row',
      raw.emptyCart,
    ),
    tax: tax(
      ofKind('tax'),
      unrecognised,
      pageKind,
      summaryVia,
      noSummary,
      raw.emptyCart,
      absenceProvesNothing,
    ),
    total: total(ofKind('total'), raw.totalText, currency, summaryVia, noSummary, raw.emptyCart),
  };

  // A discount row we cannot name could be a store coupon: then the discount total is not known.
  const strayDiscount = unrecognised.find((row) => row.amount.ok && row.amount.minor < 0);
  if (strayDiscount && amounts.storeDiscounts.known) {
    amounts.storeDiscounts = missing(
      `the summary row "${clip(strayDiscount.label, 40)}" (${clip(strayDiscount.value, 30)}) is a discount we do not recognise`,
    );
  }
  return { amounts, lines, promoRow: ofKind('promo')[0] ?? null };
}

function toLine(line: RawLine, unitPriceMinor: number | null): CartLine {
  return {
    title: clip(line.title, 2000),
    productId: line.productId,
    skuId: line.skuId ? clip(line.skuId, 200) : null,
    variant: line.variant ? clip(line.variant, 200) : null,
    storeName: line.storeName ? clip(line.storeName, 2000) : null,
    storeId: line.storeId,
    unitPriceMinor,
    quantity: line.quantity,
    selected: line.selected,
  };
}

function sumSelected(lines: readonly CartLine[]): Parsed {
  let sum = 0;
  for (const line of lines) {
    if (line.selected === false) continue;
    if (line.selected === null)
      return { ok: false, reason: `whether "${clip(line.title, 40)}" is ticked could not be read` };
    if (line.unitPriceMinor === null)
      return { ok: false, reason: `the price of "${clip(line.title, 40)}" could not be read` };
    if (line.quantity === null)
      return { ok: false, reason: `the quantity of "${clip(line.title, 40)}" could not be read` };
    sum += line.unitPriceMinor * line.quantity;
  }
  return { ok: true, minor: sum };
}

/** The rows' one amount: several rows must agree. */
function agreed(rows: readonly ParsedRow[]): Parsed & { label?: string } {
  let found: { minor: number; label: string } | null = null;
  for (const row of rows) {
    if (!row.amount.ok) return row.amount;
    if (found && found.minor !== row.amount.minor) {
      return { ok: false, reason: `two "${clip(row.label, 30)}" rows disagree` };
    }
    found = { minor: row.amount.minor, label: row.label };
  }
  return found ? { ok: true, minor: found.minor, label: found.label } : { ok: false, reason: 'no row' };
}

function itemsSubtotal(
  rows: readonly ParsedRow[],
  linesSum: Parsed,
  raw: RawPage,
  via: string,
): Field<number> {
  const summary = rows.length > 0 ? agreed(rows) : null;
  if (summary && !summary.ok) return missing(`the Subtotal row: ${summary.reason}`);
  const label = summary?.ok ? (summary.label ?? 'Subtotal') : 'Subtotal';
  // Items never cost less than nothing: a negative Subtotal is a misread, not a spend base.
  if (summary?.ok && summary.minor < 0)
    return missing(`the "${clip(label, 30)}" row shows a negative amount`);
  if (summary?.ok && linesSum.ok) {
    if (summary.minor !== linesSum.minor) {
      return missing(
        `the "${clip(label, 30)}" row says ${summary.minor} but the selected lines add up to ${linesSum.minor} (minor units); not picking one`,
      );
    }
    return known(summary.minor, `summary row "${clip(label, 30)}" (${via}), matching the selected lines`);
  }
  if (summary?.ok) return known(summary.minor, `summary row "${clip(label, 30)}" (${via})`);
  if (raw.emptyCart) return known(0, 'the cart says it is empty');
  if (linesSum.ok && raw.lines)
    return known(linesSum.minor, `sum of the selected lines (${raw.lines.source})`);
  const why = raw.summary ? 'the summary shows no Subtotal row' : raw.summaryMissing;
  return missing(linesSum.ok ? why : `${why}, and ${linesSum.reason}`);
}

/** Discount-like rows (negative on the page), summed and returned as a positive amount. */
function discountSum(
  rows: readonly ParsedRow[],
  what: string,
  via: string,
  noSummary: string | null,
  emptyCart: boolean,
  absenceProvesNothing = false,
): Field<number> {
  if (noSummary) return emptyCart ? known(0, 'the cart says it is empty') : missing(noSummary);
  if (rows.length === 0 && absenceProvesNothing) {
    return missing(
      `the summary was read by label text only (layout changed): a missing ${what} row does not mean there is none`,
    );
  }
  if (rows.length === 0) return known(0, `no ${what} row in the summary (${via})`);
  let sum = 0;
  for (const row of rows) {
    if (!row.amount.ok) return missing(`the "${clip(row.label, 30)}" row: ${row.amount.reason}`);
    sum += Math.abs(row.amount.minor);
  }
  const labels = rows.map((row) => `"${clip(row.label, 30)}"`).join(' + ');
  return known(sum, `summary ${rows.length > 1 ? 'rows' : 'row'} ${labels} (${via})`);
}

function single(rows: readonly ParsedRow[], via: string, absent: string, emptyCart: boolean): Field<number> {
  if (rows.length === 0) return emptyCart ? known(0, 'the cart says it is empty') : missing(absent);
  const value = agreed(rows);
  if (!value.ok) return missing(`the "${clip(rows[0]?.label ?? '', 30)}" row: ${value.reason}`);
  return known(value.minor, `summary row "${clip(value.label ?? '', 30)}" (${via})`);
}

function tax(
  rows: readonly ParsedRow[],
  unrecognised: readonly ParsedRow[],
  pageKind: CartSnapshot['pageKind'],
  via: string,
  noSummary: string | null,
  emptyCart: boolean,
  absenceProvesNothing: boolean,
): Field<number> {
  if (rows.length > 0) return discountSum(rows, 'tax', via, null, false);
  if (emptyCart) return known(0, 'the cart says it is empty');
  if (noSummary) return missing(noSummary);
  const stray = unrecognised.find((row) => row.amount.ok && row.amount.minor > 0);
  if (stray)
    return missing(`the summary row "${clip(stray.label, 40)}" is not one we recognise; it may be tax`);
  // The cart does not compute tax: AliExpress adds it at checkout ([DSH] 2026-09-15 "Additional charges").
  if (pageKind === 'cart') return missing('the cart does not show tax; AliExpress adds it at checkout');
  if (absenceProvesNothing)
    return missing(
      'the summary was read by label text only (layout changed): a missing tax row does not mean there is none',
    );
  return known(0, `no tax row in the summary (${via})`);
}

function total(
  rows: readonly ParsedRow[],
  bigTotal: string | null,
  currency: string,
  via: string,
  noSummary: string | null,
  emptyCart: boolean,
): Field<number> {
  const fromRows = rows.length > 0 ? agreed(rows) : null;
  const fromBig = bigTotal ? parseAmount(bigTotal, currency) : null;
  if (fromRows?.ok && fromBig?.ok && fromRows.minor !== fromBig.minor) {
    return missing('the summary Total and the total beside Pay now disagree');
  }
  if (fromBig?.ok) {
    const agreeing = fromRows?.ok ? ', matching the summary Total row' : '';
    return known(fromBig.minor, `order total beside Pay now (.pl-order-toal-container__item)${agreeing}`);
  }
  if (fromRows?.ok) return known(fromRows.minor, `summary row "${clip(fromRows.label ?? '', 30)}" (${via})`);
  if (emptyCart) return known(0, 'the cart says it is empty');
  if (fromRows && !fromRows.ok) return missing(`the Total row: ${fromRows.reason}`);
  if (fromBig && !fromBig.ok) return missing(`the order total: ${fromBig.reason}`);
  return missing(noSummary ?? 'the summary shows no Total row');
}

// ---------------------------------------------------------------------------------------------------------
// Promo field
// ---------------------------------------------------------------------------------------------------------

function readPromoState(
  raw: RawPage,
  pageKind: CartSnapshot['pageKind'],
  currency: Field<string>,
  promoRow: ParsedRow | null,
  capture: PromoCaptureState,
): Promo {
  if (pageKind !== 'checkout') {
    const why =
      pageKind === 'cart'
        ? 'the promo-code field is on the checkout page, not the cart'
        : 'this page has no promo-code field';
    return { fieldPresent: false, enteredCode: missing(why), applied: missing(why), error: missing(why) };
  }
  if (!raw.ready || !raw.promo) {
    const why = raw.notReadyReason ?? 'the page is still loading';
    return { fieldPresent: false, enteredCode: missing(why), applied: missing(why), error: missing(why) };
  }
  // The "Promo codes" summary row reveals the input: it counts as the field.
  const promo = { ...raw.promo, fieldPresent: raw.promo.fieldPresent || promoRow !== null };
  const noField = 'no promo-code field was found on the checkout page';

  let enteredCode: Field<string>;
  if (capture.lastCode) {
    enteredCode = known(capture.lastCode.code, CAPTURE_SOURCES[capture.lastCode.via] ?? 'the promo field');
  } else if (promo.inputValue) {
    enteredCode = known(clip(promo.inputValue, 200), 'the promo field');
  } else {
    enteredCode = missing(promo.fieldPresent ? 'no code has been entered in the promo field' : noField);
  }

  const error: Field<{ text: string; kind: ReturnType<typeof classifyPromoError> } | null> = promo.errorText
    ? known(
        { text: promo.errorText, kind: classifyPromoError(promo.errorText) },
        'AliExpress error under the promo field',
      )
    : promo.fieldPresent
      ? known(null, 'no error shown under the promo field')
      : missing(noField);

  return {
    fieldPresent: promo.fieldPresent,
    enteredCode,
    applied: applied(promoRow, currency, capture, Boolean(promo.errorText)),
    error,
  };
}

/**
 * `snapshot` with the promo field's latest capture. A paste or keystroke changes only the entered code, so
 * the background applies it to the tab's last snapshot instead of the content script re-reading the page.
 * Same result as a fresh read: Apply and Pay (which set `appliedCode`) still send a full read.
 */
export function withCapture(snapshot: CartSnapshot, capture: PromoCaptureState): CartSnapshot {
  const promo = snapshot.promo;
  if (snapshot.pageKind !== 'checkout' || !snapshot.ready) return snapshot;
  const last = capture.lastCode;
  const enteredCode: Field<string> = last
    ? known(last.code, CAPTURE_SOURCES[last.via] ?? 'the promo field')
    : missing(
        promo.fieldPresent
          ? 'no code has been entered in the promo field'
          : 'no promo-code field was found on the checkout page',
      );
  return { ...snapshot, promo: { ...promo, enteredCode } };
}

function applied(
  row: ParsedRow | null,
  currency: Field<string>,
  capture: PromoCaptureState,
  errorShown: boolean,
): Promo['applied'] {
  if (!row) return missing('the summary has no "Promo codes" row');
  const valueText = normaliseLabel(row.value);
  if (PROMO_ROW_EMPTY.some((word) => valueText === word || valueText.startsWith(`${word} `))) {
    return known(null, `the "${clip(row.label, 30)}" row shows "${clip(row.value, 30)}"`);
  }
  if (!currency.known) return missing(`the currency is unknown (${currency.reason})`);
  if (!row.amount.ok) return missing(`the "${clip(row.label, 30)}" row: ${row.amount.reason}`);
  if (row.amount.minor >= 0)
    return missing(`the "${clip(row.label, 30)}" row shows "${clip(row.value, 30)}", not a discount`);
  // AliExpress shows only the amount; the code is the one applied in this visit, if it raised no error.
  const code = capture.appliedCode && !errorShown ? capture.appliedCode.code.slice(0, 64) : null;
  return known(
    { code, discountMinor: Math.abs(row.amount.minor) },
    `the "${clip(row.label, 30)}" row shows a discount`,
  );
}
