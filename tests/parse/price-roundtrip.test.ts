/**
 * Round trip: whatever Intl.NumberFormat prints for an amount, parsePrice reads back as that amount, or
 * says ambiguous. Never a different number: a misread total would turn into a wrong verdict for the shopper.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { minorUnitDigits } from '../../src/rules/money.ts';
import { parsePrice } from '../../src/shared/page-model/parse/price.ts';

const LOCALES = [
  'en-US', 'de-DE', 'fr-FR', 'fr-CH', 'pt-BR', 'es-ES', 'pl-PL', 'sv-SE', 'ru-RU', 'he-IL', 'ar-EG', 'hi-IN',
  'ja-JP', 'ko-KR', 'tr-TR', 'nl-NL', 'it-IT', 'de-CH', 'en-IN', 'fa-IR', 'uk-UA', 'cs-CZ', 'nb-NO', 'fi-FI',
  'da-DK', 'es-MX', 'en-GB', 'zh-CN', 'th-TH', 'vi-VN', 'id-ID', 'ar-SA', 'bn-BD', 'mr-IN', 'de-AT', 'pt-PT',
  'ro-RO', 'hu-HU', 'bg-BG', 'kk-KZ', 'en-CA', 'fr-CA',
  // Non-Latin digits on request: Devanagari, Thai, Arabic-Indic.
  'hi-IN-u-nu-deva', 'th-TH-u-nu-thai', 'ar-u-nu-arab',
]; // prettier-ignore
const CURRENCIES = [
  'USD', 'EUR', 'PLN', 'BRL', 'SEK', 'ILS', 'JPY', 'KRW', 'RUB', 'INR', 'KWD', 'CHF', 'TRY', 'GBP', 'CAD',
  'AUD', 'MXN', 'CZK', 'UAH', 'HUF', 'CLP', 'IDR', 'VND', 'NOK', 'DKK', 'CNY', 'SAR', 'AED', 'EGP', 'BHD',
  'THB', 'KZT', 'RON', 'BGN', 'NZD', 'SGD', 'HKD', 'TWD', 'ZAR', 'MYR', 'PHP', 'NGN', 'IQD', 'OMR',
]; // prettier-ignore
const DISPLAYS = ['symbol', 'narrowSymbol', 'code'] as const;

/** Exact decimal text of a minor amount, so Intl formats it without float rounding. */
function decimalText(amountMinor: number, digits: number): `${number}` {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return (digits === 0 ? sign + abs : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`) as `${number}`;
}

const counts = { exact: 0, ambiguous: 0, wrong: 0 };
const wrong: string[] = [];

/** Parses `text` and files the outcome; returns false on a wrong value so fast-check can shrink it. */
function readsBack(
  text: string,
  currency: string,
  locale: string | undefined,
  expectedMinor: number,
): boolean {
  const reading = parsePrice(text, { currency, locale });
  // With the locale it was printed in, nothing is left to doubt.
  if (reading.kind === 'ambiguous' && locale === undefined) {
    counts.ambiguous++;
    return true;
  }
  if (reading.kind === 'amount' && reading.amountMinor === expectedMinor) {
    counts.exact++;
    return true;
  }
  counts.wrong++;
  wrong.push(`${JSON.stringify(text)} ${locale ?? '(no locale)'} ${currency}: ${JSON.stringify(reading)}`);
  return false;
}

const amountArb = fc.oneof(
  fc.integer({ min: -99_999, max: 99_999 }),
  fc.integer({ min: 0, max: 99_999_999_999 }),
  fc.constantFrom(0, 1, 5, 100, 1000, 123_456, 1_000_000, 100_000_000),
);
const caseArb = fc.record({
  locale: fc.constantFrom(...LOCALES),
  currency: fc.constantFrom(...CURRENCIES),
  amount: amountArb,
});

describe('parsePrice reads back what Intl.NumberFormat prints', () => {
  afterAll(() => {
    console.info(`round trip: ${counts.exact} exact, ${counts.ambiguous} ambiguous, ${counts.wrong} wrong`);
  });

  it.each(DISPLAYS)('currencyDisplay %s, parsed with the same locale: the exact amount', (display) => {
    fc.assert(
      fc.property(caseArb, ({ locale, currency, amount }) => {
        const format = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay: display,
        });
        const text = format.format(decimalText(amount, minorUnitDigits(currency)));
        return readsBack(text, currency, locale, amount);
      }),
      { numRuns: 2000, seed: 20261124 },
    );
  });

  it.each(DISPLAYS)(
    'currencyDisplay %s, parsed with no locale: exact or ambiguous, never wrong',
    (display) => {
      fc.assert(
        fc.property(caseArb, ({ locale, currency, amount }) => {
          const format = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            currencyDisplay: display,
          });
          return readsBack(
            format.format(decimalText(amount, minorUnitDigits(currency))),
            currency,
            undefined,
            amount,
          );
        }),
        { numRuns: 2000, seed: 20261125 },
      );
    },
  );

  it('whole amounts printed without decimals ("$1,234", "1.234 €") are settled by the locale', () => {
    for (const locale of LOCALES) {
      for (const currency of CURRENCIES) {
        const format = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
        });
        for (const whole of [7, 1234, 56_789, 1_234_567]) {
          const expected = whole * 10 ** minorUnitDigits(currency);
          expect(parsePrice(format.format(whole), { currency, locale })).toMatchObject({
            amountMinor: expected,
          });
          // Without the locale "1,234" could be 1.234: ambiguous is the only acceptable other answer.
          readsBack(format.format(whole), currency, undefined, expected);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('ranges printed by formatRange come back as ranges', () => {
    for (const locale of LOCALES) {
      for (const currency of CURRENCIES) {
        const unit = 10 ** minorUnitDigits(currency);
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatRange(10, 2500);
        expect(parsePrice(text, { currency, locale }), `${text} ${locale}`).toEqual({
          kind: 'range',
          min: 10 * unit,
          max: 2500 * unit,
          currency,
        });
      }
    }
  });

  it('a price printed in one currency is never read as another currency', () => {
    const text = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(12.5);
    expect(parsePrice(text, { currency: 'USD', locale: 'en-US' })).toMatchObject({ kind: 'invalid' });
    const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(1234);
    expect(parsePrice(yen, { currency: 'KRW', locale: 'ja-JP' })).toMatchObject({ kind: 'invalid' });
  });
});
