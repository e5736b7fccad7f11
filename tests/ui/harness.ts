/**
 * Real-Chromium harness for the popup and the hint, without building or loading the extension:
 * - the popup's own index.html and popup.css, with main.ts bundled by esbuild, served at an https test
 *   origin; a stub `browser` (runtime.sendMessage, tabs.query, i18n) is injected before any script runs
 *   and answers getTabState with a chosen TabState, in a chosen locale's messages.json;
 * - the hint module bundled as a script and injected into a checkout page served at AliExpress's URL.
 * Shared by tests/ui and scripts/screenshots.ts. Nothing leaves the machine: unknown requests are aborted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium, useLocalTmp } from '../e2e/harness.ts';
import { POPUP_TO_BACKGROUND, type HintModel, type TabState } from '../../src/shared/protocol.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const POPUP_ORIGIN = 'https://popup.test';
export const POPUP_URL = `${POPUP_ORIGIN}/src/popup/index.html?tab=7`;
export const CHECKOUT_URL =
  'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004259953000&aeOrderFrom=main_shopcart';

/** The Chromium to drive, or null (tests then skip and say why). */
export function chromiumPath(): string | null {
  try {
    return resolveChromium();
  } catch {
    return null;
  }
}
export const NO_CHROMIUM_MESSAGE =
  "No Chromium found: set CHROMIUM_PATH or install Debian's chromium to run the UI tests.";

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  useLocalTmp();
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

async function bundle(entry: string, format: 'esm' | 'iife', globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    format,
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    ...(globalName ? { globalName } : {}),
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

let popupScript: Promise<string> | null = null;
let hintScript: Promise<string> | null = null;
/** The popup's main.ts as one ES module, bundled once per process. */
export function popupBundle(): Promise<string> {
  popupScript ??= bundle('src/popup/main.ts', 'esm');
  return popupScript;
}
/** The hint module as a classic script exposing `window.PromoCodeDoctorHint`. */
export function hintBundle(): Promise<string> {
  hintScript ??= bundle('src/content/hint/index.ts', 'iife', 'PromoCodeDoctorHint');
  return hintScript;
}

export type LocaleFolder = 'en' | 'es' | 'fr' | 'pt_BR' | 'de';
export type LocaleMessages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function readLocale(folder: LocaleFolder): LocaleMessages {
  return JSON.parse(
    readFileSync(path.join(ROOT, 'public/_locales', folder, 'messages.json'), 'utf8'),
  ) as LocaleMessages;
}

export interface PopupStub {
  /** The getTabState answer; 'pending' never answers (the loading state). */
  readonly state: TabState | 'pending';
  readonly locale?: LocaleFolder;
  /** Replies for other message types (default `{ ok: true }`). */
  readonly replies?: Record<string, unknown>;
}

// The stub is a string, not a function: tsx (scripts/screenshots.ts) would wrap named inner functions in
// helpers that do not exist in the page. chrome.i18n.getMessage semantics: $NAME$ -> the placeholder's
// content -> $1..$9 substitutions.
const STUB_SOURCE = `(function (config) {
  var sent = [];
  window.__sent = sent;
  window.__state = config.state;
  function getMessage(name, substitutions) {
    var entry = config.messages[name];
    if (!entry) return '';
    var list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\\$([A-Za-z0-9_@]+)\\$/g, function (whole, placeholder) {
      var found = entry.placeholders && entry.placeholders[placeholder.toLowerCase()];
      if (!found) return whole;
      return found.content.replace(/\\$(\\d)/g, function (_, n) { return list[Number(n) - 1] || ''; });
    });
  }
  window.browser = {
    runtime: {
      sendMessage: function (message) {
        sent.push(message);
        if (message.type === config.getTabState) {
          return window.__state === 'pending' ? new Promise(function () {}) : Promise.resolve(window.__state);
        }
        return Promise.resolve(config.replies[message.type] || { ok: true });
      },
    },
    tabs: { query: function () { return Promise.resolve([{ id: 7 }]); } },
    i18n: { getMessage: getMessage, getUILanguage: function () { return config.uiLanguage; } },
  };
})`;

/** Installs the stub `browser` in every page of the context. `window.__sent` records the messages. */
async function installStub(context: BrowserContext, stub: PopupStub): Promise<void> {
  const locale = stub.locale ?? 'en';
  const config = {
    state: stub.state,
    messages: readLocale(locale),
    uiLanguage: locale.replace('_', '-'),
    replies: stub.replies ?? {},
    getTabState: POPUP_TO_BACKGROUND.getTabState,
  };
  await context.addInitScript({ content: `${STUB_SOURCE}(${JSON.stringify(config)});` });
}

export interface OpenPopupOptions extends PopupStub {
  readonly colorScheme?: 'light' | 'dark';
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** Extra CSS, e.g. the screenshot font. */
  readonly extraCss?: string;
}

/** Opens the popup at 380 px wide in a fresh context and waits until it rendered the state. */
export async function openPopup(
  browser: Browser,
  options: OpenPopupOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 600 },
    deviceScaleFactor: 2,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: POPUP_ORIGIN });
  await installStub(context, options);
  const script = await popupBundle();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== POPUP_ORIGIN) return route.abort();
    const file = url.pathname.replace(/^\//, '');
    if (file === 'src/popup/main.ts') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (file === 'src/popup/index.html' || file === 'src/popup/popup.css') {
      const body =
        readFileSync(path.join(ROOT, file), 'utf8') + (file.endsWith('.css') ? (options.extraCss ?? '') : '');
      return route.fulfill({
        contentType: file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8',
        body,
      });
    }
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(POPUP_URL);
  const expected = options.state === 'pending' ? 'loading' : 'ready';
  // The first render adds everything below the verdict a frame later, then says `data-rendered="all"`.
  await page.waitForFunction(
    (view) =>
      document.documentElement.dataset['view'] === view &&
      document.documentElement.dataset['rendered'] === 'all',
    expected,
  );
  return { context, page };
}

const CHECKOUT_FIXTURE = path.join(ROOT, 'tests/fixtures/pages/checkout-us-8740.html');
const CHECKOUT_CSS = path.join(ROOT, 'tests/ui/fixtures/aliexpress-placeorder.css');
// Product photos and card logos cannot be fetched offline: a neutral placeholder keeps the layout.
const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#e6e9ee"/></svg>';

/** Selectors for the promo field and the buttons the hint must not cover (from the saved checkout page). */
export const CHECKOUT_SELECTORS = {
  promoInput: 'input.pl-promoCode-input',
  applyButton: 'button.pl-promoCode-input-button',
  payButton: 'button.place-order-primary-btn',
} as const;

/** The saved US $87.40 checkout at its real URL, with the stand-in stylesheet and the hint script loaded. */
export async function openCheckout(
  browser: Browser,
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    extraCss?: string;
    deviceScaleFactor?: number;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://www.aliexpress.com',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://www.aliexpress.com/p/trade/confirm.html')) {
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(CHECKOUT_FIXTURE, 'utf8'),
      });
    }
    if (/\/placeorder\/.*\.css$/.test(url))
      return route.fulfill({ contentType: 'text/css', body: readFileSync(CHECKOUT_CSS, 'utf8') });
    if (/\.(jpe?g|png)$/.test(url))
      return route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE });
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(CHECKOUT_URL);
  if (options.extraCss) await page.addStyleTag({ content: options.extraCss });
  await page.addScriptTag({ content: await hintBundle() });
  return { context, page };
}

/** Shows the hint (open shadow root) next to the promo field; returns nothing, read it with `hintText`. */
export async function showHintOnPage(
  page: Page,
  model: HintModel,
  options: { avoidPay?: boolean; focusField?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ({ model, selectors, avoidPay, focusField }) => {
      const api = (
        window as unknown as { PromoCodeDoctorHint: typeof import('../../src/content/hint/index.ts') }
      ).PromoCodeDoctorHint;
      const input = document.querySelector<HTMLInputElement>(selectors.promoInput);
      if (!input) throw new Error('no promo field on the page');
      if (focusField) input.focus();
      const pay = [...document.querySelectorAll(selectors.payButton)];
      api.showHint(input, model, { mode: 'open', ...(avoidPay ? { avoid: pay } : {}) });
    },
    {
      model,
      selectors: CHECKOUT_SELECTORS,
      avoidPay: options.avoidPay ?? true,
      focusField: options.focusField ?? false,
    },
  );
}

export const HINT_HOST = '[data-promo-code-doctor-hint]';

/** Loads axe-core into the page and runs it (WCAG 2.x A/AA + best practices); returns the violations. */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, include ?? null);
}
