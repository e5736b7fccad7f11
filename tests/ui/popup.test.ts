/**
 * The popup as the shopper meets it: the real index.html, popup.css and main.ts in Chromium, a stub
 * extension API answering with TabStates computed by the rule engine. Skips, saying why, without Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_TO_BACKGROUND, type TabState } from '../../src/shared/protocol.ts';
import { SPANISH_REJECTED, STATES } from './fixtures/tab-states.ts';
import {
  NO_CHROMIUM_MESSAGE,
  axeViolations,
  chromiumPath,
  launchChromium,
  openPopup,
  type OpenPopupOptions,
} from './harness.ts';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(`tests/ui/popup.test.ts skipped: ${NO_CHROMIUM_MESSAGE}`);

describe.skipIf(!hasChromium)('popup (Chromium)', { timeout: 90_000 }, () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function popup(options: OpenPopupOptions): Promise<Page> {
    const opened = await openPopup(browser, options);
    context = opened.context;
    return opened.page;
  }
  const sent = (page: Page) =>
    page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent);
  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
  const openAll = (page: Page) =>
    page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));

  it('puts the verdict and the culprit’s fix first, then the five checks in checklist order with badges', async () => {
    const page = await popup({ state: STATES.rejected });
    await expect(page.locator('#verdict-title').textContent()).resolves.toBe(
      'GLOBAL18 will be rejected: Minimum spend.',
    );
    await expect(page.locator('.verdict .fix p').first().textContent()).resolves.toMatch(
      /^Add US \$11\.60 of eligible items/,
    );
    await expect(page.getByRole('button', { name: 'Copy SAVE8' }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.page-error').textContent()).resolves.toContain(
      'does not meet the minimum spend',
    );

    const names = await texts(page, '.checks-card > .checks .check-name');
    expect(names.slice(0, 5)).toEqual([
      'Minimum spend',
      'Expiry',
      'Region',
      'Ineligible items',
      'Already used',
    ]);
    const badges = await texts(page, '.checks-card > .checks .badge');
    expect(badges.slice(0, 2)).toEqual(['Fails', 'Pass']);
    await expect(page.locator('.checks-card > .checks .check-summary').first().textContent()).resolves.toBe(
      'Needs US $99.00 before shipping; your items come to US $87.40.',
    );
    // Verdict before checks before codes: the order a worried shopper reads in.
    const order = await page.evaluate(() =>
      ['.verdict', '.checks-card', '.codes'].map(
        (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1,
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists matching codes best saving first, tags the example, and shows near misses with the amount to add', async () => {
    const page = await popup({ state: STATES.noCode });
    await expect(page.locator('.state h2').textContent()).resolves.toBe('No code entered yet');
    const codes = await texts(page, '.codes >> nth=0 >> .code-text');
    expect(codes).toEqual(['USA12', 'SAVE8', 'EXAMPLE10', 'SAVE4', 'CHARGER3']);
    await expect(
      page.locator('.code-row', { hasText: 'EXAMPLE10' }).locator('.tag-example').textContent(),
    ).resolves.toBe('example');
    await expect(
      page.locator('.code-row', { hasText: 'USA12' }).locator('.code-terms').textContent(),
    ).resolves.toBe('US $12 off US $79+ · until Nov 30, 2026 · United States only');
    const near = await texts(page, '.codes >> nth=1 >> .code-unlock');
    expect(near).toEqual(['add US $11.60 to unlock', 'add US $61.60 to unlock']);
  });

  it('Copy puts the exact code on the clipboard, shows "Copied" and announces it', async () => {
    const page = await popup({ state: STATES.noCode });
    const button = page.getByRole('button', { name: 'Copy USA12' });
    await button.click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('USA12');
    await page.waitForFunction(
      () => document.getElementById('live')?.textContent === 'Copied USA12 to the clipboard',
    );
    await expect(
      page.locator('.code-row', { hasText: 'USA12' }).locator('button').textContent(),
    ).resolves.toBe('Copied');
  });

  it('works from the keyboard alone: Tab reaches the fix’s Copy button first, Enter copies', async () => {
    const page = await popup({ state: STATES.rejected });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Copy SAVE8');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('SAVE8');
    // A folded section opens with Enter on its summary.
    const history = page.locator('details[data-key="history"] > summary');
    await history.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.locator('details[data-key="history"]').evaluate((node) => (node as HTMLDetailsElement).open),
    ).resolves.toBe(true);
  });

  it('says what to do on a tab that is not an AliExpress cart or checkout', async () => {
    const page = await popup({ state: STATES.notAliExpress });
    await expect(page.locator('.state h2').textContent()).resolves.toBe(
      'Open your AliExpress cart or checkout',
    );
    expect(await page.locator('.codes, .cart').count()).toBe(0);
  });

  it('on a page it cannot read, says which figures are missing and what to do', async () => {
    const page = await popup({ state: STATES.cannotRead });
    await expect(page.locator('#verdict-title').textContent()).resolves.toBe('Could not read this page yet.');
    await expect(page.locator('.verdict .plain-list').textContent()).resolves.toContain('Items subtotal');
    await expect(page.locator('.verdict').textContent()).resolves.toContain('Reload the page');
    const notRead = page.locator('.figures .not-read');
    expect(await notRead.count()).toBe(2);
    await expect(notRead.first().getAttribute('title')).resolves.toBe(
      'the order summary had not rendered yet',
    );
  });

  it('shows the "still not working?" tips when every check passes but AliExpress still says no', async () => {
    const page = await popup({ state: STATES.fitsButErrors });
    const tips = page.locator('.still');
    await expect(tips.locator('h2').textContent()).resolves.toBe('Still not working?');
    await expect(tips.textContent()).resolves.toContain('Paste, don’t retype');
  });

  it('offers to add an unknown code, with the code filled in', async () => {
    const page = await popup({ state: STATES.unknownCode });
    await page.getByRole('button', { name: 'Add this code' }).click();
    const field = page.getByLabel('Code', { exact: true });
    await expect(field.inputValue()).resolves.toBe('BLACKFRIDAY30');
    await expect(field.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
  });

  it('marks and unmarks codes as used for this account', async () => {
    const page = await popup({ state: STATES.rejected });
    await page.click('details[data-key="history"] > summary');
    await page.getByRole('button', { name: 'Unmark SAVE5 as used' }).click();
    await page.getByLabel('Mark a code as used').fill(' save8 ');
    await page.getByRole('button', { name: 'Mark as used' }).click();
    await page.waitForFunction(() => (window as unknown as { __sent: unknown[] }).__sent.length >= 5);
    const changes = (await sent(page)).filter((message) => message.type === POPUP_TO_BACKGROUND.setCodeUsed);
    expect(changes).toEqual([
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: '2201234567', code: 'SAVE5', used: false },
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: '2201234567', code: 'SAVE8', used: true },
    ]);
    // Only this account's history is listed.
    await expect(page.locator('details[data-key="history"] .code-inline').allTextContents()).resolves.toEqual(
      ['SAVE5', 'WELCOME3'],
    );
  });

  it('checks the add-a-code form before sending, and sends exact terms', async () => {
    const page = await popup({ state: STATES.noCode });
    await page.click('details[data-key="mine"] > summary');
    await page.getByRole('button', { name: 'Add code' }).click();
    await expect(page.locator('.field-code .field-error').textContent()).resolves.toMatch(/3 to 40 letters/);
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
    ).resolves.toBe('code');
    expect((await sent(page)).some((message) => message.type === POPUP_TO_BACKGROUND.addCode)).toBe(false);

    await page.getByLabel('Code', { exact: true }).fill('welcome5');
    await page.getByLabel('Amount off').fill('5');
    await page.getByLabel('Minimum spend').fill('30');
    await page.getByLabel('Last day').fill('2027-01-15');
    await page.getByLabel('Countries').fill('US');
    await page.getByRole('button', { name: 'Add code' }).click();
    await page.waitForFunction(
      (type) => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === type),
      POPUP_TO_BACKGROUND.addCode,
    );
    const added = (await sent(page)).find(
      (message) => message.type === POPUP_TO_BACKGROUND.addCode,
    ) as unknown as { promo: Record<string, unknown> };
    expect(added.promo).toMatchObject({
      code: 'WELCOME5',
      discount: { kind: 'fixed', amount: { amountMinor: 500, currency: 'USD' } },
      minSpend: { amountMinor: 3000, currency: 'USD' },
      regions: ['US'],
      timeZone: 'America/Los_Angeles',
    });
  });

  it('accepts only an https feed address, and refreshes on demand', async () => {
    const page = await popup({ state: STATES.noCode });
    await page.click('details[data-key="settings"] > summary');
    const url = page.getByLabel('Code list address');
    await url.fill('http://codes.example.org/feed.json');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('.settings-form .field-error').textContent()).resolves.toBe(
      'The address must start with https://',
    );
    await url.fill('https://codes.example.org/feed.json');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Code list refreshed.');
    const types = (await sent(page)).map((message) => message.type);
    expect(types).toContain(POPUP_TO_BACKGROUND.refreshFeed);
    expect((await sent(page)).find((message) => message.type === POPUP_TO_BACKGROUND.saveSettings)).toEqual({
      type: POPUP_TO_BACKGROUND.saveSettings,
      feedUrl: 'https://codes.example.org/feed.json',
    });
  });

  it('says so when the background could not make a change', async () => {
    const page = await popup({
      state: STATES.rejected,
      replies: { [POPUP_TO_BACKGROUND.setCodeUsed]: { ok: false, error: 'storage is full' } },
    });
    await page.click('details[data-key="history"] > summary');
    await page.getByRole('button', { name: 'Unmark SAVE5 as used' }).click();
    await page.waitForFunction(
      () => document.getElementById('live')?.textContent === 'That did not work: storage is full',
    );
  });

  it('shows a failed feed update and start-up notices, which the shopper can dismiss', async () => {
    const page = await popup({ state: STATES.feedFailed });
    await expect(page.locator('.feed-error').textContent()).resolves.toBe(
      'Last update failed (HTTP 503). Using the copy from Nov 23, 2026.',
    );
    await page.getByRole('button', { name: 'Got it' }).click();
    await page.waitForFunction(
      (type) => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === type),
      POPUP_TO_BACKGROUND.dismissNotices,
    );
  });

  it('speaks the browser’s language: Spanish chrome and Spanish rule wording', async () => {
    const page = await popup({ state: SPANISH_REJECTED, locale: 'es' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('.checks-card h2').first().textContent()).resolves.toBe('Las comprobaciones');
    await expect(page.locator('.fix h3').textContent()).resolves.toBe('Qué hacer');
    const summary = await page.locator('.checks-card > .checks .check-summary').first().textContent();
    expect(summary).not.toMatch(/Needs/);
    expect(summary).toMatch(/99/);
  });

  const A11Y_CASES: [string, TabState | 'pending', 'light' | 'dark'][] = [
    ['rejected code', STATES.rejected, 'light'],
    ['rejected code, dark', STATES.rejected, 'dark'],
    ['no code yet, on the cart', STATES.cart, 'light'],
    ['not AliExpress', STATES.notAliExpress, 'light'],
    ['cannot read the page', STATES.cannotRead, 'dark'],
    ['unknown code', STATES.unknownCode, 'light'],
    ['fits but AliExpress errors', STATES.fitsButErrors, 'light'],
    ['feed failed with notices', STATES.feedFailed, 'dark'],
    ['loading', 'pending', 'light'],
  ];
  it.each(A11Y_CASES)('has no axe violations: %s (every section open)', async (_name, state, colorScheme) => {
    const page = await popup({ state, colorScheme });
    await openAll(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});
