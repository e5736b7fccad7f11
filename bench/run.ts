/**
 * `npm run bench`: how much the extension costs a shopper, measured in real Chromium against the same
 * pages with no extension and with an empty control extension, plus the rule engine in Node.
 * Writes bench/results.json and prints a table. Method and latest figures: bench/README.md.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS (default 10; fewer is for trying
 * the script out and is flagged in the results).
 */
import { MAIN_CONTENT_SCRIPT } from '../src/shared/page-reader.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { extensionIdOf, launchFresh, resolveChromium, type LaunchedBrowser } from './browser.ts';
import {
  contentScriptBreakdown,
  contentScriptFiles,
  measureContentScripts,
  readContentScripts,
  type ModuleShare,
} from './bundle.ts';
import {
  cartPageHtml,
  checkoutPageHtml,
  generateCart,
  homePageHtml,
  otherSitePageHtml,
  productPageHtml,
} from './cart-generator.ts';
import { initScript, mutationStormScript, pasteToHintScript } from './page-scripts.ts';
import { measureRanking, type RankingResult } from './rank.ts';
import { median, must, round } from './stats.ts';
import {
  attributeToExtension,
  startTrace,
  stopTrace,
  threadBreakdownAfter,
  timelineAfter,
  type ExtensionTaskReport,
  type TimelineEntry,
} from './trace.ts';
import {
  attributeProfile,
  SourceMapLookup,
  startProfiler,
  stopProfiler,
  type ProfileAttribution,
} from './profile.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/chrome');
const WORK = path.join(ROOT, 'bench/runs');
const RESULTS = path.join(ROOT, 'bench/results.json');

const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 10));
/** The peers were measured from navigation to load + 3 s; so are we. */
const WINDOW_AFTER_LOAD_MS = 3000;
/** The second page starts loading after the first page's load-time work (content scripts at document_idle). */
const STAGGER_MS = 600;
const RANK_CODES = 10_000;
const RANK_RUNS = 20;
const RANK_WARM_UP = 5;
/** Keeps the whole bench under 5 minutes when the engine is far off its goal. */
const RANK_BUDGET_MS = 20_000;

const GOALS = {
  contentScriptGzipBytes: 10_240,
  injectedOffTarget: false,
  addedScriptingMs: 3,
  addedMainThreadRatio: 1.05,
  longTasksFromExtension: 0,
  pasteToHintMsMedian: 16,
  mutationStormReparses: 60,
  rankTenThousandCodesMs: 10,
  popupRenderMs: 100,
} as const;
type FigureKey = keyof typeof GOALS;

const URLS = {
  cart: 'https://www.aliexpress.com/p/shoppingcart/index.html?spm=a2g0o.home.headerAcount.2',
  checkout:
    'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004000000000,11004000007919&aeOrderFrom=main_shopcart&spm=a2g0o.cart.0.0',
  product: 'https://www.aliexpress.com/item/1005001234567890.html',
  home: 'https://www.aliexpress.com/',
  otherSite: 'https://example.com/',
} as const;
type MeasuredPage = 'cart' | 'checkout';

const PROMO_INPUT = 'input.pl-promoCode-input';
const HINT_HOST = '[data-promo-code-doctor-hint]';
const POPUP_READY = 'html[data-view="ready"]';
/** A code in AliExpress's usual shape, pasted with the trailing space coupon sites leave behind. */
const PASTED_CODE = 'AEUS08 ';
/**
 * A shopper's pointer is on the page before they paste: reaching the field, clicking it and pressing
 * Ctrl+V takes longer than this. The content script reads a page at the shopper's first move, so the
 * paste is timed this long after a pointer move; a paste with no move before it is timed apart (cold).
 */
const FIRST_MOVE_BEFORE_PASTE_MS = 500;
/** Fresh browsers for the cold paste: a paste on a page nobody moved on, the worst case. */
const COLD_PASTE_RUNS = 3;

type Variant = 'none' | 'control' | 'ours';
const VARIANTS: readonly Variant[] = ['none', 'control', 'ours'];

interface PageSample {
  readonly scriptMs: number;
  readonly taskMs: number;
  readonly scriptCpuMs: number;
  readonly taskCpuMs: number;
  readonly longTasks: number;
  readonly longTaskMs: readonly number[];
}

interface RunSample {
  readonly run: number;
  readonly variant: Variant;
  readonly position: number;
  readonly pages: Record<MeasuredPage, PageSample>;
  pasteToHintMs?: number | null;
  stormReparses?: number | null;
  popupRenderMs?: number | null;
  /** Main-thread CPU time of the first read, done at the shopper's first move (not in the load window). */
  firstRead?: Record<MeasuredPage, { scriptCpuMs: number; taskCpuMs: number }>;
}

const notes: string[] = [];
function note(message: string): void {
  notes.push(message);
  console.log(`  note: ${message}`);
}

/** A busy machine can make Chromium miss a start-up deadline; one retry keeps a run from being lost. */
async function withRetry<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    note(`${what} failed once (${(error as Error).message.split('\n')[0]}); retrying`);
    return attempt();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

// ---------------------------------------------------------------------------------------------------
// Pages and extensions

const cart = generateCart(500);
const DOCUMENTS = new Map<string, string>([
  [stripQuery(URLS.cart), cartPageHtml(cart)],
  [stripQuery(URLS.checkout), checkoutPageHtml(cart, 12)],
  [stripQuery(URLS.product), productPageHtml(cart)],
  [stripQuery(URLS.home), homePageHtml()],
  [stripQuery(URLS.otherSite), otherSitePageHtml()],
]);

function stripQuery(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

/**
 * Copies of the builds under bench/runs, so another `vite build` during the run cannot change what is
 * measured; the control gets exactly our content-script matches and timing.
 */
function prepareExtensions(): Record<Exclude<Variant, 'none'>, string> {
  const ours = path.join(WORK, 'extension-ours');
  rmSync(ours, { recursive: true, force: true });
  cpSync(DIST, ours, { recursive: true });
  const oursScripts = readContentScripts(ours);
  const likeOurs = (name: string): string => {
    const dir = path.join(WORK, `extension-${name}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(path.join(ROOT, `bench/${name}-extension`), dir, { recursive: true });
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      content_scripts: { matches: readonly string[]; js: string[]; run_at?: string; world?: string }[];
    };
    manifest.content_scripts = oursScripts.map((entry) => ({
      matches: entry.matches,
      js: ['content.js'],
      ...(entry.run_at ? { run_at: entry.run_at } : {}),
      ...(entry.world ? { world: entry.world } : {}),
    }));
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    return dir;
  };
  return { ours, control: likeOurs('control') };
}

async function prepareContext(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    const body = DOCUMENTS.get(stripQuery(url));
    if (body !== undefined && route.request().resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    return route.abort('internetdisconnected');
  });
  // What AliExpress sets for a signed-in US shopper (facts §2.1).
  const value = 'site=glo&c_tp=USD&x_alimid=2201234567&isb=y&region=US&b_locale=en_US';
  await context.addCookies([
    {
      name: 'aep_usuc_f',
      value,
      domain: '.aliexpress.com',
      path: '/',
      secure: true,
      sameSite: 'None',
      expires: 4_000_000_000,
    },
    {
      name: 'intl_locale',
      value: 'en_US',
      domain: '.aliexpress.com',
      path: '/',
      secure: true,
      sameSite: 'None',
      expires: 4_000_000_000,
    },
  ]);
  await context.addInitScript({ content: initScript(POPUP_READY) });
}

/** Tab ids as the extension sees them: diff the list around opening a page (no "tabs" permission needed). */
async function tabIds(browser: LaunchedBrowser): Promise<number[]> {
  const worker = browser.extensionWorkers[0];
  if (!worker) return [];
  return (await worker.evaluate(
    'chrome.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id))',
  )) as number[];
}

async function openTab(browser: LaunchedBrowser): Promise<{ page: Page; tabId: number | null }> {
  const before = new Set(await tabIds(browser));
  const page = await browser.context.newPage();
  const added = (await tabIds(browser)).filter((id) => !before.has(id));
  return { page, tabId: added.length === 1 ? (added[0] ?? null) : null };
}

/** The isolated world our content script runs in on this page, if any (Runtime must be enabled). */
function contentScriptContexts(cdp: CDPSession): { ids: Map<number, string>; ready: Promise<void> } {
  const ids = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', (event) => {
    const context = event.context as { id: number; origin: string; auxData?: { type?: string } };
    if (context.origin.startsWith('chrome-extension://')) ids.set(context.id, context.origin);
  });
  cdp.on('Runtime.executionContextDestroyed', (event) =>
    ids.delete((event as { executionContextId: number }).executionContextId),
  );
  cdp.on('Runtime.executionContextsCleared', () => ids.clear());
  return { ids, ready: cdp.send('Runtime.enable').then(() => undefined) };
}

async function readExtractions(
  cdp: CDPSession,
  contexts: Map<number, string>,
  extensionOrigin: string,
): Promise<number | null> {
  for (const [id, origin] of contexts) {
    if (origin !== extensionOrigin) continue;
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: 'globalThis.__pcdStats ? globalThis.__pcdStats.extractions : null',
      contextId: id,
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return typeof result.value === 'number' ? result.value : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// One run: a fresh profile with one variant; both pages measured, then (ours only) the interactions

async function readMetrics(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (name) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
}

type Tab = { page: Page; tabId: number | null; cdp: CDPSession; cpu: CDPSession };

function launchVariant(
  variant: Variant,
  dirs: Record<Exclude<Variant, 'none'>, string>,
): Promise<LaunchedBrowser> {
  return launchFresh(variant === 'none' ? [] : [dirs[variant]]);
}

/**
 * One variant's run in `browser` (a fresh profile); `startNext` is called once everything is measured, to
 * launch the next run's browser while this one closes.
 */
async function measureRun(
  run: number,
  variant: Variant,
  position: number,
  browser: LaunchedBrowser,
  startNext: () => Promise<unknown>,
): Promise<RunSample> {
  try {
    if (variant !== 'none' && browser.extensionWorkers.length === 0)
      throw new Error(`${variant}: the extension did not start`);
    await prepareContext(browser.context);
    const order: MeasuredPage[] = run % 2 === 0 ? ['cart', 'checkout'] : ['checkout', 'cart'];
    const tabs = new Map<MeasuredPage, Tab>();
    for (const name of order) {
      const { page, tabId } = await openTab(browser);
      const cdp = await browser.context.newCDPSession(page);
      // Wall time, as the peers were measured; a second session gives main-thread CPU time, which other
      // processes competing for the cores do not inflate.
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      const cpu = await browser.context.newCDPSession(page);
      await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
      tabs.set(name, { page, tabId, cdp, cpu });
    }
    const loadedAt = new Map<MeasuredPage, number>();
    for (const [i, name] of order.entries()) {
      if (i > 0) await sleep(STAGGER_MS);
      await must(tabs.get(name), name).page.goto(URLS[name], { waitUntil: 'load' });
      loadedAt.set(name, performance.now());
    }
    const pages = {} as Record<MeasuredPage, PageSample>;
    for (const name of order) {
      await sleep(must(loadedAt.get(name), name) + WINDOW_AFTER_LOAD_MS - performance.now());
      const tab = must(tabs.get(name), name);
      const wall = await readMetrics(tab.cdp);
      const cpu = await readMetrics(tab.cpu);
      const longTaskMs = (await tab.page.evaluate(
        'window.__benchLongTasks.map((task) => task.duration)',
      )) as number[];
      pages[name] = {
        scriptMs: wall('ScriptDuration'),
        taskMs: wall('TaskDuration'),
        scriptCpuMs: cpu('ScriptDuration'),
        taskCpuMs: cpu('TaskDuration'),
        longTasks: longTaskMs.length,
        longTaskMs,
      };
    }
    const sample: RunSample = { run, variant, position, pages };
    if (variant === 'ours') await measureInteractions(browser, tabs, sample);
    // The next run's browser starts only now: its start-up, on two cores, would otherwise slow this run's
    // pages in their window (wall time) or ours' paste and popup.
    startNext().catch(() => undefined);
    return sample;
  } finally {
    // Closing overlaps the next launch; nothing is measured meanwhile.
    void browser.close();
  }
}

async function measureInteractions(
  browser: LaunchedBrowser,
  tabs: Map<MeasuredPage, Tab>,
  sample: RunSample,
): Promise<void> {
  const extensionOrigin = `chrome-extension://${extensionIdOf(must(browser.extensionWorkers[0], 'service worker'))}`;
  const checkout = must(tabs.get('checkout'), 'checkout tab');
  const cartTab = must(tabs.get('cart'), 'cart tab');
  // The work moved out of the load window, measured: each page's CPU time over its first read.
  const firstRead = {} as NonNullable<RunSample['firstRead']>;
  for (const [name, tab] of [
    ['checkout', checkout],
    ['cart', cartTab],
  ] as const) {
    const before = await readMetrics(tab.cpu);
    await shopperMovesOver(tab.page);
    await sleep(FIRST_MOVE_BEFORE_PASTE_MS);
    const after = await readMetrics(tab.cpu);
    firstRead[name] = {
      scriptCpuMs: after('ScriptDuration') - before('ScriptDuration'),
      taskCpuMs: after('TaskDuration') - before('TaskDuration'),
    };
  }
  sample.firstRead = firstRead;
  const pasted = await pasteCode(checkout.page, 2000);
  sample.pasteToHintMs = pasted.ms ?? null;
  if (pasted.error) note(`paste-to-hint (run ${sample.run}): ${pasted.error}`);

  const contexts = contentScriptContexts(cartTab.cdp);
  await contexts.ready;
  const before = await readExtractions(cartTab.cdp, contexts.ids, extensionOrigin);
  // The shopper moved on the cart above: without its first read the storm would be watched by nobody.
  if (before === 0) note(`mutation storm (run ${sample.run}): the cart was not read at the shopper's move`);
  const storm = (await cartTab.page.evaluate(mutationStormScript({ count: 1000, durationMs: 1000 }))) as {
    mutations?: number;
    elapsedMs?: number;
    error?: string;
  };
  await sleep(500);
  const after = await readExtractions(cartTab.cdp, contexts.ids, extensionOrigin);
  if (storm.error) note(`mutation storm: ${storm.error}`);
  else if (storm.elapsedMs !== undefined && storm.elapsedMs > 1100)
    note(`mutation storm took ${round(storm.elapsedMs, 0)} ms (run ${sample.run})`);
  sample.stormReparses =
    before !== null && before > 0 && after !== null && !storm.error ? after - before : null;
  if (before === null && sample.run < 3) {
    note(
      'content script exposes no globalThis.__pcdStats.extractions in its isolated world: mutationStormReparses not measurable',
    );
  }

  if (checkout.tabId === null) {
    note('popup: the checkout tab id could not be found');
    sample.popupRenderMs = null;
    return;
  }
  const popup = await browser.context.newPage();
  await popup.goto(`${extensionOrigin}/src/popup/index.html?tab=${checkout.tabId}`, { waitUntil: 'load' });
  sample.popupRenderMs = await popupReadyAt(popup);
  if (sample.popupRenderMs === null) note(`popup: ${POPUP_READY} did not appear within 5 s`);
}

/**
 * When the popup's ready marker appeared (ms after its navigation started), or null after 5 s. Polled with
 * plain evaluations: `waitForFunction` with a string compiles it in the page, which the extension page's
 * CSP (no 'unsafe-eval') refuses now and then.
 */
async function popupReadyAt(popup: Page): Promise<number | null> {
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline) {
    const readyAt = (await popup.evaluate('window.__benchPopupReadyAt ?? null').catch(() => null)) as
      number | null;
    if (typeof readyAt === 'number') return readyAt;
    await sleep(50);
  }
  return null;
}

/** Pastes our test code into the checkout's promo field; the time until the hint is visible, or why not. */
function pasteCode(page: Page, timeoutMs: number): Promise<{ ms?: number; error?: string }> {
  return page.evaluate(
    pasteToHintScript({ code: PASTED_CODE, inputSelector: PROMO_INPUT, hostSelector: HINT_HOST, timeoutMs }),
  ) as Promise<{ ms?: number; error?: string }>;
}

/** The shopper's pointer crosses the page (real input events, through CDP), as before any paste. */
async function shopperMovesOver(page: Page): Promise<void> {
  await page.mouse.move(300, 200);
  await page.mouse.move(320, 240);
}

/**
 * Pastes on a checkout nobody moved on (fresh browser, load, the window, then the paste at once): the
 * page's first read, the worker's first message from the tab and the hint all at once. Not a shopper's
 * path, since a paste needs the field focused first, but it bounds the worst case.
 */
async function measureColdPastes(oursDir: string): Promise<(number | null)[]> {
  const samples: (number | null)[] = [];
  for (let run = 0; run < COLD_PASTE_RUNS; run++) {
    const browser = await launchFresh([oursDir]);
    try {
      await prepareContext(browser.context);
      const page = await browser.context.newPage();
      await page.goto(URLS.checkout, { waitUntil: 'load' });
      await sleep(WINDOW_AFTER_LOAD_MS);
      const pasted = await pasteCode(page, 2000);
      samples.push(pasted.ms ?? null);
    } finally {
      await browser.close();
    }
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------------
// Where the content script runs, and a trace of ours for attribution

interface InjectionCheck {
  readonly url: string;
  readonly extensionContext: boolean;
}

interface InjectionAndTrace {
  readonly checks: InjectionCheck[];
  readonly trace: ExtensionTaskReport;
  readonly pasteTimeline: TimelineEntry[];
  readonly pasteBreakdown: ThreadBreakdown;
  readonly popupTimeline: TimelineEntry[];
  readonly popupBreakdown: ThreadBreakdown;
}

type ThreadBreakdown = ReturnType<typeof threadBreakdownAfter>;

async function checkInjectionAndTrace(oursDir: string): Promise<InjectionAndTrace> {
  const browser = await launchFresh([oursDir]);
  try {
    await prepareContext(browser.context);
    const extensionOrigin = `chrome-extension://${extensionIdOf(must(browser.extensionWorkers[0], 'service worker'))}`;
    const checks: InjectionCheck[] = [];
    // The cart is the positive control: if the method cannot see ours there, its "false" elsewhere means nothing.
    for (const url of [URLS.product, URLS.home, URLS.otherSite, URLS.cart]) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      const contexts = contentScriptContexts(cdp);
      await contexts.ready;
      await page.goto(url, { waitUntil: 'load' });
      // document_idle runs shortly after load; give it ample time.
      await sleep(url === URLS.cart ? 1500 : 800);
      const extensionContext = [...contexts.ids.values()].some((origin) => origin === extensionOrigin);
      checks.push({ url, extensionContext });
      await page.close();
    }

    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const { page: second, tabId } = await openTab(browser);
    await startTrace(cdp);
    await page.goto(URLS.cart, { waitUntil: 'load' });
    await sleep(STAGGER_MS);
    await second.goto(URLS.checkout, { waitUntil: 'load' });
    await sleep(WINDOW_AFTER_LOAD_MS);
    await shopperMovesOver(page);
    await shopperMovesOver(second);
    await sleep(FIRST_MOVE_BEFORE_PASTE_MS);
    const pasted = await pasteCode(second, 1000);
    // Up to the hint, plus a little: the storm that follows must not blur the paste's picture.
    const pasteWindowMs = (pasted.ms ?? 300) + 20;
    await sleep(300);
    await page.evaluate(mutationStormScript({ count: 1000, durationMs: 1000 }));
    await sleep(500);
    let popupReadyMs: number | null = null;
    if (tabId !== null) {
      const popup = await browser.context.newPage();
      await page.evaluate("console.timeStamp('bench:popup')");
      await popup.goto(`${extensionOrigin}/src/popup/index.html?tab=${tabId}`, { waitUntil: 'load' });
      popupReadyMs = await popupReadyAt(popup);
    }
    const popupWindowMs = (popupReadyMs ?? 1000) + 20;
    const events = await stopTrace(cdp);
    const prefix = `${extensionOrigin}/`;
    return {
      checks,
      trace: attributeToExtension(events, prefix),
      pasteTimeline: timelineAfter(events, prefix, 'bench:paste', pasteWindowMs),
      pasteBreakdown: threadBreakdownAfter(events, prefix, 'bench:paste', pasteWindowMs),
      popupTimeline: timelineAfter(events, prefix, 'bench:popup', popupWindowMs),
      popupBreakdown: threadBreakdownAfter(events, prefix, 'bench:popup', popupWindowMs),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The same loads, paste and storm with V8's sampling profiler on both pages, using a source-mapped build
 * of the same code, so time is charged to source files and functions. Only when a timing goal is missed.
 */
async function profileContentScript(sourceMappedDir: string): Promise<ProfileAttribution | null> {
  // The main content script does the reading and the hint; the manifest's small one only listens.
  const script = contentScriptFiles(sourceMappedDir).find((file) => file === MAIN_CONTENT_SCRIPT);
  if (!script || !existsSync(path.join(sourceMappedDir, `${script}.map`))) return null;
  const lookup = new SourceMapLookup(path.join(sourceMappedDir, `${script}.map`));
  const browser = await launchFresh([sourceMappedDir]);
  try {
    await prepareContext(browser.context);
    const scriptUrl = `chrome-extension://${extensionIdOf(must(browser.extensionWorkers[0], 'service worker'))}/${script}`;
    const cartPage = await browser.context.newPage();
    const checkoutPage = await browser.context.newPage();
    const sessions = [
      await browser.context.newCDPSession(cartPage),
      await browser.context.newCDPSession(checkoutPage),
    ];
    for (const session of sessions) await startProfiler(session);
    await cartPage.goto(URLS.cart, { waitUntil: 'load' });
    await sleep(STAGGER_MS);
    await checkoutPage.goto(URLS.checkout, { waitUntil: 'load' });
    await sleep(WINDOW_AFTER_LOAD_MS);
    await shopperMovesOver(cartPage);
    await shopperMovesOver(checkoutPage);
    await sleep(FIRST_MOVE_BEFORE_PASTE_MS);
    await pasteCode(checkoutPage, 1000);
    await cartPage.evaluate(mutationStormScript({ count: 1000, durationMs: 1000 }));
    await sleep(500);
    const profiles = [];
    for (const session of sessions) profiles.push(await stopProfiler(session));
    return attributeProfile(profiles, scriptUrl, lookup);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Figures

interface Row {
  readonly figure: FigureKey;
  readonly value: number | boolean | null;
  readonly ours: string;
  readonly control: string;
  readonly without: string;
  readonly met: boolean | null;
  readonly detail?: string;
}

function meets(figure: FigureKey, value: number | boolean | null): boolean | null {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return null;
  const goal = GOALS[figure];
  return typeof goal === 'boolean' ? value === goal : (value as number) <= goal;
}

function mediansBy(
  samples: readonly RunSample[],
  variant: Variant,
  page: MeasuredPage,
  key: 'scriptMs' | 'taskMs' | 'scriptCpuMs' | 'taskCpuMs' | 'longTasks',
): number {
  return median(samples.filter((s) => s.variant === variant).map((s) => s.pages[page][key]));
}

interface VariantMedians {
  readonly scriptMs: number;
  readonly taskMs: number;
  readonly scriptCpuMs: number;
  readonly taskCpuMs: number;
  readonly longTasks: number;
}

interface PageFigures {
  readonly ours: VariantMedians;
  readonly control: VariantMedians;
  readonly without: VariantMedians;
  readonly addedScriptingMs: number;
  readonly addedScriptingCpuMs: number;
  readonly controlOverWithoutScriptingMs: number;
  readonly mainThreadRatio: number;
  readonly mainThreadCpuRatio: number;
  readonly addedLongTasks: number;
}

function pageFigures(samples: readonly RunSample[], page: MeasuredPage): PageFigures {
  const by = (variant: Variant): VariantMedians => ({
    scriptMs: round(mediansBy(samples, variant, page, 'scriptMs'), 3),
    taskMs: round(mediansBy(samples, variant, page, 'taskMs'), 3),
    scriptCpuMs: round(mediansBy(samples, variant, page, 'scriptCpuMs'), 3),
    taskCpuMs: round(mediansBy(samples, variant, page, 'taskCpuMs'), 3),
    longTasks: mediansBy(samples, variant, page, 'longTasks'),
  });
  const ours = by('ours');
  const control = by('control');
  const without = by('none');
  return {
    ours,
    control,
    without,
    addedScriptingMs: round(ours.scriptMs - control.scriptMs, 3),
    addedScriptingCpuMs: round(ours.scriptCpuMs - control.scriptCpuMs, 3),
    controlOverWithoutScriptingMs: round(control.scriptMs - without.scriptMs, 3),
    mainThreadRatio: round(ours.taskMs / control.taskMs, 4),
    mainThreadCpuRatio: round(ours.taskCpuMs / control.taskCpuMs, 4),
    addedLongTasks: Math.max(0, ours.longTasks - control.longTasks),
  };
}

function fmt(value: number | boolean | null | undefined, digits = 2): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)))
    return 'n/a';
  return typeof value === 'boolean' ? String(value) : String(round(value, digits));
}

function machine(chromium: string): Record<string, string | number> {
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(chromium, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    loadAverageAtStart: round(os.loadavg()[0] ?? 0, 2),
    chromium: chromiumVersion,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!existsSync(path.join(DIST, 'manifest.json')))
    throw new Error('dist/chrome is missing: run `npm run build` (npm run bench does).');
  mkdirSync(WORK, { recursive: true });
  const chromium = resolveChromium();
  const machineInfo = machine(chromium);
  console.log(
    `Promo Code Doctor benchmark: ${RUNS} runs per variant, ${machineInfo['cores']} cores, ${machineInfo['chromium']}`,
  );
  if (RUNS < 10) note(`only ${RUNS} runs per variant (BENCH_RUNS): figures are indicative, not results`);
  if (Number(machineInfo['loadAverageAtStart']) > Number(machineInfo['cores'])) {
    note(
      `load average ${machineInfo['loadAverageAtStart']} on ${machineInfo['cores']} cores at start: other work competes for the CPU`,
    );
  }

  const dirs = prepareExtensions();
  const size = measureContentScripts(dirs.ours);
  console.log(`content script: ${size.files.join(', ')} ${size.rawBytes} B, ${size.gzipBytes} B gzip`);
  // A source-mapped build of the same sources, made only when a goal is missed, to say where the cost is.
  const sourceMappedDir = path.join(WORK, 'sourcemapped-build');
  let sourceMapped: boolean | null = null;
  const ensureSourceMapped = (): boolean => {
    if (sourceMapped !== null) return sourceMapped;
    try {
      breakdown = contentScriptBreakdown(ROOT, sourceMappedDir);
      sourceMapped = true;
    } catch (error) {
      note(`source-mapped build failed: ${(error as Error).message}`);
      sourceMapped = false;
    }
    return sourceMapped;
  };
  let breakdown: ModuleShare[] = [];
  if (size.gzipBytes > GOALS.contentScriptGzipBytes) ensureSourceMapped();

  console.log('rule engine: diagnose + matchingCodes on a 10,000-code feed ...');
  let ranking: RankingResult | null = null;
  try {
    ranking = await measureRanking(RANK_CODES, RANK_RUNS, RANK_WARM_UP, RANK_BUDGET_MS);
    if (ranking.truncated) note(`rule engine far over its goal: ${ranking.truncated}`);
  } catch (error) {
    note(`rule engine could not be measured: ${(error as Error).message}`);
  }

  console.log('where the content script runs, and a trace of ours ...');
  const injection = await withRetry('injection check and trace', () => checkInjectionAndTrace(dirs.ours));
  console.log(`a paste on a page nobody moved on (cold), ${COLD_PASTE_RUNS} fresh browsers ...`);
  const coldPastes = await withRetry('cold pastes', () => measureColdPastes(dirs.ours));
  const coldValues = coldPastes.filter((v): v is number => typeof v === 'number');
  const coldPasteMedian = coldValues.length > 0 ? round(median(coldValues), 1) : null;

  const samples: RunSample[] = [];
  // Every run's variants in the order they are measured: rotated per run, so warm caches and drift do not
  // favour one.
  const plan = Array.from({ length: RUNS }, (_, run) =>
    VARIANTS.map((_, i) => ({
      run,
      position: i,
      variant: must(VARIANTS[(i + run) % VARIANTS.length], 'variant'),
    })),
  ).flat();
  let next: Promise<LaunchedBrowser> | null = null;
  for (const [index, step] of plan.entries()) {
    const upcoming = plan[index + 1];
    const startNext = (): Promise<unknown> => {
      if (upcoming && !next) next = launchVariant(upcoming.variant, dirs);
      // Awaited by the next step too; a failed launch is retried there.
      return next ?? Promise.resolve();
    };
    const prelaunched: Promise<LaunchedBrowser> | null = next;
    next = null;
    let first = true;
    samples.push(
      await withRetry(`run ${step.run + 1} ${step.variant}`, async () => {
        const browser = first && prelaunched ? await prelaunched : await launchVariant(step.variant, dirs);
        first = false;
        return measureRun(step.run, step.variant, step.position, browser, startNext);
      }),
    );
    if (step.position === VARIANTS.length - 1) {
      const last = samples.slice(-VARIANTS.length);
      const ours = must(
        last.find((s) => s.variant === 'ours'),
        'ours sample',
      );
      console.log(
        `run ${step.run + 1}/${RUNS} [${last.map((s) => s.variant).join(', ')}] cart script ms ${last
          .map((s) => `${s.variant}=${fmt(s.pages.cart.scriptMs)}`)
          .join(
            ' ',
          )} | paste ${fmt(ours.pasteToHintMs)} ms, storm ${fmt(ours.stormReparses)}, popup ${fmt(ours.popupRenderMs)} ms`,
      );
    }
  }

  // --- figures
  const perPage = { cart: pageFigures(samples, 'cart'), checkout: pageFigures(samples, 'checkout') };

  const oursSamples = samples.filter((s) => s.variant === 'ours');
  const pasteValues = oursSamples
    .map((s) => s.pasteToHintMs)
    .filter((v): v is number => typeof v === 'number');
  const stormValues = oursSamples
    .map((s) => s.stormReparses)
    .filter((v): v is number => typeof v === 'number');
  const popupValues = oursSamples
    .map((s) => s.popupRenderMs)
    .filter((v): v is number => typeof v === 'number');
  const firstReadMedians = Object.fromEntries(
    (['cart', 'checkout'] as const).map((name) => {
      const reads = oursSamples.flatMap((s) => (s.firstRead ? [s.firstRead[name]] : []));
      const med = (values: number[]) => (values.length > 0 ? round(median(values), 2) : null);
      return [
        name,
        {
          scriptCpuMs: med(reads.map((r) => r.scriptCpuMs)),
          taskCpuMs: med(reads.map((r) => r.taskCpuMs)),
        },
      ];
    }),
  ) as Record<MeasuredPage, { scriptCpuMs: number | null; taskCpuMs: number | null }>;
  const offTarget = injection.checks.filter((c) => c.url !== URLS.cart);
  const positive = injection.checks.find((c) => c.url === URLS.cart);
  const detectionWorks = positive !== undefined && positive.extensionContext;
  if (!detectionWorks)
    note('our content script was not detected on the cart page either: injectedOffTarget cannot be trusted');
  const tracedLong = injection.trace.longTasksWithExtension.length;
  const observedAddedLong = perPage.cart.addedLongTasks + perPage.checkout.addedLongTasks;
  const rankMedian = ranking ? Math.max(...Object.values(ranking.byScenario).map((s) => s.medianMs)) : null;

  const figures: Record<FigureKey, number | boolean | null> = {
    contentScriptGzipBytes: size.gzipBytes,
    injectedOffTarget: detectionWorks ? offTarget.some((c) => c.extensionContext) : null,
    addedScriptingMs: round(Math.max(perPage.cart.addedScriptingMs, perPage.checkout.addedScriptingMs), 2),
    addedMainThreadRatio: round(Math.max(perPage.cart.mainThreadRatio, perPage.checkout.mainThreadRatio), 3),
    longTasksFromExtension: tracedLong,
    pasteToHintMsMedian: pasteValues.length > 0 ? round(median(pasteValues), 1) : null,
    mutationStormReparses: stormValues.length > 0 ? median(stormValues) : null,
    rankTenThousandCodesMs: rankMedian === null ? null : round(rankMedian, 2),
    popupRenderMs: popupValues.length > 0 ? round(median(popupValues), 1) : null,
  };

  const rows: Row[] = [
    {
      figure: 'contentScriptGzipBytes',
      value: figures.contentScriptGzipBytes,
      ours: `${size.gzipBytes} B (${size.rawBytes} B raw)`,
      control: `${measureContentScripts(dirs.control).gzipBytes} B`,
      without: '0',
      met: meets('contentScriptGzipBytes', figures.contentScriptGzipBytes),
    },
    {
      figure: 'injectedOffTarget',
      value: figures.injectedOffTarget,
      ours: offTarget
        .map((c) => `${new URL(c.url).host}${new URL(c.url).pathname}=${c.extensionContext ? 'ran' : 'no'}`)
        .join(' '),
      control: '-',
      without: '-',
      met: meets('injectedOffTarget', figures.injectedOffTarget),
      detail: `cart (positive control): ${positive?.extensionContext ? 'ran' : 'NOT SEEN'}`,
    },
    {
      figure: 'addedScriptingMs',
      value: figures.addedScriptingMs,
      ours: `cart ${perPage.cart.ours.scriptMs} / checkout ${perPage.checkout.ours.scriptMs} ms`,
      control: `cart ${perPage.cart.control.scriptMs} / checkout ${perPage.checkout.control.scriptMs} ms`,
      without: `cart ${perPage.cart.without.scriptMs} / checkout ${perPage.checkout.without.scriptMs} ms`,
      met: meets('addedScriptingMs', figures.addedScriptingMs),
      detail: `added: cart ${perPage.cart.addedScriptingMs} ms, checkout ${perPage.checkout.addedScriptingMs} ms`,
    },
    {
      figure: 'addedMainThreadRatio',
      value: figures.addedMainThreadRatio,
      ours: `cart ${perPage.cart.ours.taskMs} / checkout ${perPage.checkout.ours.taskMs} ms`,
      control: `cart ${perPage.cart.control.taskMs} / checkout ${perPage.checkout.control.taskMs} ms`,
      without: `cart ${perPage.cart.without.taskMs} / checkout ${perPage.checkout.without.taskMs} ms`,
      met: meets('addedMainThreadRatio', figures.addedMainThreadRatio),
      detail: `ratio: cart ${perPage.cart.mainThreadRatio}, checkout ${perPage.checkout.mainThreadRatio}`,
    },
    {
      figure: 'longTasksFromExtension',
      value: figures.longTasksFromExtension,
      // The page's own long tasks (the 500-line cart's parse and first layout) come and go between runs;
      // only the trace says whose they are, so it is the figure and the observer's count is context.
      ours: `traced ${tracedLong}; observed/load (unattributed) cart ${perPage.cart.ours.longTasks}, checkout ${perPage.checkout.ours.longTasks}, ${observedAddedLong} more than control`,
      control: `observed/load cart ${perPage.cart.control.longTasks}, checkout ${perPage.checkout.control.longTasks}`,
      without: `cart ${perPage.cart.without.longTasks}, checkout ${perPage.checkout.without.longTasks}`,
      met: meets('longTasksFromExtension', figures.longTasksFromExtension),
      ...(tracedLong
        ? {
            detail: injection.trace.longTasksWithExtension
              .map((t) => `${round(t.taskMs, 1)} ms task, ${round(t.extensionMs, 1)} ms ours`)
              .join('; '),
          }
        : {}),
    },
    {
      figure: 'pasteToHintMsMedian',
      value: figures.pasteToHintMsMedian,
      ours: `${pasteValues.length}/${oursSamples.length} pastes showed a hint`,
      control: '-',
      without: '-',
      met: meets('pasteToHintMsMedian', figures.pasteToHintMsMedian),
      detail: `${FIRST_MOVE_BEFORE_PASTE_MS} ms after the pointer moved on the page; cold (no move before, ${coldValues.length} fresh browsers): median ${fmt(coldPasteMedian)} ms (${coldValues.map((v) => round(v, 1)).join(' ')})`,
    },
    {
      figure: 'mutationStormReparses',
      value: figures.mutationStormReparses,
      ours: stormValues.join(' ') || 'n/a',
      control: '-',
      without: '-',
      met: meets('mutationStormReparses', figures.mutationStormReparses),
    },
    {
      figure: 'rankTenThousandCodesMs',
      value: figures.rankTenThousandCodesMs,
      ours: ranking
        ? Object.entries(ranking.byScenario)
            .map(([name, s]) => `${name} ${round(s.medianMs, 2)} ms (n=${s.samplesMs.length})`)
            .join('; ')
        : 'n/a',
      control: '-',
      without: '-',
      met: meets('rankTenThousandCodesMs', figures.rankTenThousandCodesMs),
    },
    {
      figure: 'popupRenderMs',
      value: figures.popupRenderMs,
      ours: popupValues.map((v) => round(v, 0)).join(' ') || 'n/a',
      control: '-',
      without: '-',
      met: meets('popupRenderMs', figures.popupRenderMs),
    },
  ];

  const timingMissed = (
    [
      'addedScriptingMs',
      'addedMainThreadRatio',
      'longTasksFromExtension',
      'pasteToHintMsMedian',
      'mutationStormReparses',
    ] as const
  ).some((figure) => meets(figure, figures[figure]) === false);
  let profile: ProfileAttribution | null = null;
  if (timingMissed && ensureSourceMapped()) {
    console.log('a timing goal is missed: profiling the content script by source line ...');
    profile = await profileContentScript(sourceMappedDir).catch((error: unknown) => {
      note(`profiling failed: ${(error as Error).message}`);
      return null;
    });
  }

  printTable(rows);
  console.log(
    `\nthe first read, at the shopper's first move (main-thread CPU time over ${FIRST_MOVE_BEFORE_PASTE_MS} ms, medians): ` +
      (['cart', 'checkout'] as const)
        .map(
          (name) =>
            `${name} script ${fmt(firstReadMedians[name].scriptCpuMs)} ms, tasks ${fmt(firstReadMedians[name].taskCpuMs)} ms`,
        )
        .join('; '),
  );
  if (breakdown.length > 0) {
    console.log('\ncontent script by module (raw bytes, gzip of the module alone):');
    for (const share of breakdown.slice(0, 15))
      console.log(
        `  ${String(share.rawBytes).padStart(7)} ${String(share.gzipAloneBytes).padStart(6)}  ${share.source}`,
      );
  }
  const traceEntries = Object.entries(injection.trace.extensionMsByEntry).sort((a, b) => b[1] - a[1]);
  console.log(
    `\ntraced time in our content script (cart + checkout load, a paste, a storm): ${round(injection.trace.extensionMsTotal, 1)} ms`,
  );
  for (const [entry, ms] of traceEntries.slice(0, 8))
    console.log(`  ${String(round(ms, 2)).padStart(8)} ms  ${entry}`);

  if (profile) {
    console.log(
      `\nprofiled time with our content script on the stack (same loads, paste and storm): ${round(profile.totalMs, 1)} ms`,
    );
    for (const [module, ms] of Object.entries(profile.byModule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8))
      console.log(`  ${String(round(ms, 1)).padStart(8)} ms  ${module}`);
    console.log('  by function (source line of the function):');
    for (const [where, ms] of Object.entries(profile.byFunction)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12))
      console.log(`  ${String(round(ms, 1)).padStart(8)} ms  ${where}`);
  }
  const printTimeline = (title: string, timeline: readonly TimelineEntry[], breakdown: ThreadBreakdown) => {
    console.log(`\n${title}`);
    for (const entry of breakdown.filter((e) => e.ms >= 1).slice(0, 12))
      console.log(`  ${String(round(entry.ms, 1)).padStart(8)} ms  ${entry.thread}  ${entry.what}`);
    console.log('  our scripts, step by step:');
    if (timeline.length === 0) console.log('  (no extension script activity found in the trace)');
    for (const step of timeline.slice(0, 20))
      console.log(
        `  +${round(step.atMs, 1)} ms  ${round(step.durationMs, 2)} ms  ${step.thread}  ${step.what}`,
      );
  };
  if (meets('pasteToHintMsMedian', figures.pasteToHintMsMedian) !== true)
    printTimeline(
      'paste -> hint, traced (time by thread and kind of work):',
      injection.pasteTimeline,
      injection.pasteBreakdown,
    );
  if (meets('popupRenderMs', figures.popupRenderMs) !== true)
    printTimeline(
      'popup open -> ready, traced (time by thread and kind of work):',
      injection.popupTimeline,
      injection.popupBreakdown,
    );

  const elapsedS = round((performance.now() - started) / 1000, 1);
  console.log(`\nbench took ${elapsedS} s`);
  const results = {
    ...figures,
    machine: machineInfo,
    runs: {
      count: RUNS,
      method: {
        window: `navigation to load + ${WINDOW_AFTER_LOAD_MS} ms`,
        order:
          'variants rotate per run (none, control, ours); page order alternates; fresh profile per variant and run',
        metrics: 'CDP Performance.getMetrics ScriptDuration and TaskDuration per page; medians over runs',
        interactions: `after the window: the pointer moves on each page, ${FIRST_MOVE_BEFORE_PASTE_MS} ms later the paste, then the storm on the cart and the popup`,
        pages: {
          cart: `${cart.lines.length} lines, ${cart.stores.length} stores`,
          checkout: '12 lines with promo field',
        },
      },
      benchSeconds: elapsedS,
      goals: GOALS,
      table: rows,
      perPage,
      contentScript: { ...size, byModule: breakdown.slice(0, 25) },
      ranking,
      firstRead: firstReadMedians,
      coldPaste: { samplesMs: coldPastes, medianMs: coldPasteMedian },
      injection: injection.checks,
      trace: injection.trace,
      pasteTimeline: injection.pasteTimeline,
      popupTimeline: injection.popupTimeline,
      pasteBreakdown: injection.pasteBreakdown,
      popupBreakdown: injection.popupBreakdown,
      profile,
      samples,
      notes,
    },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(ROOT, RESULTS)}`);
}

function printTable(rows: readonly Row[]): void {
  const header = ['figure', 'value', 'ours', 'control', 'without', 'goal', 'met?'];
  const body = rows.map((row) => [
    row.figure,
    fmt(row.value),
    row.ours,
    row.control,
    row.without,
    `${typeof GOALS[row.figure] === 'boolean' ? '= ' : '<= '}${String(GOALS[row.figure])}`,
    row.met === null ? 'n/a' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const cells of body) console.log(line(cells));
  for (const row of rows) if (row.detail) console.log(`  ${row.figure}: ${row.detail}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
