/**
 * An in-memory stand-in for the slice of `browser` the background uses (`BrowserLike`). Storage keeps the
 * real semantics that matter: every call is async, values are copied in and out (structured clone, as
 * the browser serialises them), `get(null)` returns everything. Badges and alarms are recorded so tests
 * can assert what the shopper would see in the toolbar.
 */
import type {
  AlarmLike,
  BrowserLike,
  MessageListener,
  SenderLike,
  StorageAreaLike,
} from '../../src/background/browser-like.ts';
import { PAGE_READER_GLOBAL } from '../../src/shared/page-reader.ts';
import type { ReadScope } from '../../src/shared/page-model/raw.ts';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  /** When set, `set` rejects with this error (e.g. a quota error) instead of writing. */
  failWrites: Error | null = null;
  writes = 0;

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    await Promise.resolve();
    const wanted =
      keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve();
    if (this.failWrites) throw this.failWrites;
    this.writes += 1;
    // The browser stores JSON-compatible data: clone first so a later change to `items` leaks nothing.
    for (const [key, value] of Object.entries(structuredClone(items))) this.data.set(key, value);
  }

  async remove(keys: string | string[]): Promise<void> {
    await Promise.resolve();
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  /** Synchronous peek for assertions. */
  peek(key: string): unknown {
    return structuredClone(this.data.get(key));
  }

  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.data));
  }
}

class FakeEvent<Listener> {
  readonly listeners: Listener[] = [];
  addListener(listener: Listener): void {
    this.listeners.push(listener);
  }
}

export interface FakeBrowserOptions {
  readonly local?: FakeStorageArea;
  readonly session?: FakeStorageArea;
  readonly uiLanguage?: string;
  readonly fetch?: typeof fetch;
}

export interface FakeBrowser extends BrowserLike {
  readonly storage: { readonly local: FakeStorageArea; readonly session: FakeStorageArea };
  /** The badge per tab: the last text and colour set. */
  readonly badges: Map<number, { text: string; color: string }>;
  readonly alarmsCreated: { name: string; info: { periodInMinutes?: number; delayInMinutes?: number } }[];
  readonly messageListeners: MessageListener[];
  readonly tabRemovedListeners: ((tabId: number) => void)[];
  readonly tabUpdatedListeners: Parameters<BrowserLike['tabs']['onUpdated']['addListener']>[0][];
  readonly alarmListeners: ((alarm: AlarmLike) => void)[];
  fetchImpl: typeof fetch;
  /**
   * The reader each tab's content script offers (`offerPageReader`). `scripting.executeScript` runs the
   * background's function with it in place; in a tab without one, the function's wait runs out (null).
   */
  readonly pageReaders: Map<number, (scope: ReadScope) => unknown>;
  /** Every `scripting.executeScript` of a function (a read), in order. */
  readonly executed: { tabId: number; args: unknown[] }[];
  /** Every `scripting.executeScript` of files (the main content script), in order. */
  readonly injected: { tabId: number; files: string[] }[];
  /** The open tabs `tabs.query` and `tabs.get` know: id -> URL (the query's URL patterns are not applied). */
  readonly openTabs: Map<number, string>;
  /** Every `tabs.query`, in order. */
  readonly tabQueries: Parameters<BrowserLike['tabs']['query']>[0][];
  /** The browser's cookie jar for AliExpress: name -> value. */
  readonly cookieJar: Map<string, string>;
}

const noNetwork: typeof fetch = () => Promise.reject(new TypeError('no network in unit tests'));

/**
 * A fresh fake browser. Pass the storage areas of an earlier one to model the worker being stopped and
 * started again: storage survives, everything in memory does not.
 */
export function createFakeBrowser(options: FakeBrowserOptions = {}): FakeBrowser {
  const onMessage = new FakeEvent<MessageListener>();
  const onRemoved = new FakeEvent<(tabId: number) => void>();
  const onUpdated = new FakeEvent<Parameters<BrowserLike['tabs']['onUpdated']['addListener']>[0]>();
  const onAlarm = new FakeEvent<(alarm: AlarmLike) => void>();
  const badges = new Map<number, { text: string; color: string }>();
  const alarms = new Map<string, AlarmLike>();
  const alarmsCreated: FakeBrowser['alarmsCreated'] = [];
  const browser: FakeBrowser = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`,
      onMessage,
    },
    storage: {
      local: options.local ?? new FakeStorageArea(),
      session: options.session ?? new FakeStorageArea(),
    },
    action: {
      async setBadgeText({ text, tabId }) {
        const key = tabId ?? -1;
        badges.set(key, { color: badges.get(key)?.color ?? '', text });
      },
      async setBadgeBackgroundColor({ color, tabId }) {
        const key = tabId ?? -1;
        badges.set(key, { text: badges.get(key)?.text ?? '', color });
      },
    },
    alarms: {
      create(name, info) {
        alarms.set(name, { name });
        alarmsCreated.push({ name, info });
      },
      async get(name) {
        return alarms.get(name);
      },
      onAlarm,
    },
    tabs: {
      onRemoved,
      onUpdated,
      async get(tabId) {
        const url = browser.openTabs.get(tabId);
        if (url === undefined) throw new Error(`No tab with id: ${tabId}.`);
        return { url };
      },
      async query(queryInfo) {
        browser.tabQueries.push(queryInfo);
        return [...browser.openTabs].map(([id, url]) => ({ id, url }));
      },
    },
    scripting: {
      async executeScript(injection) {
        const { target } = injection;
        if ('files' in injection) {
          browser.injected.push({ tabId: target.tabId, files: injection.files });
          return [{ result: undefined }];
        }
        const { func, args } = injection;
        browser.executed.push({ tabId: target.tabId, args });
        const reader = browser.pageReaders.get(target.tabId);
        if (!reader) return [{ result: null }];
        // The tab's isolated world, for the length of the call: the reader is where the content script put it.
        const world = globalThis as Record<string, unknown>;
        world[PAGE_READER_GLOBAL] = reader;
        try {
          return [{ result: structuredClone(await func(...args)) }];
        } finally {
          world[PAGE_READER_GLOBAL] = undefined;
        }
      },
    },
    cookies: {
      async get({ name }) {
        const value = browser.cookieJar.get(name);
        return value === undefined ? null : { value };
      },
    },
    pageReaders: new Map(),
    openTabs: new Map(),
    tabQueries: [],
    executed: [],
    injected: [],
    cookieJar: new Map(),
    i18n: { getUILanguage: () => options.uiLanguage ?? 'en-US' },
    fetchImpl: options.fetch ?? noNetwork,
    fetch: (input, init) => browser.fetchImpl(input, init),
    badges,
    alarmsCreated,
    messageListeners: onMessage.listeners,
    tabRemovedListeners: onRemoved.listeners,
    tabUpdatedListeners: onUpdated.listeners,
    alarmListeners: onAlarm.listeners,
  };
  return browser;
}

/** Senders as the browser reports them. */
export const senders = {
  contentScript(
    tabId: number,
    url = 'https://www.aliexpress.com/p/trade/confirm.html?aeOrderFrom=main_shopcart',
  ): SenderLike {
    return { id: EXTENSION_ID, url, tab: { id: tabId, url } };
  },
  popup(): SenderLike {
    return { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/popup/index.html` };
  },
  otherExtension(): SenderLike {
    return {
      id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
      url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html',
    };
  },
};
