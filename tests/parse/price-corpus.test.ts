/**
 * Real-world price strings (scrapinghub/price-parser's test suite, BSD-3; see tests/data/price-corpus/README.md)
 * run through parsePrice. Upstream records name the currency as printed ("€", "руб.", "R$"), not an ISO code,
 * so each record gets an ISO code from the table below where the text decides it; the rest are skipped and
 * counted. For every record run, the answer must be upstream's amount or `ambiguous`: 0 wrong values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minorUnitDigits } from '../../src/rules/money.ts';
import { parsePrice, type PriceReading } from '../../src/shared/page-model/parse/price.ts';

interface UpstreamRecord {
  id: number;
  group: string;
  xfail: boolean;
  text: string | null;
  expectedCurrency: string | null;
  expectedAmountExact: string | null;
  asserts: string[];
  note: string | null;
}

/**
 * Currency as upstream prints it -> ISO 4217, only where one currency is meant. Left out on purpose:
 * "$", "kr", "Rs", "¥", "lei" and "C$"-like signs shared by several currencies, "р."/"Р" (RUB or BYN),
 * toman (no ISO code, 10 rial), historical codes (DEM, PTE) and single letters.
 */
const ISO_BY_PRINTED: Record<string, string> = {
  '€': 'EUR', EUR: 'EUR', euro: 'EUR',
  '£': 'GBP', GBP: 'GBP', '￡': 'GBP', pound: 'GBP',
  'US$': 'USD', 'US $': 'USD', USD: 'USD',
  Kč: 'CZK',
  zł: 'PLN', Zł: 'PLN', PLN: 'PLN', pln: 'PLN',
  'руб.': 'RUB', руб: 'RUB', '₽': 'RUB',
  'грн.': 'UAH', грн: 'UAH', '₴': 'UAH',
  R$: 'BRL',
  '₹': 'INR',
  '₪': 'ILS', 'ש״ח': 'ILS',
  '₩': 'KRW', 원: 'KRW',
  円: 'JPY',
  DKK: 'DKK', NOK: 'NOK', SGD: 'SGD', HUF: 'HUF', Ft: 'HUF', CHF: 'CHF', AED: 'AED', OMR: 'OMR', RON: 'RON',
  NZD: 'NZD', AUD: 'AUD', 'A$': 'AUD', 'AU$': 'AUD', 'AU $': 'AUD', 'CA$': 'CAD', 'CAD$': 'CAD',
  'NT$': 'TWD', 'MX$': 'MXN', KD: 'KWD', 'د.ك': 'KWD',
  TL: 'TRY', '₺': 'TRY',
  '₫': 'VND', đ: 'VND', VNĐ: 'VND',
  Rp: 'IDR', RM: 'MYR', '฿': 'THB', บาท: 'THB',
  'лв.': 'BGN', лв: 'BGN',
  '₦': 'NGN', '₸': 'KZT', '₾': 'GEL', '₼': 'AZN', '৳': 'BDT', '₭': 'LAK', '₮': 'MNT', '₡': 'CRC', '₱': 'PHP',
  'ر.س': 'SAR', 'د.إ': 'AED', 'ج.م': 'EGP',
}; // prettier-ignore

type Outcome = 'correct' | 'ambiguous' | 'wrong';

/** Upstream's decimal amount in minor units, or null when the currency cannot hold it (34.992001 GBP). */
function expectedMinor(exact: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const [whole = '0', fraction = ''] = exact.replace(/^-/, '').split('.');
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  return Number(whole + fraction.slice(0, digits).padEnd(digits, '0'));
}

/** Upstream takes the first of a range and ignores signs; a matching lower bound or magnitude is correct. */
function judge(reading: PriceReading, expected: number | null): Outcome {
  if (reading.kind === 'ambiguous') return 'ambiguous';
  if (expected === null) return reading.kind === 'invalid' ? 'correct' : 'wrong';
  if (reading.kind === 'amount') return Math.abs(reading.amountMinor) === expected ? 'correct' : 'wrong';
  if (reading.kind === 'range') return reading.min === expected ? 'correct' : 'wrong';
  if (reading.kind === 'free') return expected === 0 ? 'correct' : 'wrong';
  return 'wrong';
}

const records = JSON.parse(
  readFileSync(new URL('../data/price-corpus/price-parser-examples.json', import.meta.url), 'utf8'),
) as UpstreamRecord[];

interface Row {
  record: UpstreamRecord;
  currency: string;
  expected: number | null;
}
const skipped = new Map<string, number>();
const rows: Row[] = [];
for (const record of records) {
  const currency = record.expectedCurrency === null ? undefined : ISO_BY_PRINTED[record.expectedCurrency];
  const why =
    record.text === null
      ? 'no text'
      : !record.asserts.includes('currency')
        ? 'currency not asserted upstream'
        : currency === undefined
          ? 'currency not decidable'
          : record.expectedAmountExact !== null &&
              record.expectedAmountExact !== '0' &&
              !/\d/.test(record.text)
            ? 'upstream slip: amount without digits'
            : null;
  if (why !== null || currency === undefined || record.text === null) {
    skipped.set(why ?? '', (skipped.get(why ?? '') ?? 0) + 1);
    continue;
  }
  const expected =
    record.expectedAmountExact === null ? null : expectedMinor(record.expectedAmountExact, currency);
  rows.push({ record, currency, expected });
}

describe('price-parser corpus (real shop strings)', () => {
  const counts: Record<Outcome, number> = { correct: 0, ambiguous: 0, wrong: 0 };
  const wrong: string[] = [];
  const ambiguous: string[] = [];
  for (const { record, currency, expected } of rows) {
    const reading = parsePrice(record.text ?? '', { currency });
    const outcome = judge(reading, expected);
    counts[outcome]++;
    const line = `#${record.id} ${JSON.stringify(record.text)} ${currency} expected ${expected} got ${JSON.stringify(reading)}`;
    if (outcome === 'wrong') wrong.push(line);
    if (outcome === 'ambiguous') ambiguous.push(line);
  }

  it('gives no wrong value', () => {
    expect(wrong).toEqual([]);
  });

  it('reads at least 300 real strings exactly', () => {
    const skippedText = [...skipped].map(([why, n]) => `${n} ${why}`).join(', ');
    console.info(
      `price corpus: ${rows.length} run, ${counts.correct} correct, ${counts.ambiguous} ambiguous, ` +
        `${counts.wrong} wrong; ${records.length - rows.length} skipped (${skippedText})\n` +
        `ambiguous:\n  ${ambiguous.join('\n  ')}`,
    );
    expect(counts.correct).toBeGreaterThanOrEqual(300);
  });
});
