import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import bundledJson from '../../src/data/bundled-feed.json' with { type: 'json' };
import { diagnose, mergeCatalog, matchingCodes } from '../../src/rules/diagnose.ts';
import { FeedSchema } from '../../src/rules/schemas/catalog.ts';
import { feedJsonSchema } from '../../src/rules/schemas/feed-json-schema.ts';
import { NOW } from '../helpers/check.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const feed = FeedSchema.parse(bundledJson);

describe('the bundled feed', () => {
  test('is dated, with dated exchange rates', () => {
    expect(Date.parse(feed.generatedAt)).toBeLessThanOrEqual(NOW.getTime());
    expect(feed.fxRates?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('never presents an invented code as real: each entry is verified with a source, or an example', () => {
    for (const promo of feed.codes) {
      expect(promo.source, promo.code).toBeTruthy();
      expect(promo.example === true || promo.verifiedAt !== undefined, promo.code).toBe(true);
    }
  });

  test('has a global ladder and a US-only ladder, Summer Sale codes ending June 10 2026 and others June 30 2026', () => {
    const ladders = new Map<string, string[]>();
    for (const promo of feed.codes) {
      if (!promo.tier) continue;
      ladders.set(promo.tier.ladder, [...(ladders.get(promo.tier.ladder) ?? []), promo.code]);
    }
    expect(ladders.get('global-2026-h1')).toHaveLength(4);
    expect(ladders.get('usa-2026-h1')).toHaveLength(4);
    const endDates = new Set(feed.codes.map((promo) => promo.validUntil.slice(0, 10)));
    expect(endDates).toContain('2026-06-10');
    expect(endDates).toContain('2026-06-30');
    expect(
      feed.codes.filter((promo) => promo.regions !== 'GLOBAL').every((promo) => promo.regions.includes('US')),
    ).toBe(true);
  });

  test('on 2026-11-24 the June codes have expired and only the illustrative examples still fit', () => {
    const catalog = mergeCatalog(feed, null, []);
    const snapshot = makeSnapshot();
    expect(diagnose(snapshot, 'DEMOSUMMER3', catalog, [], NOW).culprit?.code).toBe('expiry.expired');
    const { fitting } = matchingCodes(snapshot, catalog, [], NOW);
    expect(fitting.length).toBeGreaterThan(0);
    expect(fitting.every((match) => match.promo.example === true)).toBe(true);
  });

  test('schema/feed.schema.json is up to date (run `npm run schema`)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../schema/feed.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(feedJsonSchema());
  });
});
