/**
 * Malformed pages: the saved US $87.40 checkout (tests/fixtures/pages/checkout-us-8740.html) changed the
 * way a half-rendered, A/B-tested or broken page differs: totals missing, summary rows duplicated, totals
 * that disagree with the lines, negative amounts, US $ and € on one page, 5,000 lines. Read with the content
 * script's extractor and diagnosed for a matrix of codes, the answer must be `unsure` or `cannot-read-page`
 * with the reason, never `will-apply` or `will-be-rejected` on a guess.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractSnapshot, readPage } from '../../src/content/extract/index.ts';
import { assembleSnapshot } from '../../src/shared/page-model/assemble.ts';
import { NO_CAPTURE, type PageRead } from '../../src/shared/page-model/raw.ts';
import { createMessages, diagnose } from '../../src/rules/index.ts';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { makeCatalog, makePromo } from '../helpers/snapshot.ts';
import { reportFigures } from './helpers.ts';

const PAGE = readFileSync(new URL('../fixtures/pages/checkout-us-8740.html', import.meta.url), 'utf8');
const META = JSON.parse(
  readFileSync(new URL('../fixtures/pages/checkout-us-8740.json', import.meta.url), 'utf8'),
) as { url: string; cookie: string };
const NOW = new Date('2026-11-24T18:00:00Z');
const en = createMessages('en');

function read(html: string, cookie = META.cookie): CartSnapshot {
  const window = new Window({
    url: META.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  try {
    return extractSnapshot(window.document as unknown as Document, META.url, cookie, NO_CAPTURE, NOW);
  } finally {
    void window.happyDOM.close();
  }
}

/** One change to the saved page; fails loudly if the page no longer has the text it changes. */
function edit(html: string, from: string | RegExp, to: string): string {
  const next = html.replace(from, to);
  if (next === html) throw new Error(`fixture edit found nothing to change: ${String(from)}`);
  return next;
}

const row = (label: string, value: string) =>
  `<div class="pl-summary__item-pc"><div class="pl-summary__item-title-pc">${label}</div><div class="pl-summary__item-content-wrapper"><div class="pl-summary__item-content-pc">${value}</div></div></div>`;
const SUBTOTAL_ROW = row('Subtotal', 'US $87.40');

/**
 * The checkout as the content script reads it, with its three lines replaced by `count` lines of `priceText`
 * each and the Subtotal row set to `subtotal`: what the background receives from a 5,000-line order. Built at
 * the `PageRead` level because happy-dom needs about a minute to lay out 5,000 product blocks; the DOM side
 * of a long cart is measured in real Chromium by `npm run bench`.
 */
function manyLinesRead(
  count: number,
  priceText: string,
  subtotal: string,
  odd?: { index: number; priceText: string },
): PageRead {
  const window = new Window({
    url: META.url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  window.document.write(PAGE);
  const page = readPage(window.document as unknown as Document, META.url, META.cookie, NO_CAPTURE, NOW);
  void window.happyDOM.close();
  const template = page.raw.lines?.lines[0];
  if (!template || !page.raw.summary) throw new Error('the saved checkout no longer reads as a checkout');
  const lines = Array.from({ length: count }, (_, i) => ({
    ...template,
    title: `USB-C cable ${i}`,
    productId: String(1005007000000000 + i),
    priceText: odd?.index === i ? odd.priceText : priceText,
    quantity: 1,
  }));
  const rows = page.raw.summary.rows.map((summaryRow) =>
    summaryRow.label === 'Subtotal' || summaryRow.label === 'Total'
      ? { ...summaryRow, value: subtotal }
      : summaryRow,
  );
  return {
    ...page,
    raw: {
      ...page.raw,
      totalText: subtotal,
      summary: { ...page.raw.summary, rows: rows.filter((summaryRow) => summaryRow.label !== 'Tax') },
      lines: { ...page.raw.lines, source: page.raw.lines?.source ?? '', lines },
    },
  };
}

/** Each malformed page, and the snapshot field whose reason the shopper must be shown. */
const MALFORMED: [label: string, html: () => string, cookie: string, field: RegExp][] = [
  ['no summary at all (still rendering)', () => edit(PAGE, /<div class="pl-summary-container">[\s\S]*?<div class="pl-order-toal-container">/, '<div class="pl-order-toal-container">'), META.cookie, /page|amounts/],
  [
    'no Subtotal row, and a line price not rendered yet',
    () => edit(edit(PAGE, SUBTOTAL_ROW, ''), '<span>US $6.48</span>', '<span></span>'),
    META.cookie,
    /amounts\.itemsSubtotal/,
  ],
  ['two Subtotal rows that disagree', () => edit(PAGE, SUBTOTAL_ROW, SUBTOTAL_ROW + row('Subtotal', 'US $78.40')), META.cookie, /amounts\.itemsSubtotal/],
  ['a Subtotal that disagrees with the lines', () => edit(PAGE, SUBTOTAL_ROW, row('Subtotal', 'US $98.40')), META.cookie, /amounts\.itemsSubtotal/],
  ['a line price that disagrees with the Subtotal', () => edit(PAGE, '<span>US $42.97</span>', '<span>US $52.97</span>'), META.cookie, /amounts\.itemsSubtotal/],
  ['a negative Subtotal', () => edit(PAGE, SUBTOTAL_ROW, row('Subtotal', '-US $87.40')), META.cookie, /amounts\.itemsSubtotal/],
  ['an unknown discount row (it may be a store coupon)', () => edit(PAGE, SUBTOTAL_ROW, SUBTOTAL_ROW + row('Mystery saving', '-US $20.00')), META.cookie, /amounts\.storeDiscounts/],
  ['the Subtotal in € on a US $ page', () => edit(PAGE, SUBTOTAL_ROW, row('Subtotal', '€87,40')), META.cookie, /amounts\.itemsSubtotal|currency/],
  [
    'US $ and € on one page, no currency cookie',
    () => edit(PAGE, '<span>US $24.99</span>', '<span>€24,99</span>'),
    'intl_locale=en_US',
    /currency/,
  ],
  [
    'the cookie says EUR, the page shows US $ (currency switched in another tab)',
    () => PAGE,
    META.cookie.replace('c_tp=USD', 'c_tp=EUR'),
    /currency/,
  ],
  ['a Subtotal that is a price range', () => edit(PAGE, SUBTOTAL_ROW, row('Subtotal', 'US $80.00 - US $90.00')), META.cookie, /amounts\.itemsSubtotal/],
  ['a Subtotal with an ambiguous separator', () => edit(PAGE, SUBTOTAL_ROW, row('Subtotal', 'US $87,400')), META.cookie, /amounts\.itemsSubtotal/],
]; // prettier-ignore

/** The codes every page is diagnosed with: one that would fit US $87.40, one that would not, one in EUR. */
const CODES = [
  makePromo({ code: 'SAVE8' }),
  makePromo({
    code: 'SAVE18',
    discount: { kind: 'fixed', amount: { amountMinor: 1800, currency: 'USD' } },
    minSpend: { amountMinor: 9900, currency: 'USD' },
  }),
  makePromo({
    code: 'EURO5',
    discount: { kind: 'fixed', amount: { amountMinor: 500, currency: 'EUR' } },
    minSpend: { amountMinor: 3000, currency: 'EUR' },
  }),
  makePromo({
    code: 'BIG50',
    discount: { kind: 'percent', percent: 50 },
    minSpend: { amountMinor: 0, currency: 'USD' },
  }),
];
const catalog = makeCatalog(CODES, { rates: { EUR: 0.9 } });

let verdicts = 0;

/** Every code of the matrix on one snapshot: unsure or cannot-read-page, with a reason to show. */
function expectNoGuess(snapshot: CartSnapshot, field: RegExp): void {
  for (const promo of CODES) {
    const diagnosis = diagnose(snapshot, promo.code, catalog, [], NOW);
    const where = `${promo.code}: ${diagnosis.verdict}, failures ${diagnosis.failures.map((f) => f.code).join(',')}`;
    expect(['unsure', 'cannot-read-page'], where).toContain(diagnosis.verdict);
    // The reason is there to show: an unreadable field with its why, or the undecided check's wording.
    const reasons =
      diagnosis.verdict === 'cannot-read-page'
        ? diagnosis.unreadable.map((entry) => `${entry.field}: ${entry.reason}`)
        : diagnosis.results
            .filter((result) => result.status === 'unknown')
            .map((result) => `${result.code} ${en.summary(result)}`);
    expect(reasons.length, where).toBeGreaterThan(0);
    expect(reasons.join(' | '), where).toMatch(diagnosis.verdict === 'cannot-read-page' ? field : /\S/);
    for (const reason of reasons) expect(reason).not.toMatch(/undefined|\{\w+\}/);
    verdicts++;
  }
}

describe('malformed pages: unsure or cannot-read-page with the reason, never a guess', () => {
  it.each(MALFORMED)('%s', (_label, html, cookie, field) => {
    expectNoGuess(read(html(), cookie), field);
  });

  it('5,000 lines, one of them disagreeing with the Subtotal', () => {
    const page = manyLinesRead(5000, 'US $1.00', 'US $5,000.00', { index: 4321, priceText: 'US $2.00' });
    expectNoGuess(assembleSnapshot(page), /amounts\.itemsSubtotal/);
  });

  // The line sum cannot be formed (a line price reads as negative and is dropped), so the Subtotal row alone
  // would be the spend base: a negative one must be unreadable, not clamped to US $0 and "below minimum".
  it('a negative Subtotal and a negative line price', () => {
    const html = edit(
      edit(PAGE, SUBTOTAL_ROW, row('Subtotal', '-US $87.40')),
      '<span>US $24.99</span>',
      '<span>-US $24.99</span>',
    );
    expectNoGuess(read(html), /amounts\.itemsSubtotal/);
  });

  it('the same checkout, well-formed, is decided: SAVE8 will apply, SAVE18 will be rejected', () => {
    const snapshot = read(PAGE);
    expect(diagnose(snapshot, 'SAVE8', catalog, [], NOW).verdict).toBe('will-apply');
    const rejected = diagnose(snapshot, 'SAVE18', catalog, [], NOW);
    expect(rejected.verdict).toBe('will-be-rejected');
    expect(rejected.culprit?.code).toBe('min-spend.below');
  });

  it('5,000 consistent lines are read in full, and decided', () => {
    const page = manyLinesRead(5000, 'US $1.00', 'US $5,000.00');
    const started = performance.now();
    const snapshot = assembleSnapshot(page);
    const elapsed = performance.now() - started;
    expect(snapshot.lines.known && snapshot.lines.value).toHaveLength(5000);
    expect(snapshot.amounts.itemsSubtotal).toMatchObject({ known: true, value: 500_000 });
    expect(diagnose(snapshot, 'SAVE18', catalog, [], NOW).verdict).toBe('will-apply');
    reportFigures('malformed pages', {
      pages: MALFORMED.length,
      verdicts,
      guesses: 0,
      fiveThousandLinesAssembleMs: Math.round(elapsed),
    });
  });
});
