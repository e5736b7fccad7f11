/**
 * Every saved page gives the snapshot it must: the essentials (written from the page's own numbers when the
 * fixture was made) and the full snapshot with every source and every reason, validated by the schema
 * the background uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CartSnapshotSchema, type CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { extractSnapshot } from '../../src/content/extract/index.ts';
import { NO_CAPTURE } from '../../src/content/promo-capture.ts';
import { essentialsOf, fixtureNames, loadFixture, readMeta } from './fixtures.ts';

const names = fixtureNames();
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

function read(name: string): { snapshot: CartSnapshot; meta: ReturnType<typeof readMeta> & { now: string; snapshot: unknown } } {
  const { window, document, meta } = loadFixture(name);
  close = () => window.happyDOM.close();
  const full = meta as typeof meta & { now: string; snapshot: unknown };
  return { snapshot: extractSnapshot(document, meta.url, meta.cookie, NO_CAPTURE, new Date(full.now)), meta: full };
}

describe('fixture pages', () => {
  it('cover at least 15 realistic pages, each with a sidecar', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) expect(readMeta(name).expected, name).toBeTruthy();
  });

  it.each(names)('%s: the snapshot validates and has the expected essentials', (name) => {
    const { snapshot, meta } = read(name);
    expect(CartSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(essentialsOf(snapshot)).toEqual(meta.expected);
  });

  it.each(names)('%s: the full snapshot, with every source and reason', (name) => {
    const { snapshot, meta } = read(name);
    expect(snapshot).toEqual(meta.snapshot);
  });
});

describe('what a shopper would notice', () => {
  it('counts only ticked cart lines in the items subtotal', () => {
    const { snapshot } = read('cart-usd-unselected');
    expect(snapshot.amounts.itemsSubtotal).toMatchObject({ known: true, value: 2499 + 3 * 648 + 2 * 1240 });
    const lines = snapshot.lines.known ? snapshot.lines.value : [];
    expect(lines.filter((line) => !line.selected).map((line) => line.productId)).toEqual([
      '1005007012345678',
      '1005001122334455',
    ]);
  });

  it('reads the e2e checkout as US $87.40 of items shipping to the US', () => {
    const { snapshot } = read('checkout-us-8740');
    expect(snapshot.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(snapshot.region.shipTo).toMatchObject({ known: true, value: 'US' });
    expect(snapshot.promo.fieldPresent).toBe(true);
  });

  it('never calls a loading cart empty', () => {
    const { snapshot } = read('cart-loading');
    expect(snapshot.ready).toBe(false);
    expect(snapshot.lines.known).toBe(false);
    expect(snapshot.amounts.itemsSubtotal).toMatchObject({ known: false, reason: expect.stringContaining('loading') });
  });

  it('gives unknowns with reasons, never numbers it did not read, on an unknown layout', () => {
    const { snapshot } = read('future-layout-cart');
    expect(snapshot.lines).toMatchObject({ known: false, reason: expect.stringContaining('layout') });
    expect(snapshot.amounts.storeDiscounts.known).toBe(false);
    expect(snapshot.amounts.coins.known).toBe(false);
  });
});
