/**
 * The promises, checked during a whole journey: the only request the extension makes is the feed download;
 * cookies are untouched; the page's DOM is unchanged apart from our hint host (closed shadow root); no tabs
 * are opened.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CODES, testFeed } from './fixtures/feed.ts';
import { ExtensionBrowser, FEED_URL, loadPageFixture } from './harness.ts';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await ExtensionBrowser.launch();
});
afterAll(async () => browser?.close());

/** Every URL a saved page itself references (its CDN stylesheet, script, images): the page's own requests. */
function referencedUrls(html: string, base: string): Set<string> {
  const urls = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
    const raw = match[1] ?? '';
    if (raw.startsWith('javascript:')) continue;
    urls.add(new URL(raw, base).href);
  }
  return urls;
}

test('a full journey: only the feed is downloaded, cookies and the page stay as they were, no tabs open', async () => {
  const checkout = loadPageFixture('checkout-us-8740');
  const payResult = loadPageFixture('pay-result-us-8740');
  browser.serveFeed(testFeed());
  await browser.setCookies(checkout.cookies);
  const cookiesBefore = await browser.cookies();

  // Settings: use the served feed (the one network request we allow).
  await browser.useServedFeed();
  const shop = await browser.openFixture(checkout);
  const pageBefore = await shop.pageDomWithoutOurs();

  await shop.pasteCode(CODES.tooBig);
  const hint = await shop.waitForHint(/SAVE18/);
  await hint.click(/copy/i);
  await shop.pasteCode(CODES.fits);
  await shop.waitForHint(/SAVE10/);

  // The hint lives in a closed shadow root: the page cannot read or restyle it.
  expect(hint.shadowRootType).toBe('closed');
  const seenByPage = await shop.page.evaluate(() => {
    const hosts = document.querySelectorAll('[data-promo-code-doctor-hint]');
    return { count: hosts.length, shadowRoot: hosts[0]?.shadowRoot ?? null, parent: hosts[0]?.parentElement?.tagName };
  });
  expect(seenByPage).toEqual({ count: 1, shadowRoot: null, parent: 'BODY' });

  // Outside our host and marker the page is exactly as AliExpress made it; the field holds what was pasted.
  const pageAfter = await shop.pageDomWithoutOurs();
  expect(pageAfter.replace(`=${CODES.fits}`, '=')).toBe(pageBefore);

  const popup = await browser.openPopup(shop.tabId);
  await popup.copy(CODES.smaller);
  await popup.close();

  await shop.page.getByRole('button', { name: 'Pay now' }).click();
  await shop.navigateToFixture(payResult.name);

  // 1. Network: the extension fetched the feed and nothing else; the page fetched only what it references.
  const fromExtension = browser.requests.filter((r) => r.from === 'extension' && !r.url.startsWith('chrome-extension://'));
  expect(fromExtension.map((r) => r.url.split('?')[0])).toEqual(fromExtension.map(() => FEED_URL));
  expect(fromExtension.length).toBeGreaterThanOrEqual(1);
  const pageOwn = new Set([
    ...referencedUrls(checkout.html, checkout.url),
    ...referencedUrls(payResult.html, payResult.url),
    checkout.url,
    payResult.url,
  ]);
  const unexplained = browser.requests
    .filter((r) => r.from === 'page' && !r.url.startsWith('chrome-extension://') && r.url !== 'about:blank')
    .filter((r) => !pageOwn.has(r.url));
  expect(unexplained).toEqual([]);

  // 2. Cookies: identical, value for value.
  expect(await browser.cookies()).toEqual(cookiesBefore);

  // 3. No tab or window opened by the extension.
  expect(browser.unexpectedPages.map((page) => page.url())).toEqual([]);
});
