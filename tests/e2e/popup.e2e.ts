/**
 * The toolbar popup for a shop tab: why the code is rejected (checks in checklist order, the failing one's
 * numbers and fix), and the codes that fit this cart with one-click Copy.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES, testFeed } from './fixtures/feed.ts';
import { ExtensionBrowser } from './harness.ts';

/** The five checks of the checklist, then the "still not working" ones, as the popup names them. */
const CHECKLIST_ORDER = [
  'Minimum spend',
  'Expiry',
  'Region',
  'Ineligible items',
  'Already used',
  'Exact code',
  'Checkout page',
  'Website or app',
  'One code per order',
  'First order only',
  'App only',
  'Lower tier',
];

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await ExtensionBrowser.withFeed(testFeed());
});
afterAll(async () => browser?.close());

describe('the popup on a checkout tab', () => {
  test('shows the failing check on top with its numbers and fix, then every check in checklist order', async () => {
    const shop = await browser.openFixture('checkout-us-8740');
    await shop.pasteCode(CODES.tooBig);
    await shop.waitForHint(/SAVE18/);

    const popup = await browser.openPopup(shop.tabId);
    const verdict = await popup.verdict();
    expect(verdict).toContain('SAVE18 will be rejected: Minimum spend');
    // The fix sits with the verdict, above the list of checks.
    expect(verdict).toContain('Add US $11.60');

    const checks = await popup.checks();
    expect(checks[0]).toMatchObject({ status: 'fail' });
    expect(checks[0]?.text).toContain('Minimum spend');
    expect(checks[0]?.text).toContain('Needs US $99.00 before shipping; your items come to US $87.40.');
    // The five checks first, in checklist order; later checks with nothing to say fold away below, in
    // checklist order too. Every check is listed once.
    const shown = checks.filter((check) => !check.folded).map((check) => check.name);
    const folded = checks.filter((check) => check.folded).map((check) => check.name);
    expect(shown.slice(0, 5)).toEqual(CHECKLIST_ORDER.slice(0, 5));
    expect(shown).toEqual(CHECKLIST_ORDER.filter((name) => shown.includes(name)));
    expect(folded).toEqual(CHECKLIST_ORDER.filter((name) => folded.includes(name)));
    expect([...shown, ...folded].sort()).toEqual([...CHECKLIST_ORDER].sort());
    expect(checks.filter((check) => check.folded).every((check) => check.status === 'pass')).toBe(true);
    // Only minimum spend fails for this cart: a current, global, unused code.
    expect(checks.filter((check) => check.status === 'fail')).toHaveLength(1);
  });

  test('lists the codes that fit best saving first, and near misses with the amount to add', async () => {
    const shop = await browser.openFixture('checkout-us-8740');
    const popup = await browser.openPopup(shop.tabId);
    const fitting = await popup.fittingCodes();
    expect(fitting.indexOf(CODES.fits)).toBeGreaterThanOrEqual(0);
    expect(fitting.indexOf(CODES.fits)).toBeLessThan(fitting.indexOf(CODES.smaller));
    expect(fitting).not.toContain(CODES.tooBig);
    expect(fitting).not.toContain(CODES.expired);
    const text = await popup.text();
    expect(text).toMatch(/SAVE18 .*add US \$11\.60 to unlock/i);
  });

  test('Copy puts the exact code on the clipboard and says so', async () => {
    const shop = await browser.openFixture('checkout-us-8740');
    const popup = await browser.openPopup(shop.tabId);
    await popup.page.evaluate(() => navigator.clipboard.writeText('something else'));
    await popup.copy(CODES.smaller);
    await expect.poll(() => popup.clipboard()).toBe(CODES.smaller);
    await expect.poll(() => popup.text()).toContain('Copied');
  });

  test('the cart page says the code goes in at checkout', async () => {
    const cart = await browser.openFixture('cart-usd-unselected');
    const popup = await browser.openPopup(cart.tabId);
    expect(await popup.text()).toContain('The promo code field is on the checkout page');
  });

  test('a tab that is not AliExpress gets directions, not a diagnosis', async () => {
    const { page, tabId } = await browser.newTab();
    await page.goto('about:blank');
    const popup = await browser.openPopup(tabId);
    expect(await popup.text()).toContain('Open your AliExpress cart or checkout');
  });
});
