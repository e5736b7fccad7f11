/**
 * AliExpress-style price strings (tests/data/aliexpress-prices.json): the formats in aliexpress-facts.md
 * section 6 plus the other currencies AliExpress sells in, written for these tests (each record's `note`
 * says whether the format was seen or assumed). Every record states the one right answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrice, type PriceReading } from '../../src/shared/page-model/parse/price.ts';

interface AliExpressPrice {
  text: string;
  currency: string;
  locale: string | null;
  expected: number | 'free' | 'ambiguous' | 'invalid' | { min: number; max: number };
  note: string;
}

const records = JSON.parse(
  readFileSync(new URL('../data/aliexpress-prices.json', import.meta.url), 'utf8'),
) as AliExpressPrice[];

function expectedReading({ expected, currency }: AliExpressPrice): Partial<PriceReading> {
  if (typeof expected === 'number')
    return { kind: 'amount', amountMinor: expected, currency, negative: expected < 0 };
  if (typeof expected === 'object') return { kind: 'range', ...expected, currency };
  return { kind: expected };
}

describe('AliExpress price strings', () => {
  it('cover at least 150 strings in at least 25 currencies', () => {
    expect(records.length).toBeGreaterThanOrEqual(150);
    expect(new Set(records.map((record) => record.currency)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(records.map((record) => [record.text, record.currency, record.locale ?? '-', record] as const))(
    '%j %s (locale %s)',
    (_text, _currency, _locale, record) => {
      const reading = parsePrice(record.text, {
        currency: record.currency,
        locale: record.locale ?? undefined,
      });
      expect(reading).toMatchObject(expectedReading(record));
    },
  );

  it('reports its counts', () => {
    const byKind = new Map<string, number>();
    for (const record of records) {
      const kind = parsePrice(record.text, {
        currency: record.currency,
        locale: record.locale ?? undefined,
      }).kind;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const currencies = new Set(records.map((record) => record.currency)).size;
    console.info(
      `AliExpress prices: ${records.length} strings, ${currencies} currencies, ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}`,
    );
    expect(byKind.get('amount')).toBeGreaterThan(records.length / 2);
  });
});
