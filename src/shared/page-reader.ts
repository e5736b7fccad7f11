/**
 * How the background reads a tab whenever it needs to (a payment result that completed loading, the whole
 * page when the popup opens), without the content script messaging (issue 8): the content script offers a
 * reader on its isolated world's global object, and the background calls it there with
 * `scripting.executeScript({ func: callPageReader, args: [...] })`. That round trip costs the page a fraction
 * of a millisecond; `runtime.sendMessage` from the content script would first build the whole `chrome.runtime`
 * binding in the page's renderer, milliseconds of the shopper's main thread.
 *
 * The isolated world is shared by our content script and our injected functions only: the page and other
 * extensions cannot see or call the reader.
 */
import type { ReadScope } from './page-model/raw.ts';

/**
 * The main content script in the build (vite.config.ts writes it there), which offers the reader: the
 * background injects it before a read (src/content/early-events.ts).
 */
export const MAIN_CONTENT_SCRIPT = 'src/content/main.js';

/** The global the content script puts its reader under, in its isolated world. */
export const PAGE_READER_GLOBAL = '__promoCodeDoctorReadPage';

/** How long a read asked for in the page's next idle period waits for one at most. */
export const PAGE_READER_WAIT_MS = 2000;

type Reader = (scope: ReadScope) => unknown;

/**
 * Runs in the tab, serialised by `executeScript`: it may use nothing from its module scope. Returns the
 * reader's read, or null when no content script offers one. The background injects the main content
 * script first, which offers the reader as it starts.
 */
export function callPageReader(
  globalName: string,
  scope: ReadScope,
  waitMs: number,
  whenIdle = false,
): unknown {
  const world = globalThis as unknown as Record<string, unknown>;
  const reader = world[globalName];
  if (typeof reader !== 'function') return null;
  // `whenIdle` (a payment result that completed loading): in the page's next idle period, so the read never
  // competes with the page's own work as it finishes loading; within `waitMs` all the same.
  const idle = world.requestIdleCallback as
    ((callback: () => void, options: { timeout: number }) => number) | undefined;
  if (!whenIdle || !idle) return (reader as Reader)(scope);
  return new Promise((resolve) => idle(() => resolve((reader as Reader)(scope)), { timeout: waitMs }));
}

/** The content script's side: offer `reader` to the background's calls. */
export function offerPageReader(reader: Reader): void {
  (globalThis as unknown as Record<string, unknown>)[PAGE_READER_GLOBAL] = reader;
}

/** Takes the reader back (the content script stopped): later calls get null. */
export function withdrawPageReader(reader: Reader): void {
  const slots = globalThis as unknown as Record<string, unknown>;
  if (slots[PAGE_READER_GLOBAL] === reader) slots[PAGE_READER_GLOBAL] = undefined;
}
