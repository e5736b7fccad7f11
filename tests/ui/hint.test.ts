/**
 * The in-page hint on the saved US $87.40 checkout, in real Chromium (open shadow root for reading).
 * Skips, saying why, when no Chromium is installed.
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HintModel } from '../../src/shared/protocol.ts';
import {
  CHECKOUT_SELECTORS,
  HINT_HOST,
  NO_CHROMIUM_MESSAGE,
  ROOT,
  axeViolations,
  chromiumPath,
  launchChromium,
  openCheckout,
  showHintOnPage,
} from './harness.ts';
import { HINT_STYLESHEET } from '../../src/shared/hint-style.ts';

const REJECTED: HintModel = {
  tone: 'bad',
  headline: 'GLOBAL18 will be rejected: Minimum spend.',
  detail: 'Needs US $99.00 before shipping; your items come to US $87.40.',
  fix: 'Add US $11.60 of eligible items to cross the threshold. Or use SAVE8 (US $8 off US $59+), which fits this cart now.',
  copy: { code: 'SAVE8', label: 'Copy SAVE8', copiedLabel: 'Copied' },
  dismissLabel: 'Dismiss',
  stylesheet: HINT_STYLESHEET,
};

type Box = { top: number; bottom: number; left: number; right: number };

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(`tests/ui/hint.test.ts skipped: ${NO_CHROMIUM_MESSAGE}`);

describe('hint size', () => {
  it('stays under 3 KB gzipped, so the whole content script can stay under 10 KB', () => {
    const esbuild = path.join(ROOT, 'node_modules/.bin/esbuild');
    const bundle = execFileSync(
      esbuild,
      ['--bundle', '--minify', '--format=esm', 'src/content/hint/index.ts'],
      { cwd: ROOT },
    );
    expect(gzipSync(bundle).length).toBeLessThan(3072);
  });
});

describe.skipIf(!hasChromium)('hint at the promo field (Chromium)', { timeout: 90_000 }, () => {
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

  async function checkout(options: Parameters<typeof openCheckout>[1] = {}): Promise<Page> {
    const opened = await openCheckout(browser, options);
    context = opened.context;
    return opened.page;
  }
  const panel = (page: Page) => page.locator(HINT_HOST).locator('section');
  const box = (page: Page, selector: string): Promise<Box> =>
    page.locator(selector).evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });
  const panelBox = (page: Page): Promise<Box> =>
    panel(page).evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });
  const overlap = (a: Box, b: Box) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('says will be rejected and why, with the numbers and the fix, as a polite status', async () => {
    const page = await checkout();
    const bodyChildren = await page.evaluate(() => document.body.children.length);
    await showHintOnPage(page, REJECTED);
    await expect(panel(page).getByRole('status').first().textContent()).resolves.toBe(
      `Promo Code Doctor${REJECTED.headline}${REJECTED.detail}${REJECTED.fix}`,
    );
    await expect(panel(page).getByRole('button', { name: 'Copy SAVE8' }).isVisible()).resolves.toBe(true);
    await expect(panel(page).getByRole('button', { name: 'Dismiss' }).isVisible()).resolves.toBe(true);
    // Only our host was added, at the end of <body>; the page's own elements are untouched.
    expect(await page.evaluate(() => document.body.children.length)).toBe(bodyChildren + 1);
    expect(await page.evaluate((sel) => document.body.lastElementChild?.matches(sel), HINT_HOST)).toBe(true);
  });

  it('shows page text as text, never as markup', async () => {
    const page = await checkout();
    await showHintOnPage(page, {
      ...REJECTED,
      detail: 'Not valid with: <img src=x onerror="window.__pwned=1">Gift card',
    });
    await page.waitForTimeout(100);
    expect(await panel(page).locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(panel(page).textContent()).resolves.toContain(
      '<img src=x onerror="window.__pwned=1">Gift card',
    );
  });

  it('never covers the Apply or Pay now button: above the field when below would hit Pay now', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED, { avoidPay: true });
    const hint = await panelBox(page);
    const input = await box(page, CHECKOUT_SELECTORS.promoInput);
    expect(overlap(hint, await box(page, CHECKOUT_SELECTORS.applyButton))).toBe(false);
    expect(overlap(hint, await box(page, CHECKOUT_SELECTORS.payButton))).toBe(false);
    expect(overlap(hint, input)).toBe(false);
    expect(hint.bottom).toBeLessThanOrEqual(input.top);
  });

  it('sits just below the promo row when nothing is in the way, and follows it when the page scrolls', async () => {
    const page = await checkout({ viewport: { width: 1280, height: 700 } });
    await showHintOnPage(page, REJECTED, { avoidPay: false });
    const input = await box(page, CHECKOUT_SELECTORS.promoInput);
    const before = await panelBox(page);
    expect(before.top).toBeGreaterThanOrEqual(input.bottom);
    expect(before.top - input.bottom).toBeLessThan(24);
    expect(overlap(before, await box(page, CHECKOUT_SELECTORS.applyButton))).toBe(false);

    await page.mouse.wheel(0, 120);
    await page.waitForFunction(() => window.scrollY > 0);
    await page.waitForTimeout(100);
    const movedInput = await box(page, CHECKOUT_SELECTORS.promoInput);
    const after = await panelBox(page);
    expect(after.top - movedInput.bottom).toBeCloseTo(before.top - input.bottom, 0);
  });

  it('goes above the field when there is no room below it', async () => {
    const page = await checkout({ viewport: { width: 1280, height: 420 } });
    await page.evaluate((sel) => {
      // Bring the field near the bottom edge of the window.
      const input = document.querySelector(sel) as HTMLElement;
      window.scrollTo(0, input.getBoundingClientRect().top + window.scrollY - 360);
    }, CHECKOUT_SELECTORS.promoInput);
    await showHintOnPage(page, REJECTED, { avoidPay: false });
    const hint = await panelBox(page);
    expect(hint.bottom).toBeLessThanOrEqual((await box(page, CHECKOUT_SELECTORS.promoInput)).top);
  });

  it('does not take focus from the promo field, and Escape there dismisses it', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED, { focusField: true });
    expect(
      await page.evaluate((sel) => document.activeElement?.matches(sel), CHECKOUT_SELECTORS.promoInput),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator(HINT_HOST).count()).toBe(0);
    expect(
      await page.evaluate((sel) => document.activeElement?.matches(sel), CHECKOUT_SELECTORS.promoInput),
    ).toBe(true);
  });

  it('is keyboard reachable: Copy, then Dismiss; dismissing hands focus back to the promo field', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED);
    await panel(page).getByRole('button', { name: 'Copy SAVE8' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (sel) => document.querySelector(sel)?.shadowRoot?.activeElement?.getAttribute('aria-label'),
      HINT_HOST,
    );
    expect(focused).toBe('Dismiss');
    await page.keyboard.press('Enter');
    expect(await page.locator(HINT_HOST).count()).toBe(0);
    expect(
      await page.evaluate((sel) => document.activeElement?.matches(sel), CHECKOUT_SELECTORS.promoInput),
    ).toBe(true);
  });

  it('copies the exact code and says "Copied" where a screen reader hears it', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED);
    await panel(page).getByRole('button', { name: 'Copy SAVE8' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('SAVE8');
    const button = panel(page).locator('button.c');
    await expect(button.textContent()).resolves.toBe('Copied');
    await expect(panel(page).locator('.a [role="status"]').textContent()).resolves.toBe('Copied');
  });

  it('updates in place, and removeHint / the abort signal remove it cleanly', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED);
    await showHintOnPage(page, {
      ...REJECTED,
      tone: 'ok',
      headline: 'SAVE8 should apply to this order.',
      detail: null,
      fix: null,
      copy: null,
    });
    expect(await page.locator(HINT_HOST).count()).toBe(1);
    await expect(panel(page).locator('.h').textContent()).resolves.toBe('SAVE8 should apply to this order.');
    await expect(panel(page).getByRole('button').count()).resolves.toBe(1);

    await page.evaluate(() =>
      (window as unknown as { PromoCodeDoctorHint: { removeHint(): void } }).PromoCodeDoctorHint.removeHint(),
    );
    expect(await page.locator(HINT_HOST).count()).toBe(0);

    const removedOnAbort = await page.evaluate(
      ([sel, stylesheet]) => {
        const api = (
          window as unknown as { PromoCodeDoctorHint: typeof import('../../src/content/hint/index.ts') }
        ).PromoCodeDoctorHint;
        const teardown = new AbortController();
        api.showHint(
          document.querySelector(sel) as Element,
          {
            tone: 'warn',
            headline: 'Expires in 3 hr.',
            detail: null,
            fix: null,
            copy: null,
            dismissLabel: 'Dismiss',
            stylesheet,
          },
          { signal: teardown.signal },
        );
        const shown = document.querySelectorAll('[data-promo-code-doctor-hint]').length;
        teardown.abort();
        return [shown, document.querySelectorAll('[data-promo-code-doctor-hint]').length];
      },
      [CHECKOUT_SELECTORS.promoInput, HINT_STYLESHEET] as const,
    );
    expect(removedOnAbort).toEqual([1, 0]);
  });

  it.each(['light', 'dark'] as const)('has no axe violations (%s theme)', async (colorScheme) => {
    const page = await checkout({ colorScheme });
    await showHintOnPage(page, REJECTED);
    expect(await axeViolations(page, HINT_HOST)).toEqual([]);
  });

  it('axe does look inside the hint’s shadow root: a flaw planted there is reported', async () => {
    const page = await checkout();
    await showHintOnPage(page, REJECTED);
    await page.evaluate((sel) => {
      document
        .querySelector(sel)
        ?.shadowRoot?.querySelector('section')
        ?.append(document.createElement('img'));
    }, HINT_HOST);
    expect((await axeViolations(page, HINT_HOST)).map((violation) => violation.id)).toContain('image-alt');
  });

  it('follows the page theme: dark colours under prefers-color-scheme: dark', async () => {
    const page = await checkout({ colorScheme: 'dark' });
    await showHintOnPage(page, REJECTED);
    const background = await panel(page).evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(background).toBe('rgb(28, 33, 40)');
  });
});
