/**
 * A code used on an order is remembered for that account, so the next checkout explains "already used",
 * also when Chrome stopped the service worker in between (MV3 workers idle out after ~30 s).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CODES, testFeed } from './fixtures/feed.ts';
import { ExtensionBrowser, shopperDate, type ShopPage } from './harness.ts';

let browser: ExtensionBrowser;
beforeEach(async () => {
  browser = await ExtensionBrowser.withFeed(testFeed());
});
afterEach(async () => browser?.close());

/**
 * What AliExpress does when Apply accepts a code: the "Promo codes" row shows the amount taken off and the
 * field is emptied (as in the checkout-code-applied fixture). The saved page has no AliExpress script, so
 * the test plays that part.
 */
async function aliexpressAcceptsCode(shop: ShopPage, discount: string): Promise<void> {
  await shop.page.evaluate((amount) => {
    const row = [...document.querySelectorAll('.pl-summary__item-pc')].find((r) =>
      /promo codes/i.test(r.querySelector('.pl-summary__item-title-pc')?.textContent ?? ''),
    );
    const value = row?.querySelector('.pl-summary__item-content-pc');
    if (!value) throw new Error('No "Promo codes" row in the checkout fixture');
    value.textContent = `-${amount}`;
    const input = document.querySelector<HTMLInputElement>('input.pl-promoCode-input');
    if (input) input.value = '';
  }, discount);
}

/** Paste, Apply (accepted), Pay now, then the payment-result page in the same tab. */
async function placeOrderWith(shop: ShopPage, code: string, discount: string, beforeResult?: () => Promise<void>) {
  await shop.pasteCode(code);
  await shop.waitForHint(new RegExp(code));
  await shop.clickApply();
  await aliexpressAcceptsCode(shop, discount);
  await shop.page.getByRole('button', { name: 'Pay now' }).click();
  await beforeResult?.();
  await shop.navigateToFixture('pay-result-us-8740');
}

describe('a code used on an order', () => {
  test('is diagnosed "already used" with the date on the next checkout', async () => {
    const first = await browser.openFixture('checkout-us-8740');
    await placeOrderWith(first, CODES.fits, 'US $10.00');

    const next = await browser.openFixture('checkout-us-8740');
    await next.pasteCode(CODES.fits);
    const hint = await next.waitForHint(/SAVE10/);
    expect(hint.text).toContain('SAVE10 will be rejected: Already used');
    expect(hint.text).toContain(`This account already used it on ${shopperDate(Date.now())}`);

    // The popup's history lists it for this account.
    const popup = await browser.openPopup(next.tabId);
    const history = await popup.openSection('Codes used on this account');
    await expect.poll(async () => (await history.innerText()).replace(/\s+/g, ' ')).toMatch(/SAVE10.*used on an order/);
  });

  test('a code that AliExpress did not accept is not recorded', async () => {
    const first = await browser.openFixture('checkout-us-8740');
    await first.pasteCode(CODES.tooBig);
    await first.waitForHint(/SAVE18/);
    await first.clickApply();
    // AliExpress refused it: nothing applied. The shopper pays without a code.
    await first.page.getByRole('button', { name: 'Pay now' }).click();
    await first.navigateToFixture('pay-result-us-8740');

    const next = await browser.openFixture('checkout-us-8740');
    await next.pasteCode(CODES.tooBig);
    const hint = await next.waitForHint(/SAVE18/);
    expect(hint.text).not.toMatch(/already used/i);
  });

  test('the service worker stopped between Pay now and the payment result: the order is still recorded', async () => {
    const first = await browser.openFixture('checkout-us-8740');
    await placeOrderWith(first, CODES.fits, 'US $10.00', async () => {
      // Once the worker has noted the Pay click (a pending order for this tab), stop it as Chrome would.
      await expect.poll(() => browser.sessionStateText()).toMatch(/"pendingOrder":\{[^}]*"code":"SAVE10"/);
      await browser.stopServiceWorker();
      expect(await browser.workerTargetRunning()).toBe(false);
    });

    const next = await browser.openFixture('checkout-us-8740');
    await next.pasteCode(CODES.fits);
    const hint = await next.waitForHint(/SAVE10/);
    expect(hint.text).toContain('Already used');
  });
});

describe('the service worker stopped mid-journey', () => {
  test('the next paste still gets a hint, with the same feed and settings', async () => {
    const shop = await browser.openFixture('checkout-us-8740');
    await shop.pasteCode(CODES.tooBig);
    await shop.waitForHint(/SAVE18/);

    await browser.stopServiceWorker();
    expect(await browser.workerTargetRunning()).toBe(false);

    // The next action wakes it: the served feed's codes are still there (no fallback to the bundled list).
    await shop.pasteCode(CODES.fits);
    const hint = await shop.waitForHint(/SAVE10 (will|should) apply/);
    expect(hint.text).not.toMatch(/not in any code list/);
    await expect.poll(() => browser.badgeText(shop.tabId)).toBe('✓');

    // The popup, opened after the restart, has the tab's diagnosis.
    await browser.stopServiceWorker();
    const popup = await browser.openPopup(shop.tabId);
    expect(await popup.verdict()).toMatch(/SAVE10 (will|should) apply/);
  });
});
