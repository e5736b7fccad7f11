/**
 * Renders store/icon.svg to public/icons/icon-<size>.png with headless Chromium (Debian's, through
 * playwright-core, which the e2e tests use already), so no image tool has to be installed.
 * Run after editing the SVG: `npm run icons`, then commit the PNGs.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Toolbar (16, 32), extensions page (48) and store/install dialog (128) sizes. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const svg = await readFile(`${root}store/icon.svg`, 'utf8');
await mkdir(`${root}public/icons`, { recursive: true });
const browser = await chromium.launch({ executablePath, headless: true });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
    await page.screenshot({ path: `${root}public/icons/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
