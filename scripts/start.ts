/**
 * `npm start`: build the extension, open Chromium with it on a saved AliExpress checkout page (served at
 * the real URL, nothing goes to the network) and paste a code into the promo field.
 *
 * With a display (DISPLAY set) and no `--headless`, the window stays open until you close it. Otherwise it
 * writes screenshots of the page with the hint and of the popup to artifacts/demo/ and exits.
 *
 *   npm start                 # headed where a display exists
 *   npm start -- --headless   # screenshots only (CI, SSH, containers)
 *   npm start -- --no-build   # reuse dist/chrome
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FeedSchema, type Feed } from '../src/rules/schemas/catalog.ts';
import { CODES, testFeed } from '../tests/e2e/fixtures/feed.ts';
import { ExtensionBrowser, FEED_URL, ROOT, URLS, readPageFixture, type ShopPage } from '../tests/e2e/harness.ts';

const DEMO_PAGE = 'checkout-us-8740';
/** Items subtotal of the demo page, in cents: codes above it show a shortfall, the most telling hint. */
const DEMO_ITEMS_MINOR = 8740;
const OUT_DIR = path.join(ROOT, 'artifacts/demo');

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

function build(): void {
  if (args.has('--no-build')) return;
  console.log('Building the extension (vite build)...');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

/**
 * A code from the extension's own bundled feed that is current and needs more than the demo cart, so the
 * hint shows a shortfall and a code that fits. Null when the bundled feed has none (dates passed): the demo
 * then serves its own dated feed, the way a publisher's feed would arrive.
 */
function bundledDemoCode(now: number): string | null {
  const file = path.join(ROOT, 'src/data/bundled-feed.json');
  if (!existsSync(file)) return null;
  const parsed = FeedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return null;
  const feed: Feed = parsed.data;
  const current = feed.codes.filter(
    (c) =>
      Date.parse(c.validFrom) <= now &&
      now < Date.parse(c.validUntil) &&
      c.regions === 'GLOBAL' &&
      c.minSpend.currency === 'USD' &&
      !c.appOnly &&
      !c.firstOrderOnly,
  );
  const aboveCart = current
    .filter((c) => c.minSpend.amountMinor > DEMO_ITEMS_MINOR)
    .sort((a, b) => a.minSpend.amountMinor - b.minSpend.amountMinor);
  return aboveCart[0]?.code ?? null;
}

async function pasteAndWait(shop: ShopPage, code: string): Promise<string> {
  await shop.pasteCode(code);
  const hint = await shop.waitForHint(/\S/, 15_000);
  return hint.text;
}

async function main(): Promise<void> {
  build();
  const html = readPageFixture(DEMO_PAGE);
  const browser = await ExtensionBrowser.launch({ headless, standInStyles: true });
  try {
    let code = bundledDemoCode(Date.now());
    if (!code) {
      browser.serveFeed(testFeed());
      await browser.useServedFeed();
      code = CODES.tooBig;
      console.log(`The bundled feed has no current demo code; serving a demo feed at ${FEED_URL}.`);
    }
    const shop = await browser.openShopPage(URLS.checkout, html);
    await shop.page.bringToFront();
    console.log(`Checkout page open at ${URLS.checkout} (a saved page served locally).`);
    const hintText = await pasteAndWait(shop, code);
    console.log(`Pasted ${code}. The hint says: ${hintText}`);

    if (!headless) {
      console.log('\nThe browser stays open: try other codes in the promo field, or open the popup from the');
      console.log('toolbar (puzzle icon -> Promo Code Doctor). Close the window to exit.');
      await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
      return;
    }

    mkdirSync(OUT_DIR, { recursive: true });
    const pageShot = path.join(OUT_DIR, 'checkout-with-hint.png');
    // The hint fades in; let it finish so the picture shows what a shopper reads.
    await shop.page.waitForTimeout(500);
    await shop.page.screenshot({ path: pageShot });
    const popup = await browser.openPopup(shop.tabId);
    await popup.page.setViewportSize({ width: 400, height: 760 });
    const popupShot = path.join(OUT_DIR, 'popup.png');
    await popup.page.screenshot({ path: popupShot, fullPage: true });
    console.log('\nScreenshots written:');
    console.log(`  ${path.relative(process.cwd(), pageShot)}  (checkout page with the hint)`);
    console.log(`  ${path.relative(process.cwd(), popupShot)}  (the popup for that tab)`);
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
