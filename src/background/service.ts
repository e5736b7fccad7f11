/**
 * What the background does for each message that passed the door (`router.ts`). Holds nothing in memory
 * that matters: every call reads storage, so a worker stopped between two messages loses nothing.
 */
import type { Feed, PromoCode } from '../rules/schemas/catalog.ts';
import { CartSnapshotSchema, type CartSnapshot } from '../rules/schemas/snapshot.ts';
import { assembleSnapshot, withCapture } from '../shared/page-model/assemble.ts';
import type { PageRead, PromoCaptureState } from '../shared/page-model/raw.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../rules/schemas/history.ts';
import type { Catalog } from '../rules/schemas/catalog.ts';
import type { Diagnosis, MatchingCodes } from '../rules/types.ts';
import type { ActionReply, FeedStatus, HintModel, SnapshotTrigger, TabState } from '../shared/protocol.ts';
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
import { accountHistory, popupWording } from './popup-view.ts';

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
    const assembled = CartSnapshotSchema.safeParse(assembleSnapshot({ ...page, url: pageUrl }));
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
   * latest one (null: nothing to change).
   */
  async onSnapshot(
    tabId: number,
    pageUrl: string,
    trigger: SnapshotTrigger,
    change: CartSnapshot | ((previous: CartSnapshot | null) => CartSnapshot | null),
  ): Promise<HintModel | null> {
    const now = this.now();
    // Queued before any await: the writer then sees this tab's snapshots in the order they arrived, so a
    // payment result can never overtake the Pay click that preceded it.
    let record: TabRecord | null = null;
    let snapshot = typeof change === 'function' ? null : change;
    let previousPending: PendingOrder | null = null;
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (previous) => {
      if (typeof change === 'function') snapshot = change(previous?.snapshot ?? null);
      if (!snapshot) return UNCHANGED;
      previousPending = previous?.pendingOrder ?? null;
      record = nextTabRecord(previous, snapshot, pageUrl, trigger, now);
      return record;
    });
    if (!snapshot) return null;
    await this.recordOrder(tabId, previousPending, snapshot, now);
    // The session write may have failed (quota): the answer still describes this snapshot.
    const current = record ?? nextTabRecord(null, snapshot, pageUrl, trigger, now);

    const [catalog, history] = await Promise.all([this.catalog(), this.store.read('history')]);
    const { diagnosis, matches } = this.evaluate(current, catalog, history, now);
    await showBadge(this.deps.browser.action, tabId, this.badge(current.snapshot, diagnosis, matches));

    if (!HINT_TRIGGERS.has(trigger) || diagnosis === null) return null;
    const language = this.deps.browser.i18n.getUILanguage();
    return hintFor(
      diagnosis,
      matches,
      catalog,
      this.deps.engine.createMessages(language),
      uiLabels(language),
    );
  }

  async getTabState(tabId: number): Promise<TabState> {
    const now = this.now();
    const [record, catalog, data, notices] = await Promise.all([
      this.store.readSession(tabKey(tabId), TabRecordSchema),
      this.catalog(),
      this.readLocal(),
      this.store.notices(),
    ]);
    const { diagnosis, matches } = this.evaluate(record, catalog, data.history, now);
    // History or codes may have changed since the last snapshot: keep the badge in step with the popup.
    await showBadge(
      this.deps.browser.action,
      tabId,
      this.badge(record?.snapshot ?? null, diagnosis, matches),
    );
    const snapshot = record?.snapshot ?? null;
    const accountId = snapshot ? accountIdOf(snapshot) : UNKNOWN_ACCOUNT;
    const language = this.deps.browser.i18n.getUILanguage();
    const labels = uiLabels(language);
    return {
      tabId,
      snapshot,
      diagnosis,
      matches,
      accountId,
      history: accountHistory(data.history, accountId),
      myCodes: data.myCodes,
      feed: this.feedStatus(data),
      settings: data.settings,
      notices: notices.map((notice) => labels.notice(notice)),
      wording: popupWording(
        { snapshot, diagnosis, matches, myCodes: data.myCodes },
        catalog,
        this.deps.engine.createMessages(language),
      ),
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
    await this.store.removeSession(tabKey(tabId));
  }

  /** The tab started loading another page: until its content script reports, we know nothing of it. */
  async onTabLoading(tabId: number): Promise<void> {
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (record) =>
      record?.snapshot ? withoutSnapshot(record) : UNCHANGED,
    );
    await showBadge(this.deps.browser.action, tabId, NO_BADGE);
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
    await this.store.updateSession(tabKey(tabId), TabRecordSchema, (record) =>
      record?.pendingOrder?.at === pending.at ? { ...record, pendingOrder: null } : UNCHANGED,
    );
  }

  private async readLocal(): Promise<
    Pick<LocalData, 'history' | 'myCodes' | 'settings' | 'feedCache' | 'feedStatus'>
  > {
    const [history, myCodes, settings, feedCache, feedStatus] = await Promise.all([
      this.store.read('history'),
      this.store.read('myCodes'),
      this.store.read('settings'),
      this.store.read('feedCache'),
      this.store.read('feedStatus'),
    ]);
    return { history, myCodes, settings, feedCache, feedStatus };
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
