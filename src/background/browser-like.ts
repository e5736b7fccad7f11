/**
 * The slice of the extension API the background uses. `index.ts` passes the real `browser`
 * (webextension-polyfill); tests pass `tests/background/fake-browser.ts`. Keeping it this small is what
 * lets every handler run in plain Node.
 */

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SenderLike {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly tab?: { readonly id?: number | undefined; readonly url?: string | undefined } | undefined;
}

/**
 * webextension-polyfill semantics: a listener returns a Promise to answer, or undefined to stay silent
 * (so another listener, or nobody, answers).
 */
export type MessageListener = (message: unknown, sender: SenderLike) => Promise<unknown> | undefined;

export interface EventLike<Listener> {
  addListener(listener: Listener): void;
}

export interface AlarmLike {
  readonly name: string;
}

export interface BrowserLike {
  readonly runtime: {
    readonly id: string;
    getURL(path: string): string;
    readonly onMessage: EventLike<MessageListener>;
  };
  readonly storage: { readonly local: StorageAreaLike; readonly session: StorageAreaLike };
  readonly action: {
    setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  };
  readonly alarms: {
    create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): void | Promise<void>;
    get(name: string): Promise<AlarmLike | undefined>;
    readonly onAlarm: EventLike<(alarm: AlarmLike) => void>;
  };
  readonly tabs: {
    readonly onRemoved: EventLike<(tabId: number) => void>;
    /**
     * `status` is given for every tab; the tab's `url` only where the host permissions reach (AliExpress),
     * which is all the background needs to know which tabs to read.
     */
    readonly onUpdated: EventLike<
      (tabId: number, changeInfo: { status?: string }, tab?: { url?: string | undefined }) => void
    >;
    /** A tab's URL (visible for AliExpress tabs, inside the host permissions). */
    get(tabId: number): Promise<{ readonly url?: string | undefined }>;
    /** With `url` patterns inside the host permissions: the open AliExpress tabs, with their URLs. */
    query(queryInfo: {
      url: string[];
      status?: 'complete';
    }): Promise<readonly { readonly id?: number | undefined; readonly url?: string | undefined }[]>;
  };
  /**
   * Injects the main content script (`files`), and reads a tab through the reader it offers there
   * (`func`: src/shared/page-reader.ts).
   */
  readonly scripting: {
    executeScript<Args extends unknown[]>(
      injection:
        | { target: { tabId: number; frameIds?: number[] }; func: (...args: Args) => unknown; args: Args }
        | { target: { tabId: number; frameIds?: number[] }; files: string[] },
    ): Promise<readonly { readonly result?: unknown }[]>;
  };
  /** The region cookie, read here rather than on the page's main thread. */
  readonly cookies: {
    get(details: { url: string; name: string }): Promise<{ readonly value: string } | null>;
  };
  readonly i18n: { getUILanguage(): string };
  /** The feed download; injected so tests can serve feeds without a network. */
  readonly fetch: typeof fetch;
}
