/**
 * A background started over a fake browser with the real rule engine, and a clock the test moves.
 * `restart()` models the MV3 worker being stopped: a new instance over the same storage, nothing else kept.
 */
import { vi } from 'vitest';
import { startBackground } from '../../src/background/start.ts';
import type { BackgroundService } from '../../src/background/service.ts';
import type { SenderLike } from '../../src/background/browser-like.ts';
import { createMessages, diagnose, matchingCodes, mergeCatalog } from '../../src/rules/index.ts';
import type { Feed } from '../../src/rules/schemas/catalog.ts';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import type { PageRead } from '../../src/shared/page-model/raw.ts';
import {
  CONTENT_TO_BACKGROUND,
  POPUP_TO_BACKGROUND,
  type HintModel,
  type SnapshotTrigger,
  type TabState,
} from '../../src/shared/protocol.ts';
import { createFakeBrowser, senders, type FakeBrowser, type FakeStorageArea } from './fake-browser.ts';
import { BUNDLED_TEST_FEED, CHECKOUT_URL, pastedMessage } from './builders.ts';

export const realEngine = { diagnose, matchingCodes, mergeCatalog, createMessages };

export interface Harness {
  readonly browser: FakeBrowser;
  readonly service: BackgroundService;
  clock: Date;
  /** Delivers a message as the browser would, to the one registered listener. */
  send(message: unknown, sender: SenderLike): Promise<unknown> | undefined;
  /**
   * A snapshot straight to the service, past the door: journeys are written in snapshots (what the page
   * said), and the door with its page-read assembly is tested on its own in router.test.ts.
   */
  snapshot(tabId: number, trigger: SnapshotTrigger, snapshot: CartSnapshot): Promise<unknown>;
  /** A page read as the content script sends it, through the router from that tab. */
  pageRead(tabId: number, trigger: SnapshotTrigger, page: PageRead): Promise<unknown>;
  /** A paste of `code` as the content script sends it once the background holds the page (the code alone). */
  paste(tabId: number, code: string): Promise<HintModel | null>;
  tabState(tabId: number): Promise<TabState>;
  restart(): Harness;
}

export interface HarnessOptions {
  readonly local?: FakeStorageArea;
  readonly session?: FakeStorageArea;
  readonly uiLanguage?: string;
  readonly clock?: Date;
  readonly bundledFeed?: Feed;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const browser = createFakeBrowser(options);
  const harness: Harness = {
    browser,
    clock: options.clock ?? new Date('2026-11-24T18:00:00Z'),
    service: undefined as unknown as BackgroundService,
    send(message, sender) {
      const listener = browser.messageListeners[0];
      if (!listener) throw new Error('no message listener registered');
      return listener(message, sender);
    },
    snapshot(tabId, trigger, snapshot) {
      return harness.service.onSnapshot(tabId, snapshot.url, trigger, snapshot);
    },
    async pageRead(tabId, trigger, page) {
      return harness.send(
        { type: CONTENT_TO_BACKGROUND.page, trigger, page },
        senders.contentScript(tabId, page.url),
      );
    },
    async paste(tabId, code) {
      return (await harness.send(
        pastedMessage(code),
        senders.contentScript(tabId, CHECKOUT_URL),
      )) as HintModel | null;
    },
    async tabState(tabId) {
      return (await harness.send(
        { type: POPUP_TO_BACKGROUND.getTabState, tabId },
        senders.popup(),
      )) as TabState;
    },
    restart() {
      return createHarness({
        ...options,
        local: browser.storage.local,
        session: browser.storage.session,
        clock: harness.clock,
      });
    },
  };
  (harness as { service: BackgroundService }).service = startBackground({
    browser,
    engine: realEngine,
    bundledFeed: options.bundledFeed ?? BUNDLED_TEST_FEED,
    now: () => harness.clock,
    feedLimits: { maxBytes: 64 * 1024, timeoutMs: 200 },
  });
  return harness;
}

/** Silences and records the warnings the door logs for ignored messages. */
export function quietWarnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}
