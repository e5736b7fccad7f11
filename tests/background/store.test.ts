import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../src/background/storage/schemas.ts';
import { Store, UNCHANGED } from '../../src/background/storage/store.ts';
import { SerialWriter } from '../../src/background/storage/writer.ts';
import type { UsageEntry } from '../../src/rules/schemas/history.ts';
import { FakeStorageArea } from './fake-browser.ts';
import { makePromo } from './builders.ts';

const NOW = new Date('2026-11-24T18:00:00Z');

function entry(code: string, accountId = '4465986603', usedAt = '2026-11-01T12:00:00.000Z'): UsageEntry {
  return { accountId, code, usedAt, source: 'manual' };
}

function storeOver(local: FakeStorageArea, session = new FakeStorageArea()): Store {
  return new Store(local, session, { now: () => NOW });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the serialised writer', () => {
  it('two writers x 100 records -> 200 history entries', async () => {
    const store = storeOver(new FakeStorageArea());
    const record = (writer: string, index: number) =>
      store.update('history', (history) => [...history, entry(`${writer}${index}`)]);
    await Promise.all(
      Array.from({ length: 100 }, (_, index) => [record('TABA', index), record('TABB', index)]).flat(),
    );
    const history = await store.read('history');
    expect(history).toHaveLength(200);
    expect(new Set(history.map((item) => item.code)).size).toBe(200);
  });

  it('keeps going after a task fails', async () => {
    const writer = new SerialWriter();
    const order: string[] = [];
    const failing = writer.run(async () => {
      order.push('first');
      throw new Error('boom');
    });
    const next = writer.run(async () => {
      order.push('second');
      return 'done';
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('done');
    expect(order).toEqual(['first', 'second']);
  });

  it('skips the write when the change says nothing changed', async () => {
    const local = new FakeStorageArea();
    const store = storeOver(local);
    await store.ready;
    const writesBefore = local.writes;
    await store.update('history', () => UNCHANGED);
    expect(local.writes).toBe(writesBefore);
  });
});

describe('garbage in storage at start-up', () => {
  it('keeps valid history entries one by one and tells the shopper how many were lost', async () => {
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', SCHEMA_VERSION);
    local.data.set('history', [
      entry('SAVE8'),
      { code: 'SAVE18' },
      'SAVE20',
      null,
      entry('SAVE30', '2210001234'),
      { ...entry('X'), usedAt: 'yesterday' },
    ]);
    const store = storeOver(local);
    expect((await store.read('history')).map((item) => item.code)).toEqual(['SAVE8', 'SAVE30']);
    expect(local.peek('history')).toHaveLength(2);
    expect(await store.notices()).toEqual([
      { kind: 'dropped', key: 'history', dropped: 4, kept: 2, at: NOW.toISOString() },
    ]);
  });

  it.each([
    ['history', { SAVE8: 'not a list in v2' }],
    ['myCodes', 'MYSHOP5'],
    ['settings', { feedUrl: 'http://insecure.example.org/feed.json' }],
    ['feedCache', { feed: { version: 99 }, fetchedAt: 'never', url: 'https://feeds.example.org/a.json' }],
  ])('drops an unreadable %s, starts, and reports it', async (key, garbage) => {
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', SCHEMA_VERSION);
    local.data.set('history', [entry('SAVE8')]);
    local.data.set(key, garbage);
    const store = storeOver(local);
    await store.ready;
    expect(await store.notices()).toEqual([
      expect.objectContaining({ kind: 'dropped', key, dropped: 1, kept: 0 }),
    ]);
    if (key !== 'history') expect(await store.read('history')).toHaveLength(1);
    expect(await store.read('settings')).toEqual(
      key === 'settings' ? { feedUrl: '' } : expect.objectContaining({ feedUrl: expect.any(String) }),
    );
  });

  it('keeps valid own codes and drops the malformed one', async () => {
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', SCHEMA_VERSION);
    local.data.set('myCodes', [makePromo({ code: 'MYSHOP5' }), { ...makePromo(), code: 'lower case' }]);
    const store = storeOver(local);
    expect((await store.read('myCodes')).map((promo) => promo.code)).toEqual(['MYSHOP5']);
  });

  it('survives a garbage schema version and a garbage notices list without a word about them', async () => {
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', 'two');
    local.data.set('notices', 42);
    local.data.set('history', [entry('SAVE8')]);
    const store = storeOver(local);
    expect(await store.read('history')).toHaveLength(1);
    expect(await store.notices()).toEqual([]);
    expect(local.peek('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('does not rewrite data a newer version stored, and says so', async () => {
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', SCHEMA_VERSION + 1);
    local.data.set('history', [entry('SAVE8')]);
    const store = storeOver(local);
    await store.ready;
    expect(local.writes).toBe(0);
    expect(await store.read('history')).toHaveLength(1);
    expect(await store.notices()).toEqual([
      expect.objectContaining({ kind: 'newer-version', version: SCHEMA_VERSION + 1 }),
    ]);
  });
});

describe('a write that fails', () => {
  it('is reported, not thrown, and what was stored before stays', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new FakeStorageArea();
    const store = storeOver(local);
    await store.update('history', (history) => [...history, entry('SAVE8')]);
    local.failWrites = new Error('QUOTA_BYTES quota exceeded');
    const result = await store.update('history', (history) => [...history, entry('SAVE18')]);
    expect(result).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
    expect((await store.read('history')).map((item) => item.code)).toEqual(['SAVE8']);
    expect(await store.notices()).toEqual([
      expect.objectContaining({ kind: 'write-failed', key: 'history', error: 'QUOTA_BYTES quota exceeded' }),
    ]);

    // Writes work again once there is room.
    local.failWrites = null;
    expect(await store.update('history', (history) => [...history, entry('SAVE18')])).toEqual({ ok: true });
    expect(await store.read('history')).toHaveLength(2);
  });
});
