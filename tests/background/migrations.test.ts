import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, migrate, storedVersion } from '../../src/background/storage/migrations.ts';
import { SCHEMA_VERSION } from '../../src/background/storage/schemas.ts';
import { Store } from '../../src/background/storage/store.ts';
import { FakeStorageArea } from './fake-browser.ts';
import { makeFeed, makePromo } from './builders.ts';

const NOW = new Date('2026-11-24T18:00:00Z');
const feed = makeFeed();
const myCode = makePromo({ code: 'MYSHOP5' });

/** The same shopper's data as each version stored it: two codes marked used, one own code, a feed URL. */
const LAYOUTS: Record<number, Record<string, unknown>> = {
  0: {
    history: { SAVE8: '2026-03-01T10:00:00.000Z', SAVE18: '2026-05-02' },
    myCodes: [myCode],
    feedUrl: 'https://feeds.example.org/aliexpress.json',
    feedCache: { feed, fetchedAt: '2026-11-20T09:00:00.000Z' },
  },
  1: {
    schemaVersion: 1,
    history: [
      { code: 'SAVE8', usedAt: '2026-03-01T10:00:00.000Z' },
      { code: 'SAVE18', usedAt: '2026-05-02T00:00:00.000Z' },
    ],
    myCodes: [myCode],
    settings: { feedUrl: 'https://feeds.example.org/aliexpress.json' },
    feedCache: {
      feed,
      fetchedAt: '2026-11-20T09:00:00.000Z',
      url: 'https://feeds.example.org/aliexpress.json',
    },
  },
  2: {
    schemaVersion: 2,
    history: [
      { accountId: 'unknown-account', code: 'SAVE8', usedAt: '2026-03-01T10:00:00.000Z', source: 'manual' },
      { accountId: 'unknown-account', code: 'SAVE18', usedAt: '2026-05-02T00:00:00.000Z', source: 'manual' },
    ],
    myCodes: [myCode],
    settings: { feedUrl: 'https://feeds.example.org/aliexpress.json' },
    feedCache: {
      feed,
      fetchedAt: '2026-11-20T09:00:00.000Z',
      url: 'https://feeds.example.org/aliexpress.json',
    },
  },
};

function layout(version: number): Record<string, unknown> {
  const stored = LAYOUTS[version];
  if (!stored) throw new Error(`no layout for version ${version}`);
  return stored;
}
const VERSIONS = Object.keys(LAYOUTS).map(Number);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('migrations', () => {
  it('are numbered one step at a time up to the current version', () => {
    expect(MIGRATIONS.map((migration) => migration.to)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1),
    );
    expect(Object.keys(LAYOUTS).map(Number)).toEqual(
      Array.from({ length: SCHEMA_VERSION + 1 }, (_, index) => index),
    );
  });

  it.each(VERSIONS)('reads version %i from what that version stored', (version) => {
    expect(storedVersion(layout(version))).toBe(version);
  });

  it('treats an empty store as a fresh install of the current version', () => {
    expect(storedVersion({})).toBe(SCHEMA_VERSION);
  });

  it.each(VERSIONS)('migrates version %i to the current layout', (version) => {
    expect(migrate(layout(version), version)).toEqual(LAYOUTS[SCHEMA_VERSION]);
  });

  it('does not change its input (pure)', () => {
    const input = structuredClone(layout(0));
    migrate(input, 0);
    expect(input).toEqual(LAYOUTS[0]);
  });

  it('v0 -> v1 keeps an unreadable date as it is, for validation to drop and report', () => {
    const migrated = MIGRATIONS[0]?.migrate({ history: { SAVE8: 'last tuesday', SAVE18: '2026-05-02' } });
    expect(migrated?.['history']).toEqual([
      { code: 'SAVE8', usedAt: 'last tuesday' },
      { code: 'SAVE18', usedAt: '2026-05-02T00:00:00.000Z' },
    ]);
  });

  it('an unreadable v0 date costs only that entry, and the shopper is told', async () => {
    const local = new FakeStorageArea();
    local.data.set('history', { SAVE8: 'last tuesday', SAVE18: '2026-05-02' });
    const store = new Store(local, new FakeStorageArea(), { now: () => NOW });
    expect((await store.read('history')).map((entry) => entry.code)).toEqual(['SAVE18']);
    expect(await store.notices()).toEqual([
      expect.objectContaining({ kind: 'dropped', key: 'history', dropped: 1, kept: 1 }),
    ]);
  });

  it('v1 -> v2 keeps an account id an entry already has', () => {
    const migrated = migrate(
      {
        schemaVersion: 1,
        history: [{ code: 'SAVE8', usedAt: '2026-03-01T10:00:00.000Z', accountId: '4465986603' }],
      },
      1,
    );
    expect(migrated['history']).toEqual([
      { accountId: '4465986603', source: 'manual', code: 'SAVE8', usedAt: '2026-03-01T10:00:00.000Z' },
    ]);
  });

  it('leaves a store written by a newer version alone', () => {
    const future = { schemaVersion: SCHEMA_VERSION + 1, history: 'something new' };
    expect(migrate(future, SCHEMA_VERSION + 1)).toBe(future);
  });
});

describe('opening the store migrates what is on disk', () => {
  it.each(VERSIONS)('from version %i, once, in one write', async (version) => {
    const local = new FakeStorageArea();
    for (const [key, value] of Object.entries(layout(version))) local.data.set(key, structuredClone(value));
    const store = new Store(local, new FakeStorageArea(), { now: () => NOW });
    await store.ready;
    expect(local.snapshot()).toEqual(LAYOUTS[SCHEMA_VERSION]);
    expect(await store.read('history')).toHaveLength(2);
    expect(await store.read('settings')).toEqual({ feedUrl: 'https://feeds.example.org/aliexpress.json' });
    expect(local.writes).toBe(version === SCHEMA_VERSION ? 0 : 1);

    // Opening again (the worker restarted) finds nothing to do.
    const again = new Store(local, new FakeStorageArea(), { now: () => NOW });
    await again.ready;
    expect(local.writes).toBe(version === SCHEMA_VERSION ? 0 : 1);
  });

  it('still reads old data correctly when the migrated copy could not be written (quota)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new FakeStorageArea();
    for (const [key, value] of Object.entries(layout(0))) local.data.set(key, structuredClone(value));
    local.failWrites = new Error('QUOTA_BYTES quota exceeded');
    const store = new Store(local, new FakeStorageArea(), { now: () => NOW });
    await store.ready;
    expect((await store.read('history')).map((entry) => entry.code)).toEqual(['SAVE8', 'SAVE18']);
    expect(await store.read('settings')).toEqual({ feedUrl: 'https://feeds.example.org/aliexpress.json' });
    expect(await store.notices()).toEqual([
      expect.objectContaining({ kind: 'write-failed', error: 'QUOTA_BYTES quota exceeded' }),
    ]);
  });
});
