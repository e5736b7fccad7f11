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

/** The global the content script puts its reader under, in its isolated world. */
export const PAGE_READER_GLOBAL = '__promoCodeDoctorReadPage';

/** How long an injected call waits for a content script that has not started yet, or for the page to idle. */
export const PAGE_READER_WAIT_MS = 2000;

type Reader = (scope: ReadScope) => unknown;
type Waiter = (reader: Reader) => void;

/**
 * Runs in the tab, serialised by `executeScript`: it may use nothing from its module scope. Returns the
 * reader's read, or null when no content script offers one within `waitMs`. Chromium injects
 * `document_idle` content scripts as late as right after `load`, so the background's call made when the
 * tab completes may arrive first; then it waits for `offerPageReader` to hand the reader over.
 */
export function callPageReader(
  globalName: string,
  scope: ReadScope,
  waitMs: number,
  whenIdle = false,
): unknown {
  const world = globalThis as unknown as Record<string, unknown>;
  // `whenIdle` (the read after load): in the page's next idle period, so the read never competes with the
  // page's own work as it finishes loading; within `waitMs` all the same.
  const idle = world.requestIdleCallback as
    ((callback: () => void, options: { timeout: number }) => number) | undefined;
  const read = (reader: Reader, resolve: (value: unknown) => void): void => {
    if (whenIdle && idle) idle(() => resolve(reader(scope)), { timeout: waitMs });
    else resolve(reader(scope));
  };
  const reader = world[globalName];
  if (typeof reader === 'function' && !(whenIdle && idle)) return (reader as Reader)(scope);
  return new Promise((resolve) => {
    if (typeof reader === 'function') return read(reader as Reader, resolve);
    const waiters = (world[`${globalName}:waiting`] ??= []) as Waiter[];
    const timer = setTimeout(() => resolve(null), waitMs);
    waiters.push((offered) => {
      clearTimeout(timer);
      read(offered, resolve);
    });
  });
}

/** The content script's side: offer `reader`, and answer the calls that arrived before it. */
export function offerPageReader(reader: Reader): void {
  const slots = globalThis as unknown as Record<string, unknown>;
  slots[PAGE_READER_GLOBAL] = reader;
  const waiting = slots[`${PAGE_READER_GLOBAL}:waiting`] as Waiter[] | undefined;
  slots[`${PAGE_READER_GLOBAL}:waiting`] = undefined;
  for (const waiter of waiting ?? []) waiter(reader);
}

/** Takes the reader back (the content script stopped): later calls get null. */
export function withdrawPageReader(reader: Reader): void {
  const slots = globalThis as unknown as Record<string, unknown>;
  if (slots[PAGE_READER_GLOBAL] === reader) slots[PAGE_READER_GLOBAL] = undefined;
}
