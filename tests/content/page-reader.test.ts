/**
 * The handshake between the background's injected call and the content script's reader
 * (src/shared/page-reader.ts): a call that finds no reader (not our page, or the script stopped) gets null
 * at once instead of hanging the background; a payment result is read in the page's next idle period.
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

  it('answers null at once when no content script offers a reader, or it was withdrawn', () => {
    expect(callPageReader(PAGE_READER_GLOBAL, { lines: false }, 2000, true)).toBeNull();
    const reader = () => ({ read: true });
    offerPageReader(reader);
    withdrawPageReader(reader);
    expect(callPageReader(PAGE_READER_GLOBAL, { lines: false }, 10)).toBeNull();
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
