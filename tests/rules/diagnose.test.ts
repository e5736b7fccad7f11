import { describe, expect, test } from 'vitest';
import { diagnose } from '../../src/rules/diagnose.ts';
import { createMessages } from '../../src/rules/messages.ts';
import { known, missing } from '../../src/rules/schemas/field.ts';
import type { PromoError } from '../../src/rules/schemas/snapshot.ts';
import { CHECK_IDS } from '../../src/rules/types.ts';
import { NOW } from '../helpers/check.ts';
import { outline } from '../helpers/diagnosis.ts';
import { makeCatalog, makePromo, makeSnapshot, usd } from '../helpers/snapshot.ts';

// Default cart: US $87.40 of items, US checkout on the desktop site.
const save8 = makePromo({ code: 'SAVE8', minSpend: usd(59), tier: { ladder: 'global', rank: 3 } });
const save18 = makePromo({
  code: 'SAVE18',
  discount: { kind: 'fixed', amount: usd(18) },
  minSpend: usd(99),
  tier: { ladder: 'global', rank: 4 },
});
const usa10 = makePromo({
  code: 'USA10',
  regions: ['US'],
  discount: { kind: 'fixed', amount: usd(10) },
  minSpend: usd(69),
});
const summer12 = makePromo({
  code: 'SUMMER12',
  regions: ['US'],
  validFrom: '2026-06-01T00:00:00-07:00',
  validUntil: '2026-06-10T23:59:59-07:00',
});
const catalog = makeCatalog([save8, save18, usa10, summer12]);
const en = createMessages('en');

describe('diagnose: will-apply', () => {
  test('a fitting code applies; every check ran, in checklist order', () => {
    const diagnosis = diagnose(makeSnapshot(), 'SAVE8', catalog, [], NOW);
    expect(outline(diagnosis)).toEqual({
      verdict: 'will-apply',
      promo: 'SAVE8',
      culprit: null,
      failures: [],
      unreadable: [],
    });
    expect(diagnosis.results.map((result) => result.id)).toEqual([...CHECK_IDS]);
    expect(en.verdictHeadline(diagnosis)).toBe('SAVE8 should apply to this order.');
  });

  test('warnings (mobile web, expiring in 3 h) do not block will-apply', () => {
    const soon = makePromo({ code: 'SOON8', validUntil: '2026-11-24T13:00:00-08:00' });
    const snapshot = makeSnapshot({ platform: 'mobile-web' });
    const diagnosis = diagnose(snapshot, 'SOON8', makeCatalog([soon]), [], NOW);
    expect(diagnosis.verdict).toBe('will-apply');
    expect(
      diagnosis.results.filter((result) => result.status === 'warn').map((result) => result.code),
    ).toEqual(['expiry.expiring-soon', 'platform.mobile-web']);
  });
});

describe('diagnose: will-be-rejected', () => {
  test('below the minimum: min-spend is the culprit, and a lower code that fits is offered', () => {
    const diagnosis = diagnose(makeSnapshot(), 'SAVE18', catalog, [], NOW);
    expect(outline(diagnosis)).toEqual({
      verdict: 'will-be-rejected',
      promo: 'SAVE18',
      culprit: 'min-spend.below',
      failures: ['min-spend.below'],
      unreadable: [],
    });
    const culprit = diagnosis.culprit;
    expect(culprit?.suggestion).toBe('SAVE8');
    expect(culprit && en.summary(culprit)).toBe(
      'Needs US $99.00 before shipping; your items come to US $87.40.',
    );
    expect(culprit && en.fix(culprit, catalog)).toBe(
      'Add US $11.60 of eligible items to cross the threshold. Or use SAVE8 (US $8 off US $59+), which fits this cart now.',
    );
    expect(diagnosis.results.find((result) => result.id === 'lower-tier')?.code).toBe(
      'lower-tier.lower-fits',
    );
    expect(en.verdictHeadline(diagnosis)).toBe('SAVE18 will be rejected: Minimum spend.');
  });

  test('several failures: the first in checklist order is the culprit, all are listed', () => {
    const snapshot = makeSnapshot({
      pageKind: 'cart',
      region: { shipTo: known('CA', 'cookie'), account: known('CA', 'menu') },
    });
    expect(outline(diagnose(snapshot, 'SUMMER12', catalog, [], NOW))).toEqual({
      verdict: 'will-be-rejected',
      promo: 'SUMMER12',
      culprit: 'expiry.expired',
      failures: ['expiry.expired', 'region-lock.ship-to-outside', 'wrong-page.cart'],
      unreadable: [],
    });
  });

  test('a mistyped code is matched and rejected with the exact code', () => {
    const diagnosis = diagnose(makeSnapshot(), 'save8\u200B', catalog, [], NOW);
    expect(outline(diagnosis)).toMatchObject({
      verdict: 'will-be-rejected',
      promo: 'SAVE8',
      culprit: 'exact-code.mistyped',
    });
    expect(diagnosis.culprit?.suggestion).toBe('SAVE8');
  });

  test('a failure stands even when other fields are unreadable', () => {
    const snapshot = makeSnapshot({ amounts: { itemsSubtotal: missing('summary not rendered') } });
    expect(outline(diagnose(snapshot, 'SUMMER12', catalog, [], NOW))).toMatchObject({
      verdict: 'will-be-rejected',
      culprit: 'expiry.expired',
    });
  });

  test('already used by this account', () => {
    const history = [
      { accountId: '2201234567', code: 'SAVE8', usedAt: '2026-10-03T17:20:00Z', source: 'order' as const },
    ];
    expect(outline(diagnose(makeSnapshot(), 'SAVE8', catalog, history, NOW)).culprit).toBe(
      'already-used.used',
    );
  });

  test('illustrative example codes are never offered as the fix', () => {
    const example = makePromo({ code: 'DEMOSAVE8', example: true, tier: { ladder: 'global', rank: 3 } });
    const diagnosis = diagnose(makeSnapshot(), 'SAVE18', makeCatalog([save18, example]), [], NOW);
    expect(diagnosis.culprit?.suggestion).toBeUndefined();
  });
});

describe('diagnose: unknown-code', () => {
  test('not in the catalog: the checks that need no terms still run; failures listed without a culprit', () => {
    const diagnosis = diagnose(makeSnapshot({ pageKind: 'cart' }), 'WELCOME5', catalog, [], NOW);
    expect(outline(diagnosis)).toEqual({
      verdict: 'unknown-code',
      promo: null,
      culprit: null,
      failures: ['wrong-page.cart'],
      unreadable: [],
    });
    expect(diagnosis.results.map((result) => result.id)).toEqual([
      'exact-code',
      'wrong-page',
      'platform',
      'one-code-per-order',
    ]);
    expect(en.verdictHeadline(diagnosis)).toBe('“WELCOME5” is not in any code list we have.');
  });
});

describe('diagnose: cannot-read-page', () => {
  test('the page is still loading: no checks run', () => {
    const diagnosis = diagnose(makeSnapshot({ ready: false }), 'SAVE8', catalog, [], NOW);
    expect(outline(diagnosis)).toMatchObject({ verdict: 'cannot-read-page', unreadable: ['page'] });
    expect(diagnosis.results).toEqual([]);
  });

  test('nothing fails but the subtotal is unreadable: says which field and why', () => {
    const snapshot = makeSnapshot({ amounts: { itemsSubtotal: missing('summary not rendered') } });
    const diagnosis = diagnose(snapshot, 'SAVE8', catalog, [], NOW);
    expect(outline(diagnosis)).toMatchObject({
      verdict: 'cannot-read-page',
      unreadable: ['amounts.itemsSubtotal'],
    });
    expect(diagnosis.unreadable.map(en.unreadableLine)).toEqual(['Items subtotal: summary not rendered']);
  });

  test('a country-locked code with the ship-to country unreadable', () => {
    const snapshot = makeSnapshot({ region: { shipTo: missing('no region in aep_usuc_f') } });
    expect(outline(diagnose(snapshot, 'USA10', catalog, [], NOW))).toMatchObject({
      verdict: 'cannot-read-page',
      unreadable: ['region.shipTo'],
    });
  });

  test.each(['', '   ', '\u200B'])('no code entered (%j)', (entered) => {
    expect(outline(diagnose(makeSnapshot(), entered, catalog, [], NOW))).toMatchObject({
      verdict: 'cannot-read-page',
      unreadable: ['promo.enteredCode'],
    });
  });
});

describe('diagnose: unsure, never a guessed will-apply', () => {
  test('US-only code, ships to the US, account country unreadable', () => {
    const snapshot = makeSnapshot({ region: { account: missing('account menu not rendered') } });
    const diagnosis = diagnose(snapshot, 'USA10', catalog, [], NOW);
    expect(outline(diagnosis)).toEqual({
      verdict: 'unsure',
      promo: 'USA10',
      culprit: null,
      failures: [],
      unreadable: [],
    });
    expect(en.verdictHeadline(diagnosis)).toBe('USA10 may not apply: some things could not be checked.');
  });

  test('a euro cart inside the exchange rates’ uncertainty', () => {
    const snapshot = makeSnapshot({
      currency: known('EUR', 'cookie'),
      amounts: { itemsSubtotal: known(5310, 'summary') },
    });
    const withRates = makeCatalog([save8], { rates: { EUR: 0.9 }, uncertainty: 0.02 });
    expect(diagnose(snapshot, 'SAVE8', withRates, [], NOW).verdict).toBe('unsure');
  });

  const withPageError = (error: PromoError, code: string) =>
    diagnose(makeSnapshot({ promo: { error: known(error, 'promoErrorTip') } }), code, catalog, [], NOW);

  test('AliExpress shows an error none of the checks explains: kept as evidence', () => {
    const error = { text: 'This code cannot be used for this order', kind: 'other' as const };
    const diagnosis = withPageError(error, 'SAVE8');
    expect(diagnosis.verdict).toBe('unsure');
    expect(diagnosis.pageError).toEqual(error);
  });

  test('AliExpress’s error never hides a failing check', () => {
    const error = { text: 'Code expired', kind: 'expired' as const };
    const diagnosis = withPageError(error, 'SAVE18');
    expect(outline(diagnosis)).toMatchObject({ verdict: 'will-be-rejected', culprit: 'min-spend.below' });
    expect(diagnosis.pageError).toEqual(error);
  });
});
