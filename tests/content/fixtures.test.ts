/**
 * Every saved page gives the snapshot it must: the essentials (written from the page's own numbers when the
 * fixture was made) and the full snapshot with every source and every reason, validated by the schema
 * the background uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CartSnapshotSchema, type CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { extractSnapshot, readPage } from '../../src/content/extract/index.ts';
import { NO_CAPTURE } from '../../src/content/promo-capture.ts';
import { assembleSnapshot } from '../../src/shared/page-model/assemble.ts';
import { PageReadSchema } from '../../src/shared/protocol.ts';
import { essentialsOf, fixtureNames, loadFixture, readMeta } from './fixtures.ts';

const names = fixtureNames();
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

function read(name: string): {
  snapshot: CartSnapshot;
  meta: ReturnType<typeof readMeta> & { now: string; snapshot: unknown };
} {
  const { window, document, meta } = loadFixture(name);
  close = () => window.happyDOM.close();
  const full = meta as typeof meta & { now: string; snapshot: unknown };
  return {
    snapshot: extractSnapshot(document, meta.url, meta.cookie, NO_CAPTURE, new Date(full.now)),
    meta: full,
  };
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

  it.each(names)('%s: the page read passes the background door and gives the same snapshot there', (name) => {
    const { window, document, meta } = loadFixture(name);
    close = () => window.happyDOM.close();
    const now = new Date((meta as typeof meta & { now: string }).now);
    const page = readPage(document, meta.url, meta.cookie, NO_CAPTURE, now);
    // What crosses runtime.sendMessage is JSON; the background then checks it with the protocol schema.
    const arrived = PageReadSchema.parse(JSON.parse(JSON.stringify(page)));
    expect(assembleSnapshot(arrived)).toEqual((meta as typeof meta & { snapshot: unknown }).snapshot);
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
    expect(snapshot.amounts.itemsSubtotal).toMatchObject({
      known: false,
      reason: expect.stringContaining('loading'),
    });
  });

  it('gives unknowns with reasons, never numbers it did not read, on an unknown layout', () => {
    const { snapshot } = read('future-layout-cart');
    expect(snapshot.lines).toMatchObject({ known: false, reason: expect.stringContaining('layout') });
    expect(snapshot.amounts.storeDiscounts.known).toBe(false);
    expect(snapshot.amounts.coins.known).toBe(false);
  });

  it('refuses to pick between the Subtotal row and the ticked lines when they disagree', () => {
    const { window, document, meta } = loadFixture('cart-usd-unselected');
    close = () => window.happyDOM.close();
    // The virtualised list re-rendered one line with a new price before the summary caught up.
    const price = document.querySelector('.cart-product-price-buynow') as HTMLElement;
    price.textContent = 'US $25.99';
    const snapshot = extractSnapshot(document, meta.url, meta.cookie, NO_CAPTURE, new Date());
    expect(snapshot.amounts.itemsSubtotal).toEqual({
      known: false,
      reason: expect.stringMatching(/Subtotal.*6923.*7023.*not picking one/),
    });
  });

  it('trusts neither the cookie nor the prices when their currencies disagree', () => {
    const { window, document, meta } = loadFixture('checkout-us-8740');
    close = () => window.happyDOM.close();
    const cookie = meta.cookie.replace('c_tp=USD', 'c_tp=EUR');
    const snapshot = extractSnapshot(document, meta.url, cookie, NO_CAPTURE, new Date());
    expect(snapshot.currency).toEqual({
      known: false,
      reason: expect.stringContaining('says EUR but the page shows prices in USD'),
    });
    expect(snapshot.amounts.itemsSubtotal.known).toBe(false);
  });

  it('infers the currency from "US $" when the cookie is not readable, but not from a bare "$"', () => {
    const usd = loadFixture('checkout-us-8740');
    const fromText = extractSnapshot(usd.document, usd.meta.url, '', NO_CAPTURE, new Date());
    expect(fromText.currency).toEqual({ known: true, value: 'USD', source: expect.stringContaining('US $') });
    expect(fromText.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    void usd.window.happyDOM.close();
    const dollar = loadFixture('checkout-usd-us-site');
    close = () => dollar.window.happyDOM.close();
    const bare = extractSnapshot(dollar.document, dollar.meta.url, '', NO_CAPTURE, new Date());
    expect(bare.currency).toEqual({
      known: false,
      reason: expect.stringContaining('several currencies use'),
    });
    // The address still gives the ship-to country when the cookie cannot be read.
    expect(bare.region.shipTo).toEqual({ known: true, value: 'US', source: 'checkout shipping address' });
  });

  it('says so when the ship-to cookie and the checkout address disagree', () => {
    const { window, document, meta } = loadFixture('checkout-shipto-de-mismatch');
    close = () => window.happyDOM.close();
    const cookie = meta.cookie.replace('region=DE', 'region=US');
    const snapshot = extractSnapshot(document, meta.url, cookie, NO_CAPTURE, new Date());
    expect(snapshot.region.shipTo).toEqual({
      known: false,
      reason: expect.stringContaining('cookie says ship to US but the checkout address is in DE'),
    });
  });
});
