/**
 * Where the extension runs: on AliExpress's cart, checkout and payment-result pages (global and US sites),
 * read into what the popup shows; and nowhere else.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testFeed } from './fixtures/feed.ts';
import { ExtensionBrowser, loadPageFixture } from './harness.ts';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await ExtensionBrowser.withFeed(testFeed());
});
afterAll(async () => browser?.close());

test.each([
  ['checkout on aliexpress.com', 'checkout-us-8740', /Items subtotal US \$87\.40/],
  ['checkout on aliexpress.us', 'checkout-usd-us-site', /Items subtotal (US )?\$85\.20/],
  ['cart on aliexpress.com (ticked lines only)', 'cart-usd-unselected', /Items subtotal US \$69\.23/],
])('the %s is read: the popup shows its items subtotal', async (_label, fixture, subtotal) => {
  const shop = await browser.openFixture(fixture);
  const popup = await browser.openPopup(shop.tabId);
  await expect.poll(() => popup.text()).toMatch(subtotal);
});

test('the payment-result page is read as "order placed"', async () => {
  const shop = await browser.openFixture('pay-result-us-8740');
  const popup = await browser.openPopup(shop.tabId);
  expect(await popup.text()).toContain('Order placed');
});

test('other AliExpress pages are left alone: no content script, no hint host', async () => {
  const checkout = loadPageFixture('checkout-us-8740');
  const { page, tabId } = await browser.newTab();
  // A product page, served with the checkout's markup: only the URL decides, as the manifest says.
  const productUrl = 'https://www.aliexpress.com/item/1005006123456789.html';
  browser.servePage(productUrl, checkout.html);
  await page.goto(productUrl, { waitUntil: 'load' });
  // A shopper's first move, which makes a matched page read itself.
  await page.mouse.move(40, 40);
  // A matched page in another tab is read within this time; this one must stay unread.
  const control = await browser.openFixture(checkout);
  await control.waitReady();
  const state = JSON.parse(await browser.sessionStateText()) as Record<string, unknown>;
  expect(state[`tab:${tabId}`]).toBeUndefined();
  expect(await page.evaluate(() => document.documentElement.getAttributeNames())).toEqual(['lang', 'dir']);
  expect(await page.locator('[data-promo-code-doctor-hint]').count()).toBe(0);
});
