/**
 * The handshake between the background's injected call and the content script's reader
 * (src/shared/page-reader.ts): a call that arrives before the content script has started (Chromium injects
 * `document_idle` scripts as late as right after `load`) waits for it, and one that finds no reader at all
 * gets null instead of hanging the background.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  callPageReader,
  offerPageReader,
  PAGE_READER_GLOBAL,
  withdrawPageReader,
} from '../../src/shared/page-reader.ts';

const world = globalThis as Record<string, unknown>;
afterEach(() => {
  vi.useRealTimers();
  for (const key of Object.keys(world)) if (key.startsWith(PAGE_READER_GLOBAL)) world[key] = undefined;
});

describe('page reader handshake', () => {
  it('answers at once when the content script already offers its reader', () => {
    offerPageReader((scope) => ({ read: 'summary', lines: scope.lines }));
    expect(callPageReader(PAGE_READER_GLOBAL, { lines: true }, 1000)).toEqual({
      read: 'summary',
      lines: true,
    });
  });

  it('waits for a content script that starts after the call, then answers with its read', async () => {
    vi.useFakeTimers();
    const answer = callPageReader(PAGE_READER_GLOBAL, { lines: false }, 2000) as Promise<unknown>;
    const second = callPageReader(PAGE_READER_GLOBAL, { lines: true }, 2000) as Promise<unknown>;
    await vi.advanceTimersByTimeAsync(300);
    offerPageReader((scope) => ({ lines: scope.lines }));
    await expect(answer).resolves.toEqual({ lines: false });
    await expect(second).resolves.toEqual({ lines: true });
    // Nothing is left waiting on the global once answered.
    expect(world[`${PAGE_READER_GLOBAL}:waiting`]).toBeUndefined();
  });

  it('gives up with null when no content script offers a reader in time, or it was withdrawn', async () => {
    vi.useFakeTimers();
    const answer = callPageReader(PAGE_READER_GLOBAL, { lines: false }, 2000) as Promise<unknown>;
    await vi.advanceTimersByTimeAsync(2000);
    await expect(answer).resolves.toBeNull();
    const reader = () => ({ read: true });
    offerPageReader(reader);
    withdrawPageReader(reader);
    const late = callPageReader(PAGE_READER_GLOBAL, { lines: false }, 10) as Promise<unknown>;
    await vi.advanceTimersByTimeAsync(10);
    await expect(late).resolves.toBeNull();
  });

  it("reads after load in the page's next idle period, and at once when the popup asks", async () => {
    const idle: (() => void)[] = [];
    world.requestIdleCallback = (callback: () => void) => idle.push(callback);
    try {
      const reads: boolean[] = [];
      offerPageReader((scope) => (reads.push(scope.lines), 'read'));
      const afterLoad = callPageReader(PAGE_READER_GLOBAL, { lines: false }, 2000, true) as Promise<unknown>;
      expect(reads).toEqual([]);
      expect(callPageReader(PAGE_READER_GLOBAL, { lines: true }, 400, false)).toBe('read');
      for (const callback of idle.splice(0)) callback();
      await expect(afterLoad).resolves.toBe('read');
      expect(reads).toEqual([true, false]);
    } finally {
      world.requestIdleCallback = undefined;
    }
  });

  it('runs with nothing from its module: the browser serialises it on its own', () => {
    // `executeScript` sends the function's source; a reference to an import would be undefined in the tab.
    const source = callPageReader.toString();
    const isolated = new Function(`return (${source})`)() as typeof callPageReader;
    offerPageReader(() => 'read');
    expect(isolated(PAGE_READER_GLOBAL, { lines: false }, 0)).toBe('read');
  });
});
