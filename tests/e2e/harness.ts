/**
 * Real-browser harness: the built extension (dist/chrome) in Chromium, AliExpress pages served from saved
 * fixtures at their real URLs, the remote code feed served at an https URL, and page objects for the
 * in-page hint (closed shadow root, read through CDP) and the popup.
 *
 * Nothing leaves the machine: every request is answered by a route here; anything unexpected is aborted
 * and recorded, so the privacy audit can list it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Route,
  type Worker,
} from 'playwright-core';

// The extension API as far as the harness calls it inside extension pages (no @types/chrome here).
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
};

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; E2E_EXTENSION_DIR points elsewhere (e.g. a private build while others rebuild dist/). */
export const DIST = path.resolve(ROOT, process.env.E2E_EXTENSION_DIR ?? 'dist/chrome');
const LOCAL_TMP = path.join(ROOT, '.tmp');
const PAGE_FIXTURES = path.join(ROOT, 'tests/fixtures/pages');

/** Where the tests serve "the publisher's" feed. Any https URL works: the route answers it. */
export const FEED_URL = 'https://codes.promo-feed.example/aliexpress/feed.json';

export const URLS = {
  cart: 'https://www.aliexpress.com/p/shoppingcart/index.html',
  checkout:
    'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004259953000,11004259953001&aeOrderFrom=main_shopcart&spm=a2g0o.cart.0.0',
  payResult: 'https://www.aliexpress.com/p/second-payment/pay-result.html?pmntId=71203345566',
} as const;

const ALIEXPRESS_HOSTS = /^https:\/\/(www\.|m\.)?aliexpress\.(com|us)\//;

/**
 * The browser to drive: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium, else Playwright's own download.
 * Playwright's browsers cannot be downloaded on these machines, so Debian's is the usual answer.
 */
export function resolveChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found. Install one (Debian: `apt-get install -y chromium`), or set CHROMIUM_PATH to a ' +
      'Chromium/Chrome binary, or run `npx playwright install chromium`.',
  );
}

/**
 * Flags for headless Chromium on a closed network, as root: without the background-networking flags Chromium
 * keeps trying to reach Google's hosts, and as root it cannot use its sandbox.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Chromium and Playwright leave profile folders behind when killed: keep them inside the project. */
export function useLocalTmp(): string {
  mkdirSync(LOCAL_TMP, { recursive: true });
  process.env.TMPDIR = LOCAL_TMP;
  return LOCAL_TMP;
}

export function readPageFixture(name: string): string {
  return loadPageFixture(name).html;
}

/** A saved page from tests/fixtures/pages: its HTML, the URL it was saved from and the cookies it needs. */
export interface PageFixture {
  readonly name: string;
  readonly html: string;
  readonly url: string;
  readonly cookies: readonly Cookie[];
}

export function loadPageFixture(name: string): PageFixture {
  const htmlFile = path.join(PAGE_FIXTURES, `${name}.html`);
  const sidecarFile = path.join(PAGE_FIXTURES, `${name}.json`);
  if (!existsSync(htmlFile))
    throw new Error(`Page fixture ${htmlFile} is missing (it comes with the page-reading work).`);
  const sidecar = existsSync(sidecarFile)
    ? (JSON.parse(readFileSync(sidecarFile, 'utf8')) as { url?: string; cookie?: string })
    : {};
  return {
    name,
    html: readFileSync(htmlFile, 'utf8'),
    url: sidecar.url ?? URLS.checkout,
    cookies: parseCookieHeader(sidecar.cookie ?? ''),
  };
}

/** `a=1; b=x=y&z` -> cookies; a value may itself contain `=` (aep_usuc_f does). */
export function parseCookieHeader(header: string): Cookie[] {
  return header
    .split(/;\s*/)
    .filter((part) => part.includes('='))
    .map((part) => {
      const at = part.indexOf('=');
      return { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
}

export interface SeenRequest {
  readonly url: string;
  readonly method: string;
  /** `page` for the shop tab, `extension` for the service worker or an extension page. */
  readonly from: 'page' | 'extension';
  readonly resourceType: string;
}

export interface FeedResponse {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
}

export interface Cookie {
  readonly name: string;
  readonly value: string;
}

/** `aep_usuc_f` as AliExpress sets it: site, currency, ship-to region and locale, plus the member id. */
export function shopperCookies(
  options: { region?: string; site?: string; currency?: string; memberId?: string } = {},
): Cookie[] {
  const { region = 'US', site = 'glo', currency = 'USD', memberId = '2210873569' } = options;
  return [
    {
      name: 'aep_usuc_f',
      value: `site=${site}&c_tp=${currency}&x_alimid=${memberId}&isb=y&region=${region}&b_locale=en_US`,
    },
    { name: 'intl_locale', value: 'en_US' },
    {
      name: 'xman_us_f',
      value: `x_locale=en_US&x_l=1&x_user=${region}|shopper|user|ifm|${memberId}&x_c_chg=1`,
    },
  ];
}

export interface LaunchOptions {
  /** Cookies set on .aliexpress.com and .aliexpress.us before any page opens. Default: a US shopper. */
  readonly cookies?: readonly Cookie[];
  /** Tests always run headless; `npm start` opens a window where a display exists. */
  readonly headless?: boolean;
  /**
   * Load the extension from this folder instead of DIST, with CDP's Extensions domain enabled, so that
   * `updateExtension()` can reload it from there as an update would (the test owns and may edit the folder).
   */
  readonly updatableFrom?: string;
  /**
   * Answer the saved checkout's AliExpress stylesheet with the stand-in the UI tests use, so a demo looks
   * like the real page. Off in tests: they check behaviour, not looks.
   */
  readonly standInStyles?: boolean;
}

const STAND_IN_CHECKOUT_CSS = path.join(ROOT, 'tests/ui/fixtures/aliexpress-placeorder.css');

/** One Chromium with the extension loaded, in a fresh profile. Call `close()` in afterAll/afterEach. */
export class ExtensionBrowser {
  /** Every request seen, in order: the page's, the service worker's and extension pages'. */
  readonly requests: SeenRequest[] = [];
  /** Pages that appeared without the test opening them (the extension must open none). */
  readonly unexpectedPages: Page[] = [];
  private readonly pages = new Map<string, string>();
  private feed: FeedResponse = { status: 404, body: 'no feed configured' };
  private readonly openedByTest = new Set<Page>();
  private worker: Worker | null;
  private readonly workerWaiters: ((worker: Worker) => void)[] = [];

  private standInStyles = false;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    worker: Worker,
    private readonly profileDir: string,
    private readonly extensionDir: string,
  ) {
    this.worker = worker;
    this.track(worker);
    context.on('serviceworker', (next) => {
      if (!next.url().startsWith(`chrome-extension://${extensionId}/`)) return;
      this.worker = next;
      this.track(next);
      for (const resolve of this.workerWaiters.splice(0)) resolve(next);
    });
    context.on('request', (request) => {
      const frameUrl = safe(() => request.frame().url()) ?? '';
      this.requests.push({
        url: request.url(),
        method: request.method(),
        from: request.serviceWorker() || frameUrl.startsWith('chrome-extension://') ? 'extension' : 'page',
        resourceType: request.resourceType(),
      });
    });
    context.on('page', (page) => {
      // While newPage() waits for its page, the next page to appear is the test's; any other is not.
      if (this.pagesExpected > 0) {
        this.pagesExpected -= 1;
        this.openedByTest.add(page);
      } else if (!this.openedByTest.has(page)) {
        this.unexpectedPages.push(page);
      }
    });
  }

  static async launch(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
    if (!existsSync(path.join(DIST, 'manifest.json'))) {
      throw new Error(
        `${DIST}/manifest.json is missing: run \`npm run build\` first (npm run test:e2e does).`,
      );
    }
    const tmp = useLocalTmp();
    const profileDir = mkdtempSync(path.join(tmp, 'e2e-profile-'));
    const extensionDir = options.updatableFrom ?? DIST;
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: resolveChromium(),
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'America/Los_Angeles',
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.updatableFrom ? ['--enable-unsafe-extension-debugging'] : []),
        ...CHROMIUM_ARGS,
      ],
    });
    try {
      const worker =
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
      const extensionId = new URL(worker.url()).host;
      const browser = new ExtensionBrowser(context, extensionId, worker, profileDir, extensionDir);
      browser.standInStyles = options.standInStyles ?? false;
      for (const page of context.pages()) browser.openedByTest.add(page);
      await context.route('**/*', (route) => browser.answer(route));
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await browser.setCookies(options.cookies ?? shopperCookies());
      return browser;
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** Serve `html` at `url` (AliExpress hosts only). Later calls replace the page. */
  servePage(url: string, html: string): void {
    const { origin, pathname } = new URL(url);
    this.pages.set(origin + pathname, html);
  }

  serveFeed(response: FeedResponse | object): void {
    this.feed =
      'status' in response && 'body' in response
        ? (response as FeedResponse)
        : { status: 200, body: JSON.stringify(response), contentType: 'application/json' };
  }

  /** Set cookies on both AliExpress domains; ones already set to the same value are left alone. */
  async setCookies(cookies: readonly Cookie[]): Promise<void> {
    const existing = new Set((await this.context.cookies()).map((c) => `${c.domain}|${c.name}=${c.value}`));
    const wanted = ['.aliexpress.com', '.aliexpress.us'].flatMap((domain) =>
      cookies
        .filter((cookie) => !existing.has(`${domain}|${cookie.name}=${cookie.value}`))
        .map((cookie) => ({
          ...cookie,
          domain,
          path: '/',
          secure: true,
          sameSite: 'None' as const,
          expires: 4_000_000_000,
        })),
    );
    if (wanted.length > 0) await this.context.addCookies(wanted);
  }

  async cookies(): Promise<string[]> {
    const all = await this.context.cookies();
    return all
      .map(
        (c) =>
          `${c.domain}|${c.path}|${c.name}=${c.value}|${c.expires}|${c.httpOnly}|${c.secure}|${c.sameSite}`,
      )
      .sort();
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    if (url.split('?')[0] === FEED_URL) {
      return route.fulfill({
        status: this.feed.status,
        contentType: this.feed.contentType ?? 'application/json',
        headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
        body: this.feed.body,
      });
    }
    if (ALIEXPRESS_HOSTS.test(url) && request.resourceType() === 'document') {
      const { origin, pathname } = new URL(url);
      const html = this.pages.get(origin + pathname);
      if (html !== undefined) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
    }
    if (this.standInStyles && /\/placeorder\/.*\.css$/.test(url)) {
      return route.fulfill({ contentType: 'text/css', body: readFileSync(STAND_IN_CHECKOUT_CSS, 'utf8') });
    }
    // Saved pages reference AliExpress's CDN for images and scripts: no network here, and none needed.
    return route.abort('internetdisconnected');
  }

  /** A new tab the test controls, with its extension tab id (found by diffing the tab list). */
  async newTab(): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await this.tabIds());
    const page = await this.newPage();
    const added = (await this.tabIds()).filter((id) => !before.has(id));
    if (added.length !== 1) throw new Error(`Expected one new tab, saw ${added.length}.`);
    return { page, tabId: added[0] as number };
  }

  private pagesExpected = 0;

  private async newPage(): Promise<Page> {
    this.pagesExpected += 1;
    const page = await this.context.newPage();
    this.openedByTest.add(page);
    return page;
  }

  /** Open a saved page at the URL it was saved from, with its cookies, in a new tab; wait until read. */
  async openFixture(fixture: PageFixture | string): Promise<ShopPage> {
    const page = typeof fixture === 'string' ? loadPageFixture(fixture) : fixture;
    await this.setCookies(page.cookies);
    return this.openShopPage(page.url, page.html);
  }

  /** Open a fixture page at its real URL in a new tab and wait for the content script's ready marker. */
  async openShopPage(url: string, html: string): Promise<ShopPage> {
    this.servePage(url, html);
    const { page, tabId } = await this.newTab();
    const shop = new ShopPage(this, page, tabId);
    await shop.goto(url);
    return shop;
  }

  /** Tab ids as the extension sees them (no "tabs" permission needed for ids). */
  async tabIds(): Promise<number[]> {
    const tabs = await this.inExtension(() => chrome.tabs.query({}));
    return tabs.map((tab) => tab.id).filter((id): id is number => typeof id === 'number');
  }

  /** The live service worker, waking it (by opening an extension page) when it was stopped. */
  async serviceWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    const waiting = new Promise<Worker>((resolve) => this.workerWaiters.push(resolve));
    // Any extension event wakes the worker; a message to it is the most direct one.
    await this.inExtension(() => chrome.runtime.sendMessage({ type: 'e2e:wake' }).catch(() => undefined));
    return withTimeout(waiting, 10_000, 'the service worker did not start again');
  }

  /** Stop the service worker the way Chrome does when it idles out; resolves once it is gone. */
  async stopServiceWorker(): Promise<void> {
    const probe = await this.probePage();
    const cdp = await this.context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // Playwright keeps the old Worker object around; evaluating in it would hang, so forget it now.
    this.worker = null;
    const deadline = Date.now() + 10_000;
    while (await this.workerTargetRunning()) {
      if (Date.now() > deadline) throw new Error('Timed out: the service worker did not stop.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Update the extension in place, as Chrome does when a new version arrives: reload it from its folder
   * (launch with `updatableFrom`; edit the folder first for a new version). Same id, same storage; the old
   * worker and extension pages go, a new worker starts. Resolves once the new worker runs.
   */
  async updateExtension(): Promise<Worker> {
    const browser = this.context.browser();
    if (!browser) throw new Error('No browser-level CDP session for this context.');
    const session = await browser.newBrowserCDPSession();
    const next = new Promise<Worker>((resolve) => this.workerWaiters.push(resolve));
    // The old worker is on its way out: never evaluate in it (the new one replaces it when it starts).
    this.worker = null;
    try {
      const { id } = await session.send('Extensions.loadUnpacked', { path: this.extensionDir });
      if (id !== this.extensionId) throw new Error(`The update loaded as another extension (${id}).`);
    } finally {
      await session.detach();
    }
    return withTimeout(next, 10_000, 'no new service worker after the update');
  }

  /** Whether Chromium lists a running service worker for the extension (browser-level CDP). */
  async workerTargetRunning(): Promise<boolean> {
    const browser = this.context.browser();
    if (!browser) throw new Error('No browser-level CDP session for this context.');
    const session = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[];
      };
      return targetInfos.some(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${this.extensionId}/`),
      );
    } finally {
      await session.detach();
    }
  }

  /** The toolbar badge text the extension set for a tab. */
  async badgeText(tabId: number): Promise<string> {
    return this.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /**
   * The worker's per-tab memory (storage.session) as JSON text. Tests only poll it as a sync point
   * ("the Pay click has been handled") before stopping the worker on purpose.
   */
  async sessionStateText(): Promise<string> {
    return JSON.stringify(await this.inExtension(() => chrome.storage.session.get(null)));
  }

  /** Send a protocol message the way the popup does (e.g. to configure the feed URL in setup). */
  async sendToBackground<T = unknown>(message: object): Promise<T> {
    return this.inExtension((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /** Launch, serve `feed` at FEED_URL and switch the extension to it, as a shopper would in Settings. */
  static async withFeed(feed: object, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
    const browser = await ExtensionBrowser.launch(options);
    try {
      browser.serveFeed(feed);
      await browser.useServedFeed();
      return browser;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Use the served test feed: save its URL in the settings and download it now. */
  async useServedFeed(): Promise<void> {
    await this.sendToBackground({ type: 'popup->background:save-settings', feedUrl: FEED_URL });
    await this.sendToBackground({ type: 'popup->background:refresh-feed' });
  }

  async openPopup(tabId: number): Promise<PopupPage> {
    const { page } = await this.newTab();
    const popup = new PopupPage(page, tabId);
    await page.goto(`chrome-extension://${this.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitRendered();
    return popup;
  }

  private probe: Page | null = null;

  /**
   * An extension page to run extension API calls in. Unlike the service worker it does not go away when
   * the worker is stopped, so tests never evaluate in a dead worker. It is the popup document, opened
   * without a tab: the popup then shows its "not on a shop page" state and sends nothing of interest.
   */
  private async probePage(): Promise<Page> {
    if (this.probe && !this.probe.isClosed()) return this.probe;
    const page = await this.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/src/popup/index.html?e2e-probe`);
    this.probe = page;
    return page;
  }

  private async inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const probe = await this.probePage();
    return (await probe.evaluate(fn as never, arg)) as R;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  private track(worker: Worker): void {
    worker.once('close', () => {
      if (this.worker === worker) this.worker = null;
    });
  }
}

/** An AliExpress tab, used like a shopper would: paste, type, click. */
export class ShopPage {
  private cdpSession: CDPSession | null = null;

  constructor(
    readonly browser: ExtensionBrowser,
    readonly page: Page,
    readonly tabId: number,
  ) {}

  async goto(url: string): Promise<void> {
    this.cdpSession = null;
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.waitReady();
  }

  /** Navigate to another saved page (checkout -> payment result), the way a click on Pay would. */
  async navigate(url: string, html: string): Promise<void> {
    this.browser.servePage(url, html);
    await this.goto(url);
  }

  /** Navigate this tab to another saved page (e.g. checkout -> payment result), with its cookies. */
  async navigateToFixture(name: string): Promise<void> {
    const fixture = loadPageFixture(name);
    await this.browser.setCookies(fixture.cookies);
    await this.navigate(fixture.url, fixture.html);
  }

  /**
   * The shopper moves the pointer over the page until the background holds a read of it: its record of the
   * tab names the page's URL. The content script reads nothing before the shopper's first move, and a move
   * made before it started listening is not seen, so the pointer keeps moving, as a shopper's does. (It
   * marks nothing on the page: an attribute on <html> cost the page a style recalculation.)
   */
  async waitReady(): Promise<void> {
    const url = this.page.url();
    const key = `tab:${this.tabId}`;
    const deadline = Date.now() + 15_000;
    for (let move = 0; ; move++) {
      const state = JSON.parse(await this.browser.sessionStateText()) as Record<
        string,
        { snapshot?: { url?: string } | null } | undefined
      >;
      if (state[key]?.snapshot?.url === url) return;
      if (Date.now() > deadline)
        throw new Error(
          `The background never read ${url}: is the URL in the manifest's content_scripts matches, and does ` +
            `the content script start?`,
        );
      await this.page.mouse.move(40 + (move % 8) * 10, 40);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** AliExpress's promo-code field, found the way a shopper would: by its placeholder or label. */
  promoInput(): ReturnType<Page['locator']> {
    return this.page
      .locator('input')
      .filter({ visible: true })
      .and(
        this.page.locator(
          'input[placeholder*="code" i], input[aria-label*="code" i], input[name*="code" i], input[id*="code" i], input[class*="code" i], input[class*="coupon" i]',
        ),
      )
      .first();
  }

  /** Copy `code` to the clipboard, focus the promo field and press Ctrl+V: a real paste event. */
  async pasteCode(code: string): Promise<void> {
    await this.page.evaluate((text) => navigator.clipboard.writeText(text), code);
    const input = this.promoInput();
    await input.click();
    await input.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.press('Control+V');
  }

  async typeCode(code: string): Promise<void> {
    const input = this.promoInput();
    await input.click();
    await input.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(code, { delay: 20 });
  }

  /** Click the button next to the promo field ("Apply"). */
  async clickApply(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^\s*apply\s*$/i })
      .first()
      .click();
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async cdp(): Promise<CDPSession> {
    this.cdpSession ??= await this.browser.context.newCDPSession(this.page);
    return this.cdpSession;
  }

  /** The in-page hint as a shopper sees it, or null when none is shown. Reads through the closed shadow root. */
  async hint(): Promise<HintView | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findNodes(root, (node) => attr(node, 'data-promo-code-doctor-hint') !== null)[0];
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    const text = textOf(shadow);
    const buttons = findNodes(shadow, (node) => node.nodeName === 'BUTTON').map((node) => ({
      text: textOf(node),
      label: attr(node, 'aria-label') ?? textOf(node),
      backendNodeId: node.backendNodeId,
    }));
    return new HintView(this, text, buttons, shadow.shadowRootType ?? 'unknown');
  }

  /** Wait until the hint shows text matching `pattern`; returns it. Fails with the last text seen. */
  async waitForHint(pattern: RegExp, timeout = 10_000): Promise<HintView> {
    const deadline = Date.now() + timeout;
    let last: HintView | null = null;
    while (Date.now() < deadline) {
      last = await this.hint();
      if (last && pattern.test(last.text)) return last;
      await this.page.waitForTimeout(100);
    }
    throw new Error(
      `Hint never matched ${pattern}; last hint: ${last ? JSON.stringify(last.text) : 'none shown'}`,
    );
  }

  /** Click an element inside the hint by its backend node id, with a real mouse click at its centre. */
  async clickNode(backendNodeId: number): Promise<void> {
    const cdp = await this.cdp();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** document.documentElement serialised without our hint host and ready marker: the page as AliExpress made it. */
  async pageDomWithoutOurs(): Promise<string> {
    return this.page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      for (const host of clone.querySelectorAll('[data-promo-code-doctor-hint]')) host.remove();
      // Form field values are state, not markup: include them so a changed cart or address would show.
      const values = [...document.querySelectorAll('input, textarea, select')].map(
        (field) => `${field.tagName}#${field.id}=${(field as HTMLInputElement).value}`,
      );
      return `${new XMLSerializer().serializeToString(clone)}\n${values.join('\n')}`;
    });
  }
}

export class HintView {
  constructor(
    private readonly shop: ShopPage,
    /** All visible text of the hint, whitespace collapsed. */
    readonly text: string,
    readonly buttons: readonly { text: string; label: string; backendNodeId: number }[],
    /** `closed` in the product: the page cannot reach into it. */
    readonly shadowRootType: string,
  ) {}

  async click(name: RegExp): Promise<void> {
    const button = this.buttons.find((b) => name.test(b.text) || name.test(b.label));
    if (!button)
      throw new Error(`No hint button ${name}; buttons: ${this.buttons.map((b) => b.text).join(', ')}`);
    await this.shop.clickNode(button.backendNodeId);
  }
}

/** The popup, opened as a tab for a given shop tab. */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly forTabId: number,
  ) {}

  async waitRendered(): Promise<void> {
    // Rendered = the app has content and is past its "Reading this tab…" placeholder.
    await this.page.waitForFunction(
      () => {
        const text = (document.querySelector('#app')?.textContent ?? '').trim();
        return text.length > 0 && !/Reading this tab/.test(text);
      },
      null,
      { timeout: 10_000 },
    );
  }

  async text(): Promise<string> {
    return collapse(await this.page.locator('body').innerText());
  }

  /** The verdict headline for the entered code. */
  async verdict(): Promise<string> {
    return collapse(await this.page.locator('.verdict').first().innerText());
  }

  /**
   * The checks as listed, top to bottom: name, status (from the row's class), all its text, and whether the
   * row sits in the folded "more checks passed" list under the main one.
   */
  async checks(): Promise<{ name: string; status: string; text: string; folded: boolean }[]> {
    const rows = this.page.locator('ol.checks > li');
    await rows.first().waitFor({ timeout: 10_000 });
    return rows.evaluateAll((items) =>
      items.map((item) => ({
        name: (item.querySelector('.check-name')?.textContent ?? '').trim(),
        status: (item.className.match(/check-(pass|fail|warn|unknown)/) ?? [])[1] ?? 'unknown',
        text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
        folded: item.closest('details') !== null,
      })),
    );
  }

  /** Open a folded section ("Settings", "Codes used on this account") as a shopper would: click its title. */
  async openSection(title: string): Promise<ReturnType<Page['locator']>> {
    const details = this.page
      .locator('details', { has: this.page.locator('summary', { hasText: title }) })
      .first();
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await details.locator('summary').first().click();
    }
    return details;
  }

  /** Codes listed as fitting this cart now, top (best) first. */
  async fittingCodes(): Promise<string[]> {
    const list = this.page.locator('.codes').first();
    await list.waitFor({ timeout: 10_000 });
    return list.locator('.code-text').allInnerTexts();
  }

  /** Click the Copy button for `code` (first one: the fix's, else the list's). */
  async copy(code: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`\\b${code}\\b`) })
      .filter({ hasText: /copy/i })
      .first()
      .click();
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
  contentDocument?: DomNode;
}

function attr(node: DomNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
}

function findNodes(node: DomNode, match: (node: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findNodes(child, match, out);
  if (node.contentDocument) findNodes(node.contentDocument, match, out);
  return out;
}

function textOf(node: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode): void => {
    if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return;
    if (n.nodeType === 3 && n.nodeValue) parts.push(n.nodeValue);
    for (const child of n.children ?? []) walk(child);
    if (n.nodeType === 1) parts.push(' ');
  };
  walk(node);
  return collapse(parts.join(''));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The date a shopper in the browser's zone (America/Los_Angeles, as launched) reads for `at`: "Nov 24, 2026". */
export function shopperDate(at: Date | number | string): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'America/Los_Angeles',
  }).format(new Date(at));
}
