import { describe, expect, test } from 'vitest';
import { matchingCodes, mergeCatalog } from '../../src/rules/diagnose.ts';
import { createMessages } from '../../src/rules/messages.ts';
import { FeedSchema, type PromoCode } from '../../src/rules/schemas/catalog.ts';
import { known, missing } from '../../src/rules/schemas/field.ts';
import type { MatchingCodes } from '../../src/rules/types.ts';
import { NOW } from '../helpers/check.ts';
import { makeCatalog, makePromo, makeSnapshot, usd, type PromoOverrides } from '../helpers/snapshot.ts';

const fixed = (code: string, off: number, min: number, extra: PromoOverrides = {}) =>
  makePromo({ code, discount: { kind: 'fixed', amount: usd(off) }, minSpend: usd(min), ...extra });

// Cart: US $87.40 of items, US account shipping to the US.
const ladder = [
  fixed('SAVE2', 2, 19),
  fixed('SAVE4', 4, 39),
  fixed('SAVE8', 8, 69),
  fixed('SAVE12', 12, 99),
  fixed('SAVE18', 18, 129),
];
const pct10 = makePromo({
  code: 'PCT10',
  discount: { kind: 'percent', percent: 10, cap: usd(15) },
  minSpend: usd(50),
});
const usa5 = fixed('USA5', 5, 39, { regions: ['US'] });
const expired = fixed('SUMMER25', 25, 49, {
  validFrom: '2026-06-01T00:00:00-07:00',
  validUntil: '2026-06-10T23:59:59-07:00',
});
const used = fixed('USED10', 10, 29);
const appOnly = fixed('APP10', 10, 29, { appOnly: true });
const history = [
  { accountId: '2201234567', code: 'USED10', usedAt: '2026-09-01T00:00:00Z', source: 'order' as const },
];
const catalog = makeCatalog([...ladder, pct10, usa5, expired, used, appOnly]);

const codes = (matches: MatchingCodes['fitting']) =>
  matches.map((match) => [match.promo.code, match.saving.amountMinor]);

describe('matchingCodes', () => {
  test('codes that fit now, best saving first; expired, used and app-only codes left out', () => {
    const { fitting } = matchingCodes(makeSnapshot(), catalog, history, NOW);
    expect(codes(fitting)).toEqual([
      ['PCT10', 874], // 10 % of US $87.40, under its US $15 cap
      ['SAVE8', 800],
      ['USA5', 500],
      ['SAVE4', 400],
      ['SAVE2', 200],
    ]);
  });

  test('near misses: only short of the minimum, smallest amount to add first', () => {
    const { nearMisses } = matchingCodes(makeSnapshot(), catalog, history, NOW);
    expect(nearMisses.map((match) => [match.promo.code, match.shortfall?.amountMinor])).toEqual([
      ['SAVE12', 1160],
      ['SAVE18', 4160],
    ]);
    const en = createMessages('en');
    const first = nearMisses[0];
    expect(first && [en.codeTerms(first.promo), en.unlockLine(first)]).toEqual([
      'US $12 off US $99+',
      'add US $11.60 to unlock',
    ]);
  });

  test('a percent code is capped, and the cap decides its rank', () => {
    const capped = makePromo({
      code: 'PCT20',
      discount: { kind: 'percent', percent: 20, cap: usd(5) },
      minSpend: usd(10),
    });
    const { fitting } = matchingCodes(makeSnapshot(), makeCatalog([capped, fixed('SAVE6', 6, 50)]), [], NOW);
    expect(codes(fitting)).toEqual([
      ['SAVE6', 600],
      ['PCT20', 500],
    ]);
  });

  test('equal savings: the lower minimum first', () => {
    const { fitting } = matchingCodes(
      makeSnapshot(),
      makeCatalog([fixed('BBB5', 5, 59), fixed('AAA5', 5, 29)]),
      [],
      NOW,
    );
    expect(codes(fitting)).toEqual([
      ['AAA5', 500],
      ['BBB5', 500],
    ]);
  });

  test('shipping to Canada: US-only codes neither fit nor count as near misses', () => {
    const snapshot = makeSnapshot({
      region: { shipTo: known('CA', 'cookie'), account: known('CA', 'menu') },
    });
    const { fitting, nearMisses } = matchingCodes(snapshot, catalog, history, NOW);
    expect(fitting.map((match) => match.promo.code)).not.toContain('USA5');
    expect(nearMisses.map((match) => match.promo.code)).not.toContain('USA5');
  });

  test('a code with an undecided check is neither fitting nor a near miss', () => {
    const snapshot = makeSnapshot({ region: { account: missing('account menu not rendered') } });
    const { fitting } = matchingCodes(snapshot, catalog, history, NOW);
    expect(fitting.map((match) => match.promo.code)).toEqual(['PCT10', 'SAVE8', 'SAVE4', 'SAVE2']);
  });

  test('excluded lines that do not count: the near miss asks for the eligible shortfall', () => {
    const noGan = fixed('NOGAN8', 8, 69, {
      excludes: { keywords: ['gan'], storeIds: [], productIds: [], effect: 'not-counted' },
    });
    const { nearMisses } = matchingCodes(makeSnapshot(), makeCatalog([noGan]), [], NOW);
    // US $87.40 minus the US $29.90 charger leaves US $57.50: US $11.50 short of US $69.
    expect(nearMisses.map((match) => [match.promo.code, match.shortfall?.amountMinor])).toEqual([
      ['NOGAN8', 1150],
    ]);
  });

  test.each([
    { label: 'page still loading', snapshot: makeSnapshot({ ready: false }) },
    {
      label: 'subtotal unreadable',
      snapshot: makeSnapshot({ amounts: { itemsSubtotal: missing('not rendered') } }),
    },
  ])('$label: no matches rather than wrong ones', ({ snapshot }) => {
    expect(matchingCodes(snapshot, catalog, history, NOW)).toEqual({ fitting: [], nearMisses: [] });
  });
});

describe('mergeCatalog', () => {
  const feed = (publisher: string, codes: PromoCode[], date?: string) =>
    FeedSchema.parse({
      version: 1,
      publisher,
      generatedAt: '2026-11-20T00:00:00Z',
      codes,
      ...(date ? { fxRates: { base: 'USD', date, rates: { EUR: 0.9 } } } : {}),
    });

  test('on the same code the shopper’s own entry wins over the remote feed, which wins over the bundled one', () => {
    const bundled = feed('bundled', [fixed('SAVE8', 8, 69), fixed('ONLYBUNDLED', 2, 19)], '2026-11-01');
    const remote = feed('remote', [fixed('SAVE8', 8, 59), fixed('SAVE4', 4, 39)], '2026-11-20');
    const mine = [fixed('SAVE8', 8, 49), fixed('SAVE4', 5, 39)];
    const merged = mergeCatalog(bundled, remote, mine);
    expect(
      merged.entries.map((entry) => [entry.promo.code, entry.source, entry.promo.minSpend.amountMinor]),
    ).toEqual([
      ['SAVE8', 'mine', 4900],
      ['SAVE4', 'mine', 3900],
      ['ONLYBUNDLED', 'bundled', 1900],
    ]);
    expect(merged.fxRates?.date).toBe('2026-11-20');
  });

  test('without a remote feed: the bundled codes and rates', () => {
    const merged = mergeCatalog(feed('bundled', [fixed('SAVE8', 8, 69)], '2026-11-01'), null, []);
    expect(merged.entries.map((entry) => entry.source)).toEqual(['bundled']);
    expect(merged.fxRates?.date).toBe('2026-11-01');
  });

  test('newer bundled rates win over an older remote copy', () => {
    const merged = mergeCatalog(feed('bundled', [], '2026-11-22'), feed('remote', [], '2026-10-01'), []);
    expect(merged.fxRates?.date).toBe('2026-11-22');
  });
});

describe('matchingCodes reads the history it is given on every call', () => {
  test('a code recorded as used in the same history array is no longer offered', () => {
    const snapshot = makeSnapshot();
    const history: { accountId: string; code: string; usedAt: string; source: 'order' }[] = [];
    const save8 = fixed('SAVE8', 8, 69);
    const small = makeCatalog([save8]);
    expect(matchingCodes(snapshot, small, history, NOW).fitting).toHaveLength(1);
    history.push({ accountId: '2201234567', code: 'SAVE8', usedAt: '2026-11-24T17:00:00Z', source: 'order' });
    expect(matchingCodes(snapshot, small, history, NOW).fitting).toHaveLength(0);
  });
});
