/**
 * The shopper points the extension at a publisher's code list (Settings in the popup) and refreshes it:
 * new codes appear; a broken download keeps the last good list and says so.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CODES, testFeed } from './fixtures/feed.ts';
import { ExtensionBrowser, FEED_URL, type PopupPage } from './harness.ts';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await ExtensionBrowser.launch();
});
afterAll(async () => browser?.close());

async function refresh(popup: PopupPage): Promise<void> {
  const settings = await popup.openSection('Settings');
  await settings.getByRole('button', { name: /refresh now/i }).click();
}

test('a served feed, refreshed from Settings, updates the codes that fit; a broken one keeps the last good list', async () => {
  const shop = await browser.openFixture('checkout-us-8740');
  browser.serveFeed(testFeed({ publisher: 'Deals Weekly' }));

  // Before: the built-in list; none of the served codes is known.
  let popup = await browser.openPopup(shop.tabId);
  expect(await popup.fittingCodes()).not.toContain(CODES.fits);

  // Settings -> code list address -> Save -> Refresh now.
  const settings = await popup.openSection('Settings');
  await settings.getByLabel('Code list address').fill(FEED_URL);
  await settings.getByRole('button', { name: 'Save' }).click();
  await refresh(popup);
  await expect.poll(() => popup.text(), { timeout: 15_000 }).toContain('Deals Weekly');
  await popup.page.reload();
  await popup.waitRendered();
  expect(await popup.fittingCodes()).toContain(CODES.fits);
  expect(await popup.fittingCodes()).not.toContain(CODES.added);

  // The publisher adds FRESH9 (US $9 off US $49+): after a refresh it is offered for this cart.
  browser.serveFeed(testFeed({ publisher: 'Deals Weekly', withAddedCode: true }));
  await refresh(popup);
  await expect.poll(
    async () => {
      await popup.page.reload();
      await popup.waitRendered();
      return popup.fittingCodes();
    },
    { timeout: 15_000 },
  ).toContain(CODES.added);

  // The feed breaks (server error, then garbage): the last good list stays, and the popup says so.
  for (const broken of [
    { status: 500, body: 'Internal Server Error', contentType: 'text/plain' },
    { status: 200, body: '{"version":1,"publisher":"Deals Weekly","codes":[{"code":"BROKEN"', contentType: 'application/json' },
  ]) {
    browser.serveFeed(broken);
    await refresh(popup);
    await expect.poll(() => popup.text(), { timeout: 15_000 }).toMatch(/failed|could not refresh/i);
    popup = await reopen(popup, shop.tabId);
    expect(await popup.fittingCodes()).toContain(CODES.added);
    expect(await popup.text()).toContain('Deals Weekly');
  }

  // And the page's hint still knows the codes from the last good list.
  await shop.pasteCode(CODES.added);
  const hint = await shop.waitForHint(/FRESH9/);
  expect(hint.text).toMatch(/FRESH9 (will|should) apply/);
  // The only thing the extension downloaded was the feed.
  const fromExtension = browser.requests.filter((r) => r.from === 'extension' && !r.url.startsWith('chrome-extension://'));
  expect(fromExtension.length).toBeGreaterThanOrEqual(4);
  expect(new Set(fromExtension.map((r) => r.url.split('?')[0]))).toEqual(new Set([FEED_URL]));
});

async function reopen(popup: PopupPage, tabId: number): Promise<PopupPage> {
  await popup.close();
  return browser.openPopup(tabId);
}
