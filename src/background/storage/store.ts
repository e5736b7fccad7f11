/**
 * storage.local (history, the shopper's codes, settings, feed cache) and storage.session (per-tab state)
 * behind one serialised writer. Opening the store migrates old layouts and validates every key: garbage
 * is dropped (valid history entries kept one by one) and a notice recorded for the popup. A failed write
 * (quota) is reported, never thrown.
 */
import type { z } from '../../rules/zod.ts';
import type { StorageAreaLike } from '../browser-like.ts';
import { migrate, storedVersion, type RawStore } from './migrations.ts';
import {
  FeedAttemptSchema,
  FeedCacheSchema,
  HistorySchema,
  LOCAL_DEFAULTS,
  MAX_HISTORY_ENTRIES,
  MAX_MY_CODES,
  MAX_NOTICES,
  MyCodesSchema,
  SCHEMA_VERSION,
  SettingsSchema,
  StoredNoticeSchema,
  STORAGE_KEYS,
  type LocalData,
  type StorageKey,
  type StoredNotice,
} from './schemas.ts';
import { SerialWriter } from './writer.ts';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly error: string };
const OK: WriteResult = { ok: true };

/** Returned by an update function to skip the write. */
export const UNCHANGED: unique symbol = Symbol('unchanged');
export type Change<T> = (current: T) => T | typeof UNCHANGED;

const SESSION_NOTICES_KEY = 'notices';

interface Checked<T> {
  readonly value: T;
  /** Unreadable records removed (a whole unreadable value counts as one). */
  readonly dropped: number;
  readonly kept: number;
}

function checkList<T>(raw: unknown, itemSchema: z.ZodType<T>, max: number): Checked<T[]> {
  if (raw === undefined) return { value: [], dropped: 0, kept: 0 };
  if (!Array.isArray(raw)) return { value: [], dropped: 1, kept: 0 };
  const valid: T[] = [];
  for (const item of raw) {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
  }
  // Lists grow at the end, so the cap keeps the newest.
  const value = valid.length > max ? valid.slice(valid.length - max) : valid;
  return { value, dropped: raw.length - valid.length, kept: value.length };
}

function checkValue<T>(raw: unknown, schema: z.ZodType<T>, fallback: T): Checked<T> {
  if (raw === undefined) return { value: fallback, dropped: 0, kept: 0 };
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { value: parsed.data, dropped: 0, kept: 1 }
    : { value: fallback, dropped: 1, kept: 0 };
}

/** Parses one stored key; never throws. */
export function checkKey<K extends StorageKey>(key: K, raw: unknown): Checked<LocalData[K]> {
  const checked = ((): Checked<unknown> => {
    switch (key) {
      case 'history':
        return checkList(raw, HistorySchema.element, MAX_HISTORY_ENTRIES);
      case 'myCodes':
        return checkList(raw, MyCodesSchema.element, MAX_MY_CODES);
      case 'notices':
        return checkList(raw, StoredNoticeSchema, MAX_NOTICES);
      case 'settings':
        return checkValue(raw, SettingsSchema, LOCAL_DEFAULTS.settings);
      case 'feedCache':
        return checkValue(raw, FeedCacheSchema.nullable(), null);
      case 'feedStatus':
        return checkValue(raw, FeedAttemptSchema.nullable(), null);
    }
  })();
  return checked as Checked<LocalData[K]>;
}

/** Keys whose loss the shopper should hear about (a lost feed status or notice list is not worth a word). */
const NOTICE_WORTHY: readonly StorageKey[] = ['history', 'myCodes', 'settings', 'feedCache'];

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 300) || 'unknown error';
}

export interface StoreOptions {
  readonly now: () => Date;
}

export class Store {
  private readonly writer = new SerialWriter();
  /**
   * The last feed cache validated, with its JSON text. Validating a 10,000-code feed takes about a second
   * and every page read asks for it, while serialising it to compare takes milliseconds. Storage stays the
   * truth: this only spares parsing the same bytes again.
   */
  private feedCacheMemo: { readonly json: string; readonly value: LocalData['feedCache'] } | null = null;
  private localWrites = 0;
  /** Resolves once old layouts are migrated and garbage dropped; every read and write waits for it. */
  readonly ready: Promise<void>;

  constructor(
    private readonly local: StorageAreaLike,
    private readonly session: StorageAreaLike,
    private readonly options: StoreOptions,
  ) {
    this.ready = this.writer.run(() => this.open());
  }

  /**
   * Goes up with every write to storage.local this store makes (only the background writes it): a value
   * computed from local data is still current while this has not changed.
   */
  get localVersion(): number {
    return this.localWrites;
  }

  async read<K extends StorageKey>(key: K): Promise<LocalData[K]> {
    await this.ready;
    return this.readNow(key);
  }

  /**
   * Read-modify-write of one key, serialised with every other write. `change` must be pure: it may
   * see a different value than a read made just before the call.
   */
  update<K extends StorageKey>(key: K, change: Change<LocalData[K]>): Promise<WriteResult> {
    return this.writer.run(async () => {
      await this.ready;
      const next = change(await this.readNow(key));
      if (next === UNCHANGED) return OK;
      return this.write(this.local, { [key]: next }, key);
    });
  }

  /** A session key parsed with `schema`; null when absent or unreadable. */
  async readSession<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
    try {
      const raw = (await this.session.get(key))[key];
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    } catch (error) {
      console.warn('[promo-code-doctor] session read failed', key, error);
      return null;
    }
  }

  /** Read-modify-write of a session key; `change` returning null removes the key. */
  updateSession<T>(key: string, schema: z.ZodType<T>, change: Change<T | null>): Promise<WriteResult> {
    return this.writer.run(async () => {
      const next = change(await this.readSession(key, schema));
      if (next === UNCHANGED) return OK;
      if (next === null) return this.remove(this.session, key);
      return this.write(this.session, { [key]: next }, key);
    });
  }

  removeSession(key: string): Promise<WriteResult> {
    return this.writer.run(() => this.remove(this.session, key));
  }

  /** Start-up notices (storage.local) and write failures of this browser session (storage.session). */
  async notices(): Promise<StoredNotice[]> {
    // A write that failed while opening is noted in session storage: wait for it, or the first popup misses it.
    await this.ready;
    const [stored, session] = await Promise.all([
      this.read('notices'),
      this.readSession(SESSION_NOTICES_KEY, StoredNoticeSchema.array()),
    ]);
    return [...stored, ...(session ?? [])];
  }

  clearNotices(): Promise<WriteResult> {
    return this.writer.run(async () => {
      await this.ready;
      const local = await this.remove(this.local, 'notices');
      const session = await this.remove(this.session, SESSION_NOTICES_KEY);
      return local.ok ? session : local;
    });
  }

  private async readNow<K extends StorageKey>(key: K): Promise<LocalData[K]> {
    try {
      const got = await this.local.get([key, 'schemaVersion']);
      let raw = got[key];
      if (got['schemaVersion'] !== SCHEMA_VERSION) {
        // The start-up migration could not be written (quota): migrate on the fly so nothing is misread.
        const all = await this.local.get(null);
        raw = migrate(all, storedVersion(all))[key];
      }
      if (key === 'feedCache') return this.checkFeedCache(raw) as LocalData[K];
      return checkKey(key, raw).value;
    } catch (error) {
      console.warn('[promo-code-doctor] storage read failed', key, error);
      return LOCAL_DEFAULTS[key];
    }
  }

  private checkFeedCache(raw: unknown): LocalData['feedCache'] {
    const json = JSON.stringify(raw) ?? '';
    if (this.feedCacheMemo?.json === json) return this.feedCacheMemo.value;
    const value = checkKey('feedCache', raw).value;
    this.feedCacheMemo = { json, value };
    return value;
  }

  private async open(): Promise<void> {
    const at = this.options.now().toISOString();
    let raw: RawStore;
    try {
      raw = await this.local.get(null);
    } catch (error) {
      console.warn('[promo-code-doctor] storage unreadable at start', error);
      return;
    }
    const version = storedVersion(raw);
    if (version > SCHEMA_VERSION) {
      // Written by a newer version (a downgrade): leave it as it is; reads still validate each key.
      await this.appendSessionNotice({ kind: 'newer-version', version, at });
      return;
    }
    const migrated = migrate(raw, version);
    const cleaned: Record<string, unknown> = {};
    const notices: StoredNotice[] = [];
    for (const key of STORAGE_KEYS) {
      if (migrated[key] === undefined) continue;
      const checked = checkKey(key, migrated[key]);
      cleaned[key] = checked.value;
      if (checked.dropped > 0 && NOTICE_WORTHY.includes(key)) {
        notices.push({ kind: 'dropped', key, dropped: checked.dropped, kept: checked.kept, at });
      }
    }
    const needsWrite =
      version !== SCHEMA_VERSION ||
      raw['schemaVersion'] !== SCHEMA_VERSION ||
      notices.length > 0 ||
      STORAGE_KEYS.some((key) => migrated[key] !== undefined && !sameJson(migrated[key], cleaned[key]));
    if (!needsWrite) return;
    if (notices.length > 0) {
      cleaned['notices'] = [...((cleaned['notices'] as StoredNotice[] | undefined) ?? []), ...notices].slice(
        -MAX_NOTICES,
      );
    }
    // One `set`: the migrated data and its version land together or not at all.
    const written = await this.write(
      this.local,
      { ...cleaned, schemaVersion: SCHEMA_VERSION },
      'schemaVersion',
    );
    if (!written.ok) return;
    const obsolete = Object.keys(raw).filter((key) => key !== 'schemaVersion' && !(key in migrated));
    if (obsolete.length > 0) await this.remove(this.local, obsolete);
  }

  private async write(
    area: StorageAreaLike,
    items: Record<string, unknown>,
    key: string,
  ): Promise<WriteResult> {
    try {
      await this.counted(area, () => area.set(items));
      return OK;
    } catch (error) {
      // Typically the quota: keep going with what is stored, and tell the shopper.
      const failure = { ok: false, error: errorText(error) } as const;
      console.warn('[promo-code-doctor] storage write failed', key, error);
      await this.appendSessionNotice({
        kind: 'write-failed',
        key,
        error: failure.error,
        at: this.options.now().toISOString(),
      });
      return failure;
    }
  }

  /**
   * Counts a write to storage.local before and after it lands (also when it fails, which may have changed
   * something): a value read while the write was under way is never taken for current.
   */
  private async counted(area: StorageAreaLike, write: () => Promise<void>): Promise<void> {
    if (area !== this.local) return write();
    this.localWrites++;
    try {
      await write();
    } finally {
      this.localWrites++;
    }
  }

  private async remove(area: StorageAreaLike, keys: string | string[]): Promise<WriteResult> {
    try {
      await this.counted(area, () => area.remove(keys));
      return OK;
    } catch (error) {
      console.warn('[promo-code-doctor] storage remove failed', keys, error);
      return { ok: false, error: errorText(error) };
    }
  }

  /** Best effort: session storage has its own quota, and failing to note a failure must not throw. */
  private async appendSessionNotice(notice: StoredNotice): Promise<void> {
    try {
      const current = (await this.readSession(SESSION_NOTICES_KEY, StoredNoticeSchema.array())) ?? [];
      await this.session.set({ [SESSION_NOTICES_KEY]: [...current, notice].slice(-MAX_NOTICES) });
    } catch (error) {
      console.warn('[promo-code-doctor] could not record a storage notice', error);
    }
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
