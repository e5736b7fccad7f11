import { describe, expect, it } from 'vitest';
import { parseAddCodeForm, parseAmount, type AddCodeValues } from '../../src/popup/render/add-code.ts';
import { isAcceptableFeedUrl } from '../../src/popup/render/settings.ts';

const NOW = new Date('2026-11-24T18:00:00Z');
const base: AddCodeValues = {
  code: 'save8',
  kind: 'fixed',
  amount: '8',
  percent: '',
  cap: '',
  currency: 'USD',
  minSpend: '59',
  validUntil: '2026-11-30',
  timeZone: 'America/Los_Angeles',
  regions: '',
  oncePerAccount: true,
};

/** 260 distinct two-letter codes: more countries than the catalog accepts for one code. */
const MANY_COUNTRIES = Array.from({ length: 260 }, (_, i) =>
  String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
).join(', ');

describe('add a code: the form becomes a catalog entry', () => {
  it('turns "US $8 off US $59+, until Nov 30 (Pacific)" into exact terms', () => {
    const result = parseAddCodeForm(base, NOW, []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.promo).toMatchObject({
      code: 'SAVE8',
      discount: { kind: 'fixed', amount: { amountMinor: 800, currency: 'USD' } },
      minSpend: { amountMinor: 5900, currency: 'USD' },
      regions: 'GLOBAL',
      usage: 'once-per-account',
      timeZone: 'America/Los_Angeles',
    });
    // The whole last day, Pacific time: 23:59:59 PST is 07:59:59 UTC the next day.
    expect(new Date(result.promo.validUntil).toISOString()).toBe('2026-12-01T07:59:59.000Z');
  });

  it('reads a decimal comma, a percent with a cap, and a country list', () => {
    const result = parseAddCodeForm(
      {
        ...base,
        kind: 'percent',
        percent: '10',
        cap: '15,50',
        currency: 'eur',
        minSpend: '49,90',
        regions: 'fr, de;es',
        timeZone: 'UTC',
      },
      NOW,
      [],
    );
    expect(result.ok && result.promo).toMatchObject({
      discount: { kind: 'percent', percent: 10, cap: { amountMinor: 1550, currency: 'EUR' } },
      minSpend: { amountMinor: 4990, currency: 'EUR' },
      regions: ['FR', 'DE', 'ES'],
    });
  });

  it.each([
    ['a code with punctuation', { code: 'SAVE-8' }, 'code', 'errCode'],
    ['a code already added', { code: 'save8' }, 'code', 'errDuplicate'],
    ['no amount', { amount: '' }, 'amount', 'errAmount'],
    ['three decimals in dollars', { amount: '8.505' }, 'amount', 'errAmount'],
    ['a percent over 100', { kind: 'percent', percent: '120' }, 'percent', 'errPercent'],
    ['a made-up currency', { currency: 'US' }, 'currency', 'errCurrency'],
    ['a minimum in words', { minSpend: 'fifty' }, 'minSpend', 'errMinSpend'],
    ['no last day', { validUntil: '' }, 'validUntil', 'errDate'],
    ['a last day already gone', { validUntil: '2026-11-20' }, 'validUntil', 'errPast'],
    ['country names instead of codes', { regions: 'United States' }, 'regions', 'errRegions'],
    // The catalog's own limits, checked here because the popup no longer loads its zod schema.
    ['more than the catalog can hold', { currency: 'KWD', amount: '9999999999.999' }, 'amount', 'errAmount'],
    ['a time zone that does not exist', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'errTimeZone'],
    ['more than 250 countries', { regions: MANY_COUNTRIES }, 'regions', 'errRegions'],
  ] as const)('refuses %s, next to the right field', (_label, change, field, message) => {
    const existing = _label === 'a code already added' ? ['SAVE8'] : [];
    const result = parseAddCodeForm({ ...base, ...change }, NOW, existing);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });

  it('counts minor units per currency: yen has none, dinar three', () => {
    expect(parseAmount('1200', 'JPY')).toBe(1200);
    expect(parseAmount('12.5', 'JPY')).toBeNull();
    expect(parseAmount('1.250', 'KWD')).toBe(1250);
    expect(parseAmount('87.4', 'USD')).toBe(8740);
  });
});

describe('feed address', () => {
  it.each([
    ['', true],
    ['https://codes.example.org/aliexpress.json', true],
    ['http://codes.example.org/aliexpress.json', false],
    ['codes.example.org/feed.json', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
  ])('%j acceptable: %s', (url, ok) => {
    expect(isAcceptableFeedUrl(url)).toBe(ok);
  });
});
