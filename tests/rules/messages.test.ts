import { describe, expect, test } from 'vitest';
import { createMessages, resolveLocale } from '../../src/rules/messages.ts';
import { money } from '../../src/rules/money.ts';
import type { CheckResult } from '../../src/rules/types.ts';
import { makePromo, usd } from '../helpers/snapshot.ts';

describe('resolveLocale: the browser language picks the nearest supported locale', () => {
  test.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['ja', 'en'],
    ['', 'en'],
  ])('%s -> %s', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
  });

  test('the first supported language of a list wins', () => {
    expect(resolveLocale(['ja-JP', 'fr-BE', 'en'])).toBe('fr');
  });
});

describe('money, as AliExpress shows it', () => {
  test.each([
    ['en', usd(99), 'full', 'US $99.00'],
    ['en', usd(11.6), 'short', 'US $11.60'],
    ['en', usd(8), 'short', 'US $8'],
    ['en', usd(1234.5), 'full', 'US $1,234.50'],
    ['en', money(9900, 'EUR'), 'full', '€99.00'],
    ['en', money(1390, 'JPY'), 'full', '¥1,390'],
    ['de', money(9900, 'EUR'), 'full', '99,00 €'],
    ['es', usd(99), 'full', '99,00 US$'],
    ['pt-BR', usd(99), 'full', 'US$ 99,00'],
    ['fr', usd(99), 'full', '99,00 $US'],
  ] as const)('%s %o %s -> %s', (locale, amount, style, expected) => {
    // Intl separates some currency signs with a (narrow) no-break space; compare with plain spaces.
    expect(
      createMessages(locale)
        .formatMoney(amount, style)
        .replace(/[\u00A0\u202F]/g, ' '),
    ).toBe(expected);
  });
});

describe('code terms and matching lines', () => {
  const en = createMessages('en');
  test.each([
    [makePromo({ discount: { kind: 'fixed', amount: usd(8) }, minSpend: usd(59) }), 'US $8 off US $59+'],
    [makePromo({ discount: { kind: 'fixed', amount: usd(18) }, minSpend: usd(129) }), 'US $18 off US $129+'],
    [
      makePromo({ discount: { kind: 'percent', percent: 10, cap: usd(15) }, minSpend: usd(50) }),
      '10% (up to US $15) off US $50+',
    ],
    [makePromo({ discount: { kind: 'percent', percent: 5 }, minSpend: usd(0) }), '5% off, no minimum'],
  ])('%#: %s', (promo, expected) => {
    expect(en.codeTerms(promo)).toBe(expected);
  });

  test('saving and unlock lines', () => {
    const match = { promo: makePromo(), source: 'bundled' as const, saving: usd(8), shortfall: usd(11.6) };
    expect([en.savingLine(match), en.unlockLine(match)]).toEqual([
      'saves US $8.00',
      'add US $11.60 to unlock',
    ]);
    expect(en.unlockLine({ ...match, shortfall: null })).toBe('');
  });
});

describe('countdowns', () => {
  const en = createMessages('en');
  test.each([
    [30_000, '1 min'],
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 hr'],
    [47 * 3_600_000, '47 hr'],
    [3 * 86_400_000, '3 days'],
  ])('%i ms -> %s', (ms, expected) => {
    expect(en.formatDuration(ms)).toBe(expected);
  });
});

describe('translations', () => {
  const below: CheckResult = {
    id: 'min-spend',
    status: 'fail',
    code: 'min-spend.below',
    facts: {
      required: { kind: 'money', value: usd(99) },
      actual: { kind: 'money', value: usd(87.4) },
      shortfall: { kind: 'money', value: usd(11.6) },
    },
  };
  test.each([
    ['de-AT', 'Braucht 99,00 $ ohne Versand; deine Artikel ergeben 87,40 $.'],
    ['es-MX', 'Requiere 99,00 US$ sin envío; tus artículos suman 87,40 US$.'],
    ['pt', 'Exige US$ 99,00 sem frete; seus itens somam US$ 87,40.'],
  ])('%s words a result in its language', (locale, expected) => {
    expect(
      createMessages(locale)
        .summary(below)
        .replace(/[\u00A0\u202F]/g, ' '),
    ).toBe(expected);
  });

  test('expiry dates are shown in the locale’s format and the code’s zone', () => {
    expect(createMessages('de').formatInstant('2026-06-30T23:59:59-07:00', 'America/Los_Angeles')).toBe(
      '30. Juni 2026 23:59 GMT-7',
    );
  });
});
