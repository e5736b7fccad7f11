/**
 * Hardening in the real browser (built extension, saved checkout at its real URL):
 * - the extension is reloaded (`chrome.runtime.reload()` from its service worker, as an update does) while
 *   a checkout tab shows the hint: the page gets no uncaught error, the old content script removes its hint
 *   once it finds its context invalidated (the next page change), and no orphaned or duplicate hint host
 *   stays;
 * - the extension is updated (a bumped version reloaded from its folder through CDP's Extensions domain,
 *   Chromium's path for unpacked extensions; this Chromium does not restart a --load-extension extension
 *   after `runtime.reload()`) with a checkout tab open: the old hint goes without a page error, and after the
 *   next load of the page the new content script hints, the badge and popup work, the history is kept;
 * - hostile page text (a 2,000-character title and error without a space, a 200-character pasted code) keeps
 *   the hint inside its 360 px and the popup inside its 380 px.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES, testFeed } from './fixtures/feed.ts';
import { DIST, ExtensionBrowser, loadPageFixture, useLocalTmp, type ShopPage } from './harness.ts';

declare const chrome: { runtime: { reload(): void; getManifest(): { version: string } } };

const HOST = '[data-promo-code-doctor-hint]';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await ExtensionBrowser.withFeed(testFeed());
});
afterAll(async () => browser?.close());

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function hostCount(page: Page): Promise<number> {
  return page.evaluate((selector) => document.querySelectorAll(selector).length, HOST);
}

/** The hint panel's box and whether its text overflows it, read through the closed shadow root by CDP. */
async function panelBox(
  cdp: CDPSession,
): Promise<{ width: number; left: number; right: number; overflows: boolean }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const section = find(
    root,
    (node) => node.nodeName === 'SECTION' && (node.attributes ?? []).includes('aria-label'),
  );
  if (!section) throw new Error('no hint panel on the page');
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: section.backendNodeId })) as {
    object: { objectId: string };
  };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    returnByValue: true,
    functionDeclaration: `function () {
      const box = this.getBoundingClientRect();
      const texts = [...this.querySelectorAll('p, button')];
      return { width: box.width, left: box.left, right: box.right,
        overflows: this.scrollWidth > this.clientWidth || texts.some((t) => t.scrollWidth > t.clientWidth + 1) };
    }`,
  })) as { result: { value: { width: number; left: number; right: number; overflows: boolean } } };
  return result.value;
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function find(node: CdpNode, match: (node: CdpNode) => boolean): CdpNode | null {
  if (match(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = find(child, match);
    if (found) return found;
  }
  return null;
}

describe('hostile page text keeps the layout', () => {
  test('a 2,000-character title and error and a 200-character code: the hint stays 360 px and wraps', async () => {
    const fixture = loadPageFixture('checkout-us-8740');
    const long = (unit: string) => unit.repeat(2000);
    const html = fixture.html
      .replace(
        /title="Baseus 65W GaN USB C Charger[^"]*" target="_blank">[^<]*</,
        `title="${long('T')}" target="_blank">${long('T')}<`,
      )
      .replace(
        '<div class="pl-promoCode-input-wrap-pc">',
        `<div class="promoErrorTip">${long('E')}</div><div class="pl-promoCode-input-wrap-pc">`,
      );
    const shop = await browser.openShopPage(fixture.url, html);
    const errors = collectPageErrors(shop.page);
    await shop.pasteCode(`SAVE${'Q'.repeat(196)}`);
    await shop.waitForHint(/SAVEQQQ/);
    const box = await panelBox(await shop.cdp());
    const viewport = shop.page.viewportSize();
    expect(box.width).toBeLessThanOrEqual(360);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport?.width ?? 1280);
    expect(box.overflows).toBe(false);

    // The popup for that tab shows the same texts within its 380 px.
    const popup = await browser.openPopup(shop.tabId);
    const widths = await popup.page.evaluate(() => ({
      body: document.body.getBoundingClientRect().width,
      content: document.body.scrollWidth,
      overflowing: [...document.querySelectorAll('#app *')].filter(
        (element) => element.scrollWidth > document.body.clientWidth + 1,
      ).length,
    }));
    expect(widths.body).toBeLessThanOrEqual(380);
    expect(widths.content).toBeLessThanOrEqual(380);
    expect(widths.overflowing).toBe(0);
    await popup.close();
    expect(errors).toEqual([]);
  });
});

/**
 * A real update, through Chromium's own path for unpacked extensions (CDP Extensions.loadUnpacked on the
 * folder it was loaded from, with a bumped version): same id and storage, new worker, new content script for
 * pages loaded from then on. Chrome does not inject into tabs already open, so the shopper's next load of
 * the checkout gets the new one.
 */
describe('extension updated with a checkout tab open', () => {
  let updatable: ExtensionBrowser;
  let extensionDir: string;
  beforeAll(async () => {
    extensionDir = mkdtempSync(path.join(useLocalTmp(), 'e2e-updatable-'));
    cpSync(DIST, extensionDir, { recursive: true });
    updatable = await ExtensionBrowser.withFeed(testFeed(), { updatableFrom: extensionDir });
  });
  afterAll(async () => {
    await updatable?.close();
    rmSync(extensionDir, { recursive: true, force: true });
  });

  test('the old hint goes without a page error; after a page load the new version hints, with the history kept', async () => {
    // Before the update: an order with SAVE10 goes into this account's history.
    const first = await updatable.openFixture('checkout-us-8740');
    await first.pasteCode(CODES.fits);
    await first.waitForHint(/SAVE10/);
    await first.clickApply();
    await first.page.evaluate(() => {
      // AliExpress accepts it: the "Promo codes" row shows the amount off and the field empties.
      const row = [...document.querySelectorAll('.pl-summary__item-pc')].find((r) =>
        /promo codes/i.test(r.querySelector('.pl-summary__item-title-pc')?.textContent ?? ''),
      );
      const value = row?.querySelector('.pl-summary__item-content-pc');
      if (!value) throw new Error('No "Promo codes" row in the checkout fixture');
      value.textContent = '-US $10.00';
      const input = document.querySelector<HTMLInputElement>('input.pl-promoCode-input');
      if (input) input.value = '';
    });
    await first.page.getByRole('button', { name: 'Pay now' }).click();
    await first.navigateToFixture('pay-result-us-8740');

    const shop = await updatable.openFixture('checkout-us-8740');
    const errors = collectPageErrors(shop.page);
    await shop.pasteCode(CODES.tooBig);
    await shop.waitForHint(/SAVE18/);
    const before = await updatable.openPopup(shop.tabId);
    const historyBefore = await before.openSection('Codes used on this account');
    await expect
      .poll(async () => (await historyBefore.innerText()).replace(/\s+/g, ' '))
      .toMatch(/SAVE10.*used on an order/);
    await before.close();

    // The update: version 0.1.0 -> a newer one, reloaded from the same folder.
    const manifestFile = path.join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    const newVersion = manifest.version.replace(/\d+$/, (last) => String(Number(last) + 1));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: newVersion }, null, 2));
    const worker = await updatable.updateExtension();
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(newVersion);

    // The old content script tears down at its next page change: no hint, no host, nothing thrown.
    await shop.typeCode(CODES.fits);
    await expect.poll(() => hostCount(shop.page), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);

    // The shopper's next load of the checkout: the new content script reads it and hints from the kept history.
    await shop.goto(loadPageFixture('checkout-us-8740').url);
    await shop.pasteCode(CODES.fits);
    const hint = await shop.waitForHint(/SAVE10/);
    expect(hint.text).toContain('SAVE10 will be rejected: Already used');
    expect(await hostCount(shop.page)).toBe(1);
    await expect.poll(() => updatable.badgeText(shop.tabId)).toBe('!');

    const popup = await updatable.openPopup(shop.tabId);
    expect(await popup.verdict()).toMatch(/SAVE10/);
    const history = await popup.openSection('Codes used on this account');
    await expect
      .poll(async () => (await history.innerText()).replace(/\s+/g, ' '))
      .toMatch(/SAVE10.*used on an order/);
    await popup.close();
    expect(errors).toEqual([]);
  });
});

// Runs last: after the reload this Chromium does not bring a command-line-loaded (--load-extension) extension
// back (its pages answer ERR_BLOCKED_BY_CLIENT and no new worker starts), so the browser is done with it.
describe('extension reloaded with a checkout tab open', () => {
  test('no page error, the old hint goes once its context is invalidated, no orphaned or duplicate host', async () => {
    const shop: ShopPage = await browser.openFixture('checkout-us-8740');
    const errors = collectPageErrors(shop.page);
    await shop.pasteCode(CODES.tooBig);
    await shop.waitForHint(/SAVE18/);
    expect(await hostCount(shop.page)).toBe(1);
    const pageBefore = await shop.pageDomWithoutOurs();

    // What an update does: the worker reloads the extension.
    const worker = await browser.serviceWorker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);

    // The old content script learns its context is gone at its next send (any page change) and tears down:
    // its hint and every listener go, and nothing is thrown into the page.
    await shop.typeCode(CODES.fits);
    await expect.poll(() => hostCount(shop.page), { timeout: 10_000 }).toBe(0);
    expect(await shop.hint()).toBeNull();
    await shop.typeCode(CODES.smaller);
    await shop.page.waitForTimeout(300);
    expect(await hostCount(shop.page)).toBe(0);
    expect(errors).toEqual([]);
    // The shop's page is as AliExpress made it, apart from what the shopper typed.
    expect((await shop.pageDomWithoutOurs()).replace(/INPUT#=.*/g, '')).toBe(
      pageBefore.replace(/INPUT#=.*/g, ''),
    );
  });
});
