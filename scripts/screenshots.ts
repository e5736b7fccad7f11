/**
 * Renders the README screenshots in real Chromium: the popup (light and dark) for a rejected GLOBAL18 on a
 * US $87.40 checkout, and the in-page hint on the checkout page. Writes docs/screenshots/*.png.
 *
 *   npx tsx scripts/screenshots.ts            # all three
 *   npx tsx scripts/screenshots.ts popup      # only the popup ones
 *
 * The popup is rendered from the same TabState fixtures the UI tests use (computed by the real rule
 * engine) with a stub extension API; see tests/ui/harness.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createMessages } from '../src/rules/messages.ts';
import type { HintModel } from '../src/shared/protocol.ts';
import { STATES } from '../tests/ui/fixtures/tab-states.ts';
import {
  CHECKOUT_SELECTORS,
  HINT_HOST,
  ROOT,
  launchChromium,
  openCheckout,
  openPopup,
  showHintOnPage,
} from '../tests/ui/harness.ts';
import { HINT_STYLESHEET } from '../src/shared/hint-style.ts';

const OUT = path.join(ROOT, 'docs/screenshots');
// Headless Linux has no system UI font; Inter (Debian fonts-inter), when installed, stands in for the
// shopper's own (Segoe UI, SF Pro, Roboto). Without it the fallbacks in popup.css apply.
const FONT_CSS = ':root{font-family:Inter,system-ui,sans-serif}';

/** The hint for the same case, worded as the background words it (rule messages, English). */
export function rejectedHintModel(): HintModel {
  const m = createMessages('en');
  const diagnosis = STATES.rejected.diagnosis;
  if (!diagnosis?.culprit) throw new Error('fixture lost its culprit');
  return {
    tone: 'bad',
    headline: m.verdictHeadline(diagnosis),
    detail: m.summary(diagnosis.culprit),
    fix: m.fix(diagnosis.culprit),
    copy: { code: 'SAVE8', label: 'Copy SAVE8', copiedLabel: 'Copied' },
    dismissLabel: 'Dismiss',
    stylesheet: HINT_STYLESHEET,
  };
}

async function fullHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

async function popupShots(only: string | undefined): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openPopup(browser, {
        state: STATES.rejected,
        colorScheme: scheme,
        extraCss: FONT_CSS,
      });
      // Open the sections a shopper would look at, so the picture shows history too.
      await page.click('details[data-key="history"] > summary');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The whole popup in one picture: a viewport as tall as the content keeps the sticky header on top.
      await page.setViewportSize({ width: 380, height: await fullHeight(page) });
      await page.screenshot({ path: path.join(OUT, `popup-${scheme}.png`) });
      await context.close();
    }
    if (only === 'popup') return;
    const { context, page } = await openCheckout(browser, {
      viewport: { width: 1100, height: 600 },
      deviceScaleFactor: 2,
      extraCss: FONT_CSS,
    });
    await page.fill(CHECKOUT_SELECTORS.promoInput, 'GLOBAL18');
    await showHintOnPage(page, rejectedHintModel(), { focusField: true });
    await page.locator(HINT_HOST).locator('section').waitFor();
    // The same stand-in font inside the hint's (open, for screenshots) shadow root.
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.textContent = css.replace(':root', '.p');
      document.querySelector('[data-promo-code-doctor-hint]')?.shadowRoot?.append(style);
    }, FONT_CSS);
    await page.screenshot({ path: path.join(OUT, 'hint-checkout.png') });
    await context.close();
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
await popupShots(process.argv[2]);
console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}/`);
