/**
 * Storage faults: garbage in every storage key, history where only some entries are valid, a quota error
 * on write (at start-up and later), and a worker stopped in the middle of its write queue. Each time the
 * extension starts, the valid history survives, and the shopper is told what was lost (TabState.notices).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, STORAGE_KEYS } from '../../src/background/storage/schemas.ts';
import type { UsageEntry } from '../../src/rules/schemas/history.ts';
import { POPUP_TO_BACKGROUND, type ActionReply } from '../../src/shared/protocol.ts';
import { makeCheckoutSnapshot, makePromo } from '../background/builders.ts';
import { FakeStorageArea, senders } from '../background/fake-browser.ts';
import { createHarness, quietWarnings, type Harness } from '../background/harness.ts';
import { deliverSnapshot, reportFigures, settle, unbroken } from './helpers.ts';

const ACCOUNT = '4465986603';
const QUOTA = 'QUOTA_BYTES quota exceeded';

function used(code: string, usedAt = '2026-11-01T12:00:00.000Z'): UsageEntry {
  return { accountId: ACCOUNT, code, usedAt, source: 'order' };
}

const VALID_HISTORY = [used('SAVE8'), used('WINTER10', '2026-11-10T09:30:00.000Z')];

/** Junk of every shape a crash, a hand edit or another version could leave behind. */
const GARBAGE: [label: string, value: unknown][] = [
  ['a string', 'corrupted'],
  ['a number', 42],
  ['NaN as stored (null)', null],
  ['an array of junk', [1, 'two', null, { three: 3 }, [[]]]],
  [
    'an object with prototype keys',
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":1}}'),
  ],
  ['a 100 KB string', unbroken(100 * 1024)],
  ['deep nesting', JSON.parse('['.repeat(2000) + ']'.repeat(2000))],
];

/** Our own storage with a valid history, plus `key` set to `value`. */
function storageWith(key: string, value: unknown): FakeStorageArea {
  const local = new FakeStorageArea();
  local.data.set('schemaVersion', SCHEMA_VERSION);
  local.data.set('history', VALID_HISTORY);
  local.data.set('settings', { feedUrl: '' });
  local.data.set(key, value);
  return local;
}

/** Opens the popup's view of tab 7 after the checkout of account 4465986603 was read. */
async function shopperView(harness: Harness) {
  await deliverSnapshot(harness, 7, 'load', makeCheckoutSnapshot());
  return harness.tabState(7);
}

afterEach(() => {
  vi.restoreAllMocks();
});

let faults = 0;

describe('garbage in each storage key', () => {
  const keys = [...STORAGE_KEYS, 'schemaVersion'] as const;
  const rows = keys.flatMap((key) => GARBAGE.map(([label, value]) => [key, label, value] as const));

  it.each(rows)('%s holds %s: the extension starts and keeps what was valid', async (key, _label, value) => {
    quietWarnings();
    const harness = createHarness({ local: storageWith(key, value) });
    const state = await shopperView(harness);

    // It starts, and a change still saves.
    expect(state.feed.activeSource).toBe('bundled');
    const reply = await harness.send(
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: ACCOUNT, code: 'SAVE18', used: true },
      senders.popup(),
    );
    expect(reply).toEqual({ ok: true });

    if (key === 'history') {
      // The whole list was unreadable: one record lost, and the shopper hears about it.
      expect(state.history).toEqual([]);
      expect(state.notices.join(' ')).toMatch(/could not be read and were removed/);
    } else {
      expect(state.history.map((entry) => entry.code)).toEqual(['WINTER10', 'SAVE8']);
    }
    if (key === 'myCodes') expect(state.notices.join(' ')).toMatch(/your own codes could not be read/);
    if (key === 'settings') expect(state.notices.join(' ')).toMatch(/settings could not be read/);
    // null is a valid "no feed downloaded yet".
    if (key === 'feedCache' && value !== null)
      expect(state.notices.join(' ')).toMatch(/code feed could not be read/);
    // A version number from the future: the data is left alone, and the shopper is told why some may not show.
    if (key === 'schemaVersion' && value === 42) expect(state.notices.join(' ')).toMatch(/newer version/);
    // Losing the notice list or the last feed attempt costs the shopper nothing worth a word.
    if (key === 'notices' || key === 'feedStatus' || (key === 'schemaVersion' && value !== 42))
      expect(state.notices).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    faults++;
  });

  it('garbage in the per-tab memory (storage.session) only forgets that tab', async () => {
    quietWarnings();
    const session = new FakeStorageArea();
    session.data.set('tab:7', { snapshot: 'junk', pageUrl: 42 });
    session.data.set('notices', 'junk');
    const harness = createHarness({ local: storageWith('history', VALID_HISTORY), session });
    const before = await harness.tabState(7);
    expect(before.snapshot).toBeNull();
    expect(before.notices).toEqual([]);
    const state = await shopperView(harness);
    expect(state.snapshot?.url).toBe(makeCheckoutSnapshot().url);
    expect(state.history).toHaveLength(2);
    faults++;
  });
});

describe('history where some entries are valid', () => {
  it('keeps every valid entry, drops the rest, and says how many of each', async () => {
    quietWarnings();
    const mixed = [
      used('SAVE8'),
      { ...used('BADDATE'), usedAt: 'last Tuesday' },
      used('WINTER10', '2026-11-10T09:30:00.000Z'),
      { code: 'NOACCOUNT', usedAt: '2026-11-01T12:00:00.000Z', source: 'order' },
      'SAVE18',
      null,
      { ...used('TOOLONG'), code: unbroken(41, 'X') },
      { ...used('WRONGSOURCE'), source: 'hacker' },
      JSON.parse(
        '{"__proto__":{"accountId":"4465986603","code":"PROTO","usedAt":"2026-11-01T12:00:00Z","source":"order"}}',
      ),
      used('FALL5', '2026-11-01T09:30:00.000Z'),
    ];
    const harness = createHarness({ local: storageWith('history', mixed) });
    const state = await shopperView(harness);
    // Newest first: Nov 10, Nov 1 12:00 UTC, Nov 1 09:30 UTC.
    expect(state.history.map((entry) => entry.code)).toEqual(['WINTER10', 'SAVE8', 'FALL5']);
    expect(state.notices).toEqual([
      '7 saved record(s) of used codes could not be read and were removed; 3 kept.',
    ]);
    // The already-used check sees the surviving history.
    await deliverSnapshot(harness, 7, 'promo-input', {
      ...makeCheckoutSnapshot(),
      promo: {
        ...makeCheckoutSnapshot().promo,
        enteredCode: { known: true, value: 'SAVE8', source: 'promo input' },
      },
    });
    expect((await harness.tabState(7)).diagnosis?.culprit?.code).toBe('already-used.used');
    faults++;
  });

  it('keeps valid entries from an old (v1) layout mixed with junk', async () => {
    quietWarnings();
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', 1);
    local.data.set('history', [{ code: 'SAVE8', usedAt: '2026-10-01T00:00:00.000Z' }, 7, { code: 5 }]);
    local.data.set('settings', { feedUrl: '' });
    const harness = createHarness({ local });
    await harness.service.store.ready;
    const history = await harness.service.store.read('history');
    expect(history).toEqual([
      { accountId: 'unknown-account', code: 'SAVE8', usedAt: '2026-10-01T00:00:00.000Z', source: 'manual' },
    ]);
    expect((await harness.tabState(7)).notices.join(' ')).toMatch(/2 saved record\(s\).*1 kept/);
    faults++;
  });
});

describe('a quota error on write', () => {
  it('a change that cannot be saved is reported to the shopper, and nothing stored is lost', async () => {
    quietWarnings();
    const harness = createHarness({ local: storageWith('history', VALID_HISTORY) });
    await harness.service.store.ready;
    harness.browser.storage.local.failWrites = new Error(QUOTA);
    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.addCode, promo: makePromo({ code: 'MYSHOP5' }) },
      senders.popup(),
    )) as ActionReply;
    expect(reply).toEqual({ ok: false, error: QUOTA });
    const state = await shopperView(harness);
    expect(state.history).toHaveLength(2);
    expect(state.myCodes).toEqual([]);
    expect(state.notices).toEqual([
      `Could not save to browser storage (${QUOTA}). Your last change may be lost.`,
    ]);
    // Room again: the same change goes through.
    harness.browser.storage.local.failWrites = null;
    expect(
      await harness.send(
        { type: POPUP_TO_BACKGROUND.addCode, promo: makePromo({ code: 'MYSHOP5' }) },
        senders.popup(),
      ),
    ).toEqual({ ok: true });
    faults++;
  });

  it('a full storage at start-up (migration cannot be written): it starts and reads the old data migrated', async () => {
    quietWarnings();
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', 1);
    local.data.set('history', [{ code: 'SAVE8', usedAt: '2026-10-01T00:00:00.000Z' }, 'junk']);
    local.failWrites = new Error(QUOTA);
    const harness = createHarness({ local });
    const state = await harness.tabState(7);
    expect(state.feed.activeSource).toBe('bundled');
    expect(await harness.service.store.read('history')).toEqual([
      expect.objectContaining({ code: 'SAVE8', accountId: 'unknown-account' }),
    ]);
    expect(state.notices.join(' ')).toMatch(/Could not save to browser storage/);
    // The old data is untouched on disk: nothing was half-written.
    expect(local.peek('schemaVersion')).toBe(1);
    faults++;
  });

  it('session storage full as well: the notice is best effort, nothing throws', async () => {
    quietWarnings();
    const harness = createHarness({ local: storageWith('history', VALID_HISTORY) });
    await harness.service.store.ready;
    harness.browser.storage.local.failWrites = new Error(QUOTA);
    harness.browser.storage.session.failWrites = new Error(QUOTA);
    const hint = await deliverSnapshot(harness, 7, 'promo-input', {
      ...makeCheckoutSnapshot(),
      promo: {
        ...makeCheckoutSnapshot().promo,
        enteredCode: { known: true, value: 'SAVE18', source: 'promo input' },
      },
    });
    // The shopper still gets the verdict for what is on the page, and the saved history is intact.
    expect(hint).toEqual(expect.objectContaining({ tone: 'bad' }));
    expect(await harness.service.store.read('history')).toEqual(VALID_HISTORY);
    expect((await harness.tabState(7)).feed.activeSource).toBe('bundled');
    faults++;
  });
});

/** Storage seen through a worker that can die: once dead its calls never settle, as in a stopped worker. */
class DyingArea extends FakeStorageArea {
  dead = false;
  landed = 0;
  /** The worker stops right after this many writes landed. */
  killAfter = Infinity;
  constructor(private readonly real: FakeStorageArea) {
    super();
  }
  private never(): Promise<never> {
    return new Promise<never>(() => undefined);
  }
  override async get(keys?: string | string[] | null) {
    return this.dead ? this.never() : this.real.get(keys);
  }
  override async set(items: Record<string, unknown>) {
    if (this.dead) return this.never();
    await this.real.set(items);
    this.landed++;
    if (this.landed >= this.killAfter) this.dead = true;
  }
  override async remove(keys: string | string[]) {
    return this.dead ? this.never() : this.real.remove(keys);
  }
}

describe('the worker stopped in the middle of its write queue', () => {
  it('a new worker over the same storage starts with every write that landed, intact, and carries on', async () => {
    const local = storageWith('history', []);
    const session = new FakeStorageArea();
    const dyingLocal = new DyingArea(local);
    const first = createHarness({ local: dyingLocal, session: new DyingArea(session) });
    await first.service.store.ready;
    const writesAtStart = dyingLocal.landed;
    dyingLocal.killAfter = writesAtStart + 37;

    // 100 codes marked used, queued at once; the worker is stopped after 37 of them reached storage.
    const codes = Array.from({ length: 100 }, (_, i) => `QUEUED${i}`);
    const replies = codes.map((code) =>
      first.send(
        { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: ACCOUNT, code, used: true },
        senders.popup(),
      ),
    );
    expect(replies.every((reply) => reply instanceof Promise)).toBe(true);
    while (!dyingLocal.dead) await settle();
    const landed = dyingLocal.landed - writesAtStart;
    expect(landed).toBe(37);

    const second = createHarness({ local, session });
    const state = await shopperView(second);
    // All marked in the same second: newest-first order is then the order they were stored in.
    const kept = state.history.map((entry) => entry.code);
    // Exactly the writes that landed, in order, none half-written; the queue was serial, so no gaps.
    expect(kept).toEqual(codes.slice(0, landed));
    expect(state.notices).toEqual([]);
    // The new worker carries on where the old one stopped.
    expect(
      await second.send(
        { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: ACCOUNT, code: 'AFTER1', used: true },
        senders.popup(),
      ),
    ).toEqual({ ok: true });
    expect((await second.tabState(7)).history).toHaveLength(landed + 1);
    faults++;
    reportFigures('storage faults', { faults, validHistoryLost: 0 });
  });
});
