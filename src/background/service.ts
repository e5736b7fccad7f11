/**
 * What the background does for each message that passed the door (`router.ts`). Storage is the truth: a
 * worker stopped between two messages loses nothing. What it keeps in memory (the tabs' latest records,
 * the catalog and history, the wording) only lets a paste be answered before the writes land.
 */
import type { Feed, PromoCode } from '../rules/schemas/catalog.ts';
import { CartSnapshotSchema, type CartSnapshot } from '../rules/schemas/snapshot.ts';
import { assembleSnapshot, withCapture } from '../shared/page-model/assemble.ts';
import { LIMITS, type PageRead, type PromoCaptureState, type ReadScope } from '../shared/page-model/raw.ts';
import { identifyPage } from '../shared/page-model/page-kind.ts';
import manifest from '../../manifest.json' with { type: 'json' };
import {
  callPageReader,
  MAIN_CONTENT_SCRIPT,
  PAGE_READER_GLOBAL,
  PAGE_READER_WAIT_MS,
} from '../shared/page-reader.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../rules/schemas/history.ts';
import type { Catalog } from '../rules/schemas/catalog.ts';
import type { Diagnosis, MatchingCodes } from '../rules/types.ts';
import {
  PageReadSchema,
  type ActionReply,
  type FeedStatus,
  type HintModel,
  type SnapshotTrigger,
  type TabState,
} from '../shared/protocol.ts';
import type { Messages } from '../rules/index.ts';
import { badgeFor, showBadge, NO_BADGE } from './badge.ts';
import type { BrowserLike } from './browser-like.ts';
import type { RulesEngine } from './engine.ts';
import { FeedService, type FeedLimits } from './feed.ts';
import { hintFor, realFitting } from './hint.ts';
import { accountIdOf, normaliseCode, usageFromOrder, withCodeMarked, withOrderRecorded } from './orders.ts';
import { MAX_MY_CODES, type LocalData } from './storage/schemas.ts';
import { Store, UNCHANGED, type WriteResult } from './storage/store.ts';
import {
  nextTabRecord,
  tabKey,
  TabRecordSchema,
  withoutSnapshot,
  type PendingOrder,
  type TabRecord,
} from './tab-state.ts';
import { uiLabels } from './ui-labels.ts';
import { accountHistory, PopupCache, popupWording } from './popup-view.ts';

export interface BackgroundDeps {
  readonly browser: BrowserLike;
  readonly engine: RulesEngine;
  /** The feed shipped inside the extension: the offline default. */
  readonly bundledFeed: Feed;
  readonly now?: () => Date;
  readonly feedLimits?: FeedLimits;
}

/** Triggers that come from the shopper working the promo field: they get a hint back. */
const HINT_TRIGGERS: ReadonlySet<SnapshotTrigger> = new Set(['promo-input', 'apply-click']);

/** How long the popup waits for the tab to read its lines before it shows what the background has. */
export const PAGE_REQUEST_TIMEOUT_MS = 400;

/** AliExpress's region, currency and member-id cookie: the only cookie the extension reads. */
const REGION_COOKIE = 'aep_usuc_f';

/** The pages the content script runs on, as the manifest names them: `tabs.query` finds open ones. */
const SHOP_PAGE_PATTERNS = manifest.content_scripts.flatMap((script) => script.matches);

/** The pages our content script runs on (the manifest's matches): the only tabs the background reads. */
function isShopPage(url: string): boolean {
  const { pageKind } = identifyPage(url);
  return pageKind === 'cart' || pageKind === 'checkout' || pageKind === 'order-placed';
}

interface EvaluationInputs {
  readonly catalog: Catalog;
  readonly history: UsageEntry[];
}

interface Evaluation {
  readonly diagnosis: Diagnosis | null;
  readonly matches: MatchingCodes | null;
}

function replyOf(result: WriteResult): ActionReply {
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

function isCartOrCheckout(snapshot: CartSnapshot | null): snapshot is CartSnapshot {
  return snapshot !== null && (snapshot.pageKind === 'cart' || snapshot.pageKind === 'checkout');
}

export class BackgroundService {
  readonly store: Store;
  readonly feed: FeedService;
  private readonly now: () => Date;
  /** The last merged catalog and what it was merged from (memory only: rebuilt after a worker restart). */
  private catalogMemo: {
    readonly remote: Feed | null;
    readonly mineKey: string;
    readonly catalog: Catalog;
  } | null = null;
  /**
   * Each tab's record as this worker last wrote it, in the order messages arrived: a paste is answered
   * from it at once, while the same change is written to storage.session behind it.
   */
  private readonly recentTabs = new Map<number, TabRecord>();
  /** Catalog and history as of `version` (`Store.localVersion`): still current while no write happened. */
  private inputsMemo: (EvaluationInputs & { readonly version: number }) | null = null;
  private readonly wording = new Map<string, Messages>();
  private readonly popupCache = new PopupCache();
  /** Writes behind an answer already given, per tab: the popup waits for them before it reads the tab. */
  private readonly settling = new Map<number, Promise<unknown>>();
  /** Each tab's region cookie as read when its page loaded: a paste is not kept waiting for the cookie store. */
  private readonly regionCookies = new Map<number, string | null>();

  constructor(private readonly deps: BackgroundDeps) {
    this.now = deps.now ?? (() => new Date());
    this.store = new Store(deps.browser.storage.local, deps.browser.storage.session, { now: this.now });
    const limits = deps.feedLimits ? { limits: deps.feedLimits } : {};
    this.feed = new FeedService(deps.browser, this.store, { now: this.now, ...limits });
  }

  /**
   * A page read from tab `tabId`: assembled into a snapshot here (the content script carries no parser),
   * at the URL the browser reported for the sender rather than the one the message claims.
   */
  async onPageRead(
    tabId: number,
    pageUrl: string,
    trigger: SnapshotTrigger,
    page: PageRead,
  ): Promise<HintModel | null> {
    // The content script reads no cookie (it would cost the page's main thread): the region comes from here.
    const cookie = (await this.regionCookie(tabId, pageUrl, trigger === 'load')) ?? page.cookie;
    const assembled = CartSnapshotSchema.safeParse(assembleSnapshot({ ...page, url: pageUrl, cookie }));
    if (!assembled.success) {
      console.warn(
        '[promo-code-doctor] a page read gave no valid snapshot',
        assembled.error.issues.slice(0, 3),
      );
      return null;
    }
    return this.onSnapshot(tabId, pageUrl, trigger, assembled.data);
  }

  /**
   * A paste or keystroke in tab `tabId`'s promo field: the code applied to the tab's latest snapshot (the
   * content script does not re-read the page for it). Null while the tab has no snapshot of that page yet.
   */
  async onPromoInput(tabId: number, pageUrl: string, capture: PromoCaptureState): Promise<HintModel | null> {
    // No URL check: AliExpress may rewrite the query (replaceState) after the last read; a navigation
    // clears the snapshot (onTabLoading) and SPA changes are re-read through the observer.
    return this.onSnapshot(tabId, pageUrl, 'promo-input', (previous) =>
      previous ? withCapture(previous, capture) : null,
    );
  }

  /**
   * A snapshot of tab `tabId` (whose URL the browser reported as `pageUrl`), or a change to the tab's
   * latest one (null: nothing to change). A paste or Apply is answered from memory when the worker holds
   * the tab's record and current catalog (one frame matters there: issue 8); the writes and the badge
   * follow. Otherwise, and for everything else, the answer comes after the writes.
   */
  async onSnapshot(
    tabId: number,
    pageUrl: string,
    trigger: SnapshotTrigger,
    change: CartSnapshot | ((previous: CartSnapshot | null) => CartSnapshot | null),
  ): Promise<HintModel | null> {
    const now = this.now();
    const remembered = this.recentTabs.get(tabId);
    let quick: HintModel | null | undefined;
    if (remembered !== undefined) {
      const snapshot = typeof change === 'function' ? change(remembered.snapshot) : change;
      if (snapshot) {
        const record = nextTabRecord(remembered, snapshot, pageUrl, trigger, now);
        this.recentTabs.set(tabId, record);
        if (HINT_TRIGGERS.has(trigger)) quick = this.quickHint(record, now);
      }
    }
    const settled = this.settle(tabId, pageUrl, trigger, change, now, remembered === undefined);
    if (quick === undefined) return settled;
    const behind = settled.catch((error: unknown) =>
      console.warn('[promo-code-doctor] tab update failed', tabId, error),
    );
    this.settling.set(tabId, behind);
    void behind.then(() => {
      if (this.settling.get(tabId) === behind) this.settling.delete(tabId);
    });
    return quick;
  }

  /** The hint from memory alone, or undefined when the catalog and history must be read first. */
  private quickHint(record: TabRecord, now: Date): HintModel | null | undefined {
    const inputs = this.inputsMemo;
    if (inputs === null || inputs.version !== this.store.localVersion) return undefined;
    return this.hint(record, inputs, now);
  }

  private hint(record: TabRecord, inputs: EvaluationInputs, now: Date): HintModel | null {
    return this.hintFrom(this.evaluate(record, inputs.catalog, inputs.history, now), inputs.catalog);
  }

  /** The hint for an evaluation, in the browser's language; null without a diagnosis. */
  private hintFrom({ diagnosis, matches }: Evaluation, catalog: Catalog): HintModel | null {
    if (diagnosis === null) return null;
    const language = this.deps.browser.i18n.getUILanguage();
    return hintFor(diagnosis, matches, catalog, this.messages(language), uiLabels(language));
  }

  /**
   * Writes the change to storage.session (queued before any await, so the writer sees this tab's snapshots
   * in the order they arrived and a payment result never overtakes the Pay click before it), records an
   * order, sets the badge, and returns the hint for a paste or Apply.
   */
  private async settle(
    tabId: number,
    pageUrl: string,
    trigger: SnapshotTrigger,
    change: CartSnapshot | ((previous: CartSnapshot | null) => CartSnapshot | null),
    now: Date,
    remember: boolean,
  ): Promise<HintModel | null> {
    let record: TabRecord | null = null;
    let snapshot = typeof change === 'function' ? null : change;
    let previousPending: PendingOrder | null = null;
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (previous) => {
      if (typeof change === 'function') snapshot = change(previous?.snapshot ?? null);
      if (!snapshot) return UNCHANGED;
      previousPending = previous?.pendingOrder ?? null;
      record = nextTabRecord(previous, snapshot, pageUrl, trigger, now);
      // In queue order, so a later message that found the tab in memory is never overwritten.
      if (remember) this.recentTabs.set(tabId, record);
      return record;
    });
    if (!snapshot) return null;
    await this.recordOrder(tabId, previousPending, snapshot, now);
    // The session write may have failed (quota): the answer still describes this snapshot.
    const current = record ?? nextTabRecord(null, snapshot, pageUrl, trigger, now);

    const inputs = await this.evaluationInputs();
    const evaluation = this.evaluate(current, inputs.catalog, inputs.history, now);
    await showBadge(
      this.deps.browser.action,
      tabId,
      this.badge(current.snapshot, evaluation.diagnosis, evaluation.matches),
    );
    if (HINT_TRIGGERS.has(trigger)) return this.hintFrom(evaluation, inputs.catalog);
    // Worded now, so the first paste on this page is not the one that pays for building the formatters,
    // and the popup's stored data read now, so opening the popup does not wait for storage.
    this.messages(this.deps.browser.i18n.getUILanguage());
    await Promise.all([this.popupCache.local(this.store), this.popupCache.notices(this.store)]);
    return null;
  }

  /**
   * Tab `tabId` completed loading. A payment result is read now (its order must be recorded even when the
   * shopper only glances at it). A cart or checkout reads itself at the shopper's first move on the page,
   * so its load has the main thread to itself (issue 8); meanwhile the worker gets what that read and the
   * first paste will need: the region cookie, the codes and history, the wording.
   */
  async onTabComplete(tabId: number, pageUrl: string): Promise<void> {
    const { pageKind } = identifyPage(pageUrl);
    if (pageKind === 'order-placed') await this.readSummary(tabId, pageUrl);
    else if (pageKind === 'cart' || pageKind === 'checkout') {
      await Promise.all([this.regionCookie(tabId, pageUrl, true), this.evaluationInputs()]);
      this.messages(this.deps.browser.i18n.getUILanguage());
    }
  }

  /**
   * The worker started: take the shop tabs that completed loading before it listened as if their loading
   * completed now, so a payment result shown meanwhile still has its order recorded. Tabs the worker
   * already knows (a record in storage.session) are left alone.
   */
  async readOpenTabs(): Promise<void> {
    const tabs = await this.deps.browser.tabs.query({ url: SHOP_PAGE_PATTERNS, status: 'complete' });
    await Promise.all(
      tabs.map(async ({ id, url }) => {
        if (id === undefined || url === undefined || (await this.tabRecord(id))?.snapshot) return;
        await this.onTabComplete(id, url);
      }),
    );
  }

  /** Read the summary of a tab in its next idle period, and take the read in like any other. */
  private async readSummary(tabId: number, pageUrl: string): Promise<void> {
    const page = await this.readTab(tabId, { lines: false }, PAGE_READER_WAIT_MS, true);
    if (page) await this.onPageRead(tabId, pageUrl, 'load', page);
  }

  /**
   * The popup opened on tab `tabId`: when the background has no read of the tab yet (the shopper has not
   * moved on the page) or its snapshot has no cart lines (the content script reads them on demand), read
   * the whole page and take it in before answering. A tab that does not answer in time keeps what the
   * background has.
   */
  private async readWholePage(tabId: number): Promise<void> {
    await this.settling.get(tabId);
    const record = await this.tabRecord(tabId);
    const snapshot = record?.snapshot ?? null;
    if (record?.snapshot && (!isCartOrCheckout(snapshot) || snapshot.lines.known)) return;
    // With no record, the tab may be any page: only a cart or checkout is read.
    const pageUrl = record?.pageUrl ?? (await this.deps.browser.tabs.get(tabId).catch(() => null))?.url ?? '';
    if (!isShopPage(pageUrl)) return;
    const page = await this.readTab(tabId, { lines: true }, PAGE_REQUEST_TIMEOUT_MS);
    if (page) await this.onPageRead(tabId, pageUrl, 'popup-open', page);
  }

  /**
   * The small content script in tab `tabId` asks for the main one (the shopper moved, pasted or clicked),
   * or the background is about to read the tab: inject it into the top frame, where the manifest's content
   * script runs. Injected twice, it starts once (src/content/main.ts).
   */
  async startMainScript(tabId: number): Promise<void> {
    await this.deps.browser.scripting
      .executeScript({ target: { tabId, frameIds: [0] }, files: [MAIN_CONTENT_SCRIPT] })
      .catch(() => undefined);
  }

  /**
   * A read of the tab's top frame through the reader our content script offers there (`whenIdle`: in the
   * page's next idle period); null when there is none within `waitMs`, or its answer is not a page read.
   */
  private async readTab(
    tabId: number,
    scope: ReadScope,
    waitMs: number,
    whenIdle = false,
  ): Promise<PageRead | null> {
    await this.startMainScript(tabId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const results = await Promise.race([
      this.deps.browser.scripting
        .executeScript({
          target: { tabId, frameIds: [0] },
          func: callPageReader,
          args: [PAGE_READER_GLOBAL, scope, waitMs, whenIdle],
        })
        .catch(() => null),
      // The tab's own wait, plus a margin for the round trip: a tab that hangs must not hang the worker.
      new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs + 250, null))),
    ]);
    clearTimeout(timer);
    const page = PageReadSchema.safeParse(results?.[0]?.result);
    return page.success ? page.data : null;
  }

  /**
   * The tab's region cookie through the cookies API (`fresh`: read it again, as on a page load), or
   * undefined when the API cannot say.
   */
  private async regionCookie(
    tabId: number,
    pageUrl: string,
    fresh: boolean,
  ): Promise<string | null | undefined> {
    if (!fresh && this.regionCookies.has(tabId)) return this.regionCookies.get(tabId);
    try {
      const cookie = await this.deps.browser.cookies.get({ url: pageUrl, name: REGION_COOKIE });
      const value = cookie && cookie.value.length <= LIMITS.cookie ? cookie.value : null;
      this.regionCookies.set(tabId, value);
      return value;
    } catch {
      return undefined;
    }
  }

  async getTabState(tabId: number): Promise<TabState> {
    await this.readWholePage(tabId);
    const now = this.now();
    const [record, inputs, local, notices] = await Promise.all([
      this.tabRecord(tabId),
      this.evaluationInputs(),
      this.popupCache.local(this.store),
      this.popupCache.notices(this.store),
    ]);
    const language = this.deps.browser.i18n.getUILanguage();
    const key = { record, inputs, myCodes: local.myCodes, language };
    const { tab, reused } = this.popupCache.evaluation(tabId, key, now, () => {
      const { diagnosis, matches } = this.evaluate(record, inputs.catalog, inputs.history, now);
      const snapshot = record?.snapshot ?? null;
      const accountId = snapshot ? accountIdOf(snapshot) : UNKNOWN_ACCOUNT;
      const wording = popupWording(
        { snapshot, diagnosis, matches, myCodes: local.myCodes },
        inputs.catalog,
        this.messages(language),
      );
      return {
        snapshot,
        diagnosis,
        matches,
        accountId,
        history: accountHistory(inputs.history, accountId),
        wording,
      };
    });
    // History or codes may have changed since the last snapshot: keep the badge in step with the popup
    // (a reused evaluation has set it already). Not awaited: the popup is not kept waiting for the toolbar.
    if (!reused)
      void showBadge(
        this.deps.browser.action,
        tabId,
        this.badge(record?.snapshot ?? null, tab.diagnosis, tab.matches),
      );
    const labels = uiLabels(language);
    return {
      tabId,
      ...tab,
      myCodes: local.myCodes,
      feed: this.feedStatus(local),
      settings: local.settings,
      notices: notices.map((notice) => labels.notice(notice)),
    };
  }

  async setCodeUsed(accountId: string, code: string, used: boolean): Promise<ActionReply> {
    const exact = normaliseCode(code);
    if (exact === null) return { ok: false, error: 'not a code' };
    const now = this.now();
    return replyOf(
      await this.store.update(
        'history',
        (history) => withCodeMarked(history, accountId, exact, used, now) ?? UNCHANGED,
      ),
    );
  }

  async addCode(promo: PromoCode): Promise<ActionReply> {
    const result = await this.store.update('myCodes', (codes) => {
      const others = codes.filter((existing) => existing.code !== promo.code);
      return [...others, promo].slice(-MAX_MY_CODES);
    });
    return replyOf(result);
  }

  async removeCode(code: string): Promise<ActionReply> {
    return replyOf(
      await this.store.update('myCodes', (codes) =>
        codes.some((existing) => existing.code === code)
          ? codes.filter((existing) => existing.code !== code)
          : UNCHANGED,
      ),
    );
  }

  async refreshFeed(): Promise<ActionReply> {
    return { ok: true, attempt: await this.feed.refresh() };
  }

  /** A new feed URL is tried at once, so the popup shows whether it works. */
  async saveSettings(feedUrl: string): Promise<ActionReply> {
    let changed = false;
    const saved = await this.store.update('settings', (settings) => {
      changed = settings.feedUrl !== feedUrl;
      return changed ? { ...settings, feedUrl } : UNCHANGED;
    });
    if (!saved.ok) return replyOf(saved);
    if (changed && feedUrl !== '') return { ok: true, attempt: await this.feed.refresh() };
    return { ok: true };
  }

  async dismissNotices(): Promise<ActionReply> {
    return replyOf(await this.store.clearNotices());
  }

  async onTabRemoved(tabId: number): Promise<void> {
    this.recentTabs.delete(tabId);
    this.regionCookies.delete(tabId);
    await this.store.removeSession(tabKey(tabId));
  }

  /** The tab started loading another page: until it is read again, we know nothing of it. */
  async onTabLoading(tabId: number): Promise<void> {
    this.recentTabs.delete(tabId);
    this.regionCookies.delete(tabId);
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (record) =>
      record?.snapshot ? withoutSnapshot(record) : UNCHANGED,
    );
    await showBadge(this.deps.browser.action, tabId, NO_BADGE);
  }

  /** The tab's record: this worker's latest, else storage's (after a worker restart). */
  private async tabRecord(tabId: number): Promise<TabRecord | null> {
    return this.recentTabs.get(tabId) ?? this.store.readSession(tabKey(tabId), TabRecordSchema);
  }

  /** Catalog and history, from memory while no write to storage.local happened since they were read. */
  private async evaluationInputs(): Promise<EvaluationInputs> {
    const version = this.store.localVersion;
    const memo = this.inputsMemo;
    if (memo?.version === version) return memo;
    const [catalog, history] = await Promise.all([this.catalog(), this.store.read('history')]);
    if (this.store.localVersion === version) this.inputsMemo = { version, catalog, history };
    return { catalog, history };
  }

  /** The engine's wording for `language`, built once: its number and list formatters are slow to make. */
  private messages(language: string): Messages {
    let messages = this.wording.get(language);
    if (!messages) {
      messages = this.deps.engine.createMessages(language);
      this.wording.set(language, messages);
    }
    return messages;
  }

  /** Bundled feed + the last good remote feed (if it came from the URL now set) + the shopper's codes. */
  private async catalog(): Promise<Catalog> {
    const [cache, settings, mine] = await Promise.all([
      this.store.read('feedCache'),
      this.store.read('settings'),
      this.store.read('myCodes'),
    ]);
    const remote = cache && settings.feedUrl !== '' && cache.url === settings.feedUrl ? cache.feed : null;
    // The engine indexes a catalog once per object; hand it the same object while the sources are unchanged.
    const mineKey = JSON.stringify(mine);
    const memo = this.catalogMemo;
    if (memo && memo.remote === remote && memo.mineKey === mineKey) return memo.catalog;
    const catalog = this.deps.engine.mergeCatalog(this.deps.bundledFeed, remote, mine);
    this.catalogMemo = { remote, mineKey, catalog };
    return catalog;
  }

  private evaluate(record: TabRecord | null, catalog: Catalog, history: UsageEntry[], now: Date): Evaluation {
    const snapshot = record?.snapshot ?? null;
    if (!isCartOrCheckout(snapshot)) return { diagnosis: null, matches: null };
    const { engine } = this.deps;
    const matches = engine.matchingCodes(snapshot, catalog, history, now);
    const diagnosis = record?.enteredCode
      ? engine.diagnose(snapshot, record.enteredCode, catalog, history, now)
      : null;
    return { diagnosis, matches };
  }

  private badge(snapshot: CartSnapshot | null, diagnosis: Diagnosis | null, matches: MatchingCodes | null) {
    const real = matches ? { ...matches, fitting: realFitting(matches) } : null;
    return badgeFor(snapshot, diagnosis, real);
  }

  /**
   * Payment result after a Pay with a code in this tab: the code is used on that account. The pending
   * order is cleared only after the history write, and that write skips an order already recorded, so a
   * worker stopped in between (or a second snapshot of the result page) records it exactly once.
   */
  private async recordOrder(
    tabId: number,
    pending: PendingOrder | null,
    snapshot: CartSnapshot,
    now: Date,
  ): Promise<void> {
    const entry = usageFromOrder(pending, snapshot, now);
    if (entry === null || pending === null) return;
    const recorded = await this.store.update(
      'history',
      (history) => withOrderRecorded(history, entry, pending) ?? UNCHANGED,
    );
    if (!recorded.ok) return;
    this.recentTabs.delete(tabId);
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (record) =>
      record?.pendingOrder?.at === pending.at ? { ...record, pendingOrder: null } : UNCHANGED,
    );
  }

  private feedStatus(data: Pick<LocalData, 'settings' | 'feedCache' | 'feedStatus'>): FeedStatus {
    const { feedCache, settings } = data;
    const remote =
      feedCache && settings.feedUrl !== '' && feedCache.url === settings.feedUrl ? feedCache.feed : null;
    const active = remote ?? this.deps.bundledFeed;
    return {
      activeSource: remote ? 'remote-feed' : 'bundled',
      publisher: active.publisher,
      generatedAt: active.generatedAt,
      codeCount: active.codes.length,
      feedUrl: settings.feedUrl,
      lastAttempt: data.feedStatus,
    };
  }
}
