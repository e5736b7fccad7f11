import { describe, expect, it } from 'vitest';
import { parsePrice, type PriceContext, type PriceReading } from '../../src/shared/page-model/parse/price.ts';

const amount = (amountMinor: number, currency: string): PriceReading => ({
  kind: 'amount',
  amountMinor,
  currency,
  negative: amountMinor < 0,
});

describe('parsePrice', () => {
  it.each<[string, string, PriceContext, PriceReading]>([
    ['AliExpress USD', 'US $12.22', { currency: 'USD' }, amount(1222, 'USD')],
    ['US site, label glued to the sign', 'Total$93.62', { currency: 'USD' }, amount(9362, 'USD')],
    ['bonus row, sign before the symbol', '-US $3.43', { currency: 'USD' }, amount(-343, 'USD')],
    ['sign after the symbol', 'US $-3.43', { currency: 'USD' }, amount(-343, 'USD')],
    ['U+2212 minus', '−12,50 €', { currency: 'EUR' }, amount(-1250, 'EUR')],
    ['sign apart from the number, space groups', '- 1 021,35kr', { currency: 'SEK' }, amount(-102135, 'SEK')],
    ['Swiss negative, sign after the code', "CHF-1'234.56", { currency: 'CHF' }, amount(-123456, 'CHF')],
    ['accounting brackets', '(US $3.43)', { currency: 'USD' }, amount(-343, 'USD')],
    ['SEK prefix', 'kr58,71', { currency: 'SEK' }, amount(5871, 'SEK')],
    ['SEK suffix, space groups', '1 366,66kr', { currency: 'SEK' }, amount(136666, 'SEK')],
    ['PLN', '129,46zł', { currency: 'PLN' }, amount(12946, 'PLN')],
    ['UAH with a dotted abbreviation', '808,96 грн.', { currency: 'UAH' }, amount(80896, 'UAH')],
    ['CAD', 'C$1,192.72', { currency: 'CAD' }, amount(119272, 'CAD')],
    ['EUR, dot groups', '1.192,72 €', { currency: 'EUR' }, amount(119272, 'EUR')],
    ['ILS', '₪1,234.56', { currency: 'ILS' }, amount(123456, 'ILS')],
    ['BRL', 'R$ 1.234,56', { currency: 'BRL' }, amount(123456, 'BRL')],
    ['JPY has no minor unit, so "," groups', '¥1,234', { currency: 'JPY' }, amount(1234, 'JPY')],
    ['KRW', '₩12,000', { currency: 'KRW' }, amount(12000, 'KRW')],
    ['KWD has three minor digits', 'KWD 1,234.567', { currency: 'KWD' }, amount(1234567, 'KWD')],
    ['NBSP groups', '1\u00a0234,56\u00a0€', { currency: 'EUR' }, amount(123456, 'EUR')],
    ['narrow NBSP groups', '1\u202f234,56\u202f€', { currency: 'EUR' }, amount(123456, 'EUR')],
    ['apostrophe groups', "CHF 1'049.95", { currency: 'CHF' }, amount(104995, 'CHF')],
    ['typographic apostrophe groups', 'CHF 1’049.95', { currency: 'CHF' }, amount(104995, 'CHF')],
    ['Indian grouping', '₹12,34,567.50', { currency: 'INR' }, amount(123456750, 'INR')],
    ['RTL marks', '\u200f1,234.56 \u200f₪', { currency: 'ILS' }, amount(123456, 'ILS')],
    ['isolates and embeddings', '\u2067\u202b₪ 99.90\u202c\u2069', { currency: 'ILS' }, amount(9990, 'ILS')],
    [
      'Arabic-Indic digits and separators',
      '\u061c١٬٢٣٤٫٥٦ ج.م.\u200f',
      { currency: 'EGP' },
      amount(123456, 'EGP'),
    ],
    ['Persian digits', '۱۲٬۳۴۵٫۶۷ US$', { currency: 'USD' }, amount(1234567, 'USD')],
    ['Devanagari digits', '₹१,२३४.५६', { currency: 'INR' }, amount(123456, 'INR')],
    ['fullwidth digits', '￥１，２３４', { currency: 'JPY' }, amount(1234, 'JPY')],
    ['whole amount with ",-"', '1.899,-', { currency: 'EUR' }, amount(189900, 'EUR')],
    ['no leading zero', '.75 €', { currency: 'EUR' }, amount(75, 'EUR')],
    ['ISO code suffix', '12,34 EUR', { currency: 'EUR' }, amount(1234, 'EUR')],
    ['"$" is shared by dollar currencies', '$12.00', { currency: 'AUD' }, amount(1200, 'AUD')],
    ['the locale settles "1,234"', '$1,234', { currency: 'USD', locale: 'en-US' }, amount(123400, 'USD')],
    ['AliExpress-style locale', '1.234 €', { currency: 'EUR', locale: 'de_DE' }, amount(123400, 'EUR')],
    [
      'fr-CH prices use "." for decimals',
      '1.234 KWD',
      { currency: 'KWD', locale: 'fr-CH' },
      amount(1234, 'KWD'),
    ],
  ])('%s: %j', (_label, text, ctx, expected) => {
    expect(parsePrice(text, ctx)).toEqual(expected);
  });

  it('keeps the sign of "-US $0.00" without a negative zero', () => {
    const reading = parsePrice('-US $0.00', { currency: 'USD' });
    expect(reading).toEqual({ kind: 'amount', amountMinor: 0, currency: 'USD', negative: true });
    expect(Object.is(reading.kind === 'amount' && reading.amountMinor, -0)).toBe(false);
  });

  it.each([
    'Free',
    'FREE',
    'Free!',
    'Free shipping',
    'Gratis',
    'Grátis',
    'Kostenlos',
    'Бесплатно',
    'Gratuit',
    'Gratuita',
    'Ücretsiz',
    '送料無料',
  ])('%j is free', (text) => {
    expect(parsePrice(text, { currency: 'EUR' })).toEqual({ kind: 'free' });
  });

  it.each<[string, string, string, number, number]>([
    ['₪10.00 - ₪25.00', 'ILS', '', 1000, 2500],
    ['10,00–25,00 €', 'EUR', '', 1000, 2500],
    ['US $1.99 - 5.99', 'USD', '', 199, 599],
    ['¥1,000～¥2,000', 'JPY', '', 1000, 2000],
  ])('range %j', (text, currency, _unused, min, max) => {
    expect(parsePrice(text, { currency })).toEqual({ kind: 'range', min, max, currency });
  });

  it.each<[string, string, PriceContext]>([
    ['one separator, 2-digit currency, no locale', '1,234', { currency: 'USD' }],
    ['one separator, 3-digit currency, no locale', 'KWD 1.234', { currency: 'KWD' }],
    ['the locale uses neither separator', '1.234 zł', { currency: 'PLN', locale: 'pl-PL' }],
    ['more decimals than the currency has', 'US $34.992', { currency: 'USD' }],
    ['live and struck-through price together', 'US $12.22US $15.00', { currency: 'USD' }],
    ['a price and a discount', 'US $12.22 -US $3.43', { currency: 'USD' }],
    ['a range that goes down', '₪25.00 - ₪10.00', { currency: 'ILS' }],
    ['a quantity and a price', '2 Piece - $6.75', { currency: 'USD' }],
    ['groups of the wrong size', '12,34,5 €', { currency: 'EUR' }],
    ['two numbers joined by spaces', '125,00 125,00 €', { currency: 'EUR' }],
    ['a dash that may be a sign', 'Pre-order US $5.00', { currency: 'USD' }],
    ['free and an amount', 'Free shipping over US $10', { currency: 'USD' }],
  ])('ambiguous: %s (%j)', (_label, text, ctx) => {
    expect(parsePrice(text, ctx).kind).toBe('ambiguous');
  });

  it.each<[string, string, PriceContext, string]>([
    ['another currency’s sign', '€12,34', { currency: 'USD' }, 'currency-mismatch'],
    ['stale USD text on a EUR page', 'US $12.22', { currency: 'EUR' }, 'currency-mismatch'],
    ['an ISO code of another currency', '12,34 PLN', { currency: 'EUR' }, 'currency-mismatch'],
    ['toman is not an ISO currency', '12 تومان', { currency: 'IRR' }, 'currency-mismatch'],
    ['no number', 'VAT included', { currency: 'SEK' }, 'no-number'],
    ['empty', ' \u200f ', { currency: 'USD' }, 'empty'],
    ['a percentage', '-15%', { currency: 'EUR' }, 'percentage'],
    ['not an ISO code', '12.00', { currency: 'usd' }, 'unknown-currency'],
    ['hostile length', `US $${'1'.repeat(100_000)}`, { currency: 'USD' }, 'too-long'],
    ['beyond safe integers', '$1,234,567,890,123,456.00', { currency: 'USD' }, 'too-large'],
  ])('invalid: %s', (_label, text, ctx, reason) => {
    const reading = parsePrice(text, ctx);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.reason).toMatch(new RegExp(`^${reason}`));
  });

  it('ignores a locale Intl does not know', () => {
    expect(parsePrice('US $12.22', { currency: 'USD', locale: 'xx-not-a-locale!' })).toEqual(
      amount(1222, 'USD'),
    );
    expect(parsePrice('1,234', { currency: 'USD', locale: '!!' }).kind).toBe('ambiguous');
  });
});
