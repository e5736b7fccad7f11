/**
 * The page-reading corpus in one figure: every price string we hold (tests/data/aliexpress-prices.json,
 * written for AliExpress's formats, and tests/data/price-corpus, 1,191 real shop strings from price-parser)
 * run through `parsePrice`. A string is read correctly when it gives its one right answer; `ambiguous` is
 * allowed (the shopper then gets "unknown", never a wrong verdict) and listed; a wrong value is never allowed.
 * The per-record tests live in tests/parse/; this file adds up the figures the README quotes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrice, type PriceReading } from '../../src/shared/page-model/parse/price.ts';
import { minorUnitDigits } from '../../src/rules/money.ts';
import { reportFigures } from './helpers.ts';

interface AliExpressPrice {
  text: string;
  currency: string;
  locale: string | null;
  expected: number | 'free' | 'ambiguous' | 'invalid' | { min: number; max: number };
}

interface UpstreamRecord {
  id: number;
  text: string | null;
  expectedCurrency: string | null;
  expectedAmountExact: string | null;
  asserts: string[];
}

/**
 * Upstream prints the currency as shown ("€", "руб."); only signs that name one currency get an ISO code
 * (the same choice as tests/parse/price-corpus.test.ts: "$", "kr", "¥", "Rs" and the like are left out).
 */
const ISO_BY_PRINTED: Record<string, string> = {
  '€': 'EUR', EUR: 'EUR', euro: 'EUR',
  '£': 'GBP', GBP: 'GBP', '￡': 'GBP', pound: 'GBP',
  'US$': 'USD', 'US $': 'USD', USD: 'USD',
  Kč: 'CZK', zł: 'PLN', Zł: 'PLN', PLN: 'PLN', pln: 'PLN',
  'руб.': 'RUB', руб: 'RUB', '₽': 'RUB', 'грн.': 'UAH', грн: 'UAH', '₴': 'UAH',
  R$: 'BRL', '₹': 'INR', '₪': 'ILS', 'ש״ח': 'ILS', '₩': 'KRW', 원: 'KRW', 円: 'JPY',
  DKK: 'DKK', NOK: 'NOK', SGD: 'SGD', HUF: 'HUF', Ft: 'HUF', CHF: 'CHF', AED: 'AED', OMR: 'OMR', RON: 'RON',
  NZD: 'NZD', AUD: 'AUD', 'A$': 'AUD', 'AU$': 'AUD', 'AU $': 'AUD', 'CA$': 'CAD', 'CAD$': 'CAD',
  'NT$': 'TWD', 'MX$': 'MXN', KD: 'KWD', 'د.ك': 'KWD', TL: 'TRY', '₺': 'TRY', '₫': 'VND', đ: 'VND', VNĐ: 'VND',
  Rp: 'IDR', RM: 'MYR', '฿': 'THB', บาท: 'THB', 'лв.': 'BGN', лв: 'BGN',
  '₦': 'NGN', '₸': 'KZT', '₾': 'GEL', '₼': 'AZN', '৳': 'BDT', '₭': 'LAK', '₮': 'MNT', '₡': 'CRC', '₱': 'PHP',
  'ر.س': 'SAR', 'د.إ': 'AED', 'ج.م': 'EGP',
}; // prettier-ignore

type Answer = number | 'free' | 'ambiguous' | 'invalid' | { min: number; max: number };

interface Case {
  readonly source: 'aliexpress' | 'price-parser';
  readonly text: string;
  readonly currency: string;
  readonly locale: string | undefined;
  readonly expected: Answer;
}

function upstreamMinor(exact: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const [whole = '0', fraction = ''] = exact.replace(/^-/, '').split('.');
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  return Number(whole + fraction.slice(0, digits).padEnd(digits, '0'));
}

const aliexpress = (
  JSON.parse(
    readFileSync(new URL('../data/aliexpress-prices.json', import.meta.url), 'utf8'),
  ) as AliExpressPrice[]
).map((record): Case => ({
  source: 'aliexpress',
  text: record.text,
  currency: record.currency,
  locale: record.locale ?? undefined,
  expected: record.expected,
}));

const upstreamRecords = JSON.parse(
  readFileSync(new URL('../data/price-corpus/price-parser-examples.json', import.meta.url), 'utf8'),
) as UpstreamRecord[];
const upstream: Case[] = [];
for (const record of upstreamRecords) {
  const currency = record.expectedCurrency === null ? undefined : ISO_BY_PRINTED[record.expectedCurrency];
  if (record.text === null || currency === undefined || !record.asserts.includes('currency')) continue;
  if (record.expectedAmountExact === null) continue;
  // Upstream slips: an amount for a text without digits.
  if (record.expectedAmountExact !== '0' && !/\d/.test(record.text)) continue;
  const minor = upstreamMinor(record.expectedAmountExact, currency);
  upstream.push({
    source: 'price-parser',
    text: record.text,
    currency,
    locale: undefined,
    // A value the currency cannot hold (34.992001 GBP) must not be read as an amount.
    expected: minor === null ? 'invalid' : minor,
  });
}

type Outcome = 'correct' | 'ambiguous' | 'wrong';

/** Upstream takes a range's lower bound and ignores signs; AliExpress records state the exact reading. */
function judge(reading: PriceReading, item: Case): Outcome {
  const { expected } = item;
  if (reading.kind === 'ambiguous') return expected === 'ambiguous' ? 'correct' : 'ambiguous';
  if (typeof expected === 'number') {
    if (reading.kind === 'amount') {
      const value = item.source === 'price-parser' ? Math.abs(reading.amountMinor) : reading.amountMinor;
      return value === expected ? 'correct' : 'wrong';
    }
    if (reading.kind === 'range' && item.source === 'price-parser')
      return reading.min === expected ? 'correct' : 'wrong';
    if (reading.kind === 'free') return expected === 0 ? 'correct' : 'wrong';
    // Invalid where a value was expected: no wrong amount, but not read either.
    return reading.kind === 'invalid' ? 'ambiguous' : 'wrong';
  }
  if (typeof expected === 'object') {
    return reading.kind === 'range' && reading.min === expected.min && reading.max === expected.max
      ? 'correct'
      : 'wrong';
  }
  return reading.kind === expected ? 'correct' : reading.kind === 'invalid' ? 'ambiguous' : 'wrong';
}

describe('price corpus summary', () => {
  const cases = [...aliexpress, ...upstream];
  const counts: Record<Outcome, number> = { correct: 0, ambiguous: 0, wrong: 0 };
  const ambiguous: string[] = [];
  const wrong: string[] = [];
  const currenciesRead = new Set<string>();
  let valuesRead = 0;
  for (const item of cases) {
    const reading = parsePrice(item.text, { currency: item.currency, locale: item.locale });
    const outcome = judge(reading, item);
    counts[outcome]++;
    const line = `${item.source} ${JSON.stringify(item.text)} ${item.currency}: expected ${JSON.stringify(item.expected)}, got ${JSON.stringify(reading)}`;
    if (outcome === 'ambiguous') ambiguous.push(line);
    if (outcome === 'wrong') wrong.push(line);
    if (outcome === 'correct') currenciesRead.add(item.currency);
    if (
      outcome === 'correct' &&
      (reading.kind === 'amount' || reading.kind === 'range' || reading.kind === 'free')
    )
      valuesRead++;
  }

  it('gives no wrong value', () => {
    expect(wrong).toEqual([]);
  });

  it('reads at least 500 strings correctly, in at least 25 ISO currencies', () => {
    expect(counts.correct).toBeGreaterThanOrEqual(500);
    expect(currenciesRead.size).toBeGreaterThanOrEqual(25);
    console.info(`price corpus: ambiguous (${ambiguous.length}), allowed:\n  ${ambiguous.join('\n  ')}`);
    reportFigures('price corpus', {
      strings: cases.length,
      aliexpressStrings: aliexpress.length,
      priceParserStrings: upstream.length,
      correct: counts.correct,
      valuesRead,
      ambiguous: counts.ambiguous,
      wrong: counts.wrong,
      currencies: currenciesRead.size,
    });
  });
});
