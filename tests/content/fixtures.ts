/**
 * Loads a saved page from tests/fixtures/pages into happy-dom at its real URL, with its sidecar:
 * `<name>.json` = { description, url, cookie, expected } where `expected` holds the essentials a shopper
 * would notice (amounts in minor units, lines, region, promo state), written from the page's own numbers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';

export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

export interface FixtureMeta {
  readonly description: string;
  readonly url: string;
  readonly cookie: string;
  readonly expected: Essentials;
}

export interface Essentials {
  pageKind: string;
  platform: string;
  ready: boolean;
  currency: string | null;
  amounts: Record<keyof CartSnapshot['amounts'], number | null>;
  lines: unknown[] | null;
  region: { shipTo: string | null; site: string | null; account: string | null };
  accountId: string | null;
  promo: {
    fieldPresent: boolean;
    enteredCode: string | null;
    applied: unknown;
    error: unknown;
  };
}

export function fixtureNames(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

export function readMeta(name: string): FixtureMeta {
  return JSON.parse(readFileSync(`${PAGES_DIR}${name}.json`, 'utf8')) as FixtureMeta;
}

/** A happy-dom window at the fixture's URL holding its page; scripts and styles are not loaded. */
export function loadFixture(name: string): { window: Window; document: Document; meta: FixtureMeta } {
  const meta = readMeta(name);
  const window = new Window({
    url: meta.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  window.document.write(readFileSync(`${PAGES_DIR}${name}.html`, 'utf8'));
  return { window, document: window.document as unknown as Document, meta };
}

const valueOf = <T>(field: { known: true; value: T } | { known: false }): T | null =>
  field.known ? field.value : null;

/** The essentials of a snapshot, in the sidecar's shape. */
export function essentialsOf(snapshot: CartSnapshot): Essentials {
  const { amounts, promo } = snapshot;
  return {
    pageKind: snapshot.pageKind,
    platform: snapshot.platform,
    ready: snapshot.ready,
    currency: valueOf(snapshot.currency),
    amounts: {
      itemsSubtotal: valueOf(amounts.itemsSubtotal),
      storeDiscounts: valueOf(amounts.storeDiscounts),
      coins: valueOf(amounts.coins),
      shipping: valueOf(amounts.shipping),
      tax: valueOf(amounts.tax),
      total: valueOf(amounts.total),
    },
    lines: valueOf(snapshot.lines),
    region: {
      shipTo: valueOf(snapshot.region.shipTo),
      site: valueOf(snapshot.region.site),
      account: valueOf(snapshot.region.account),
    },
    accountId: valueOf(snapshot.accountId),
    promo: {
      fieldPresent: promo.fieldPresent,
      enteredCode: valueOf(promo.enteredCode),
      applied: promo.applied.known ? promo.applied.value : 'unknown',
      error: promo.error.known ? promo.error.value : 'unknown',
    },
  };
}
