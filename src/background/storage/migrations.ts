/**
 * Numbered migrations of storage.local. Each is a pure function from the whole stored object of one
 * version to the next; they never validate (that happens after, key by key, in `store.ts`) and never
 * throw on odd data: whatever they do not recognise they pass on untouched, so validation can count it.
 *
 * Layouts:
 * - v0 (no `schemaVersion` key; the first prototype): `history` is a map code -> date string of codes the
 *   shopper marked used, `feedUrl` is a top-level string, `feedCache` is `{ feed, fetchedAt }`.
 * - v1: `history` is a list of `{ code, usedAt }` (ISO instants); settings live in `settings: { feedUrl }`;
 *   `feedCache` records the `url` it was downloaded from.
 * - v2: history entries carry `accountId` and `source`, so usage is kept per AliExpress account and
 *   order-recorded entries can be told from hand-marked ones.
 */
import { UNKNOWN_ACCOUNT } from '../../rules/schemas/history.ts';
import { SCHEMA_VERSION } from './schemas.ts';

export type RawStore = Readonly<Record<string, unknown>>;

export interface Migration {
  /** The version it upgrades to; it reads `to - 1`. */
  readonly to: number;
  readonly why: string;
  readonly migrate: (raw: RawStore) => RawStore;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A v0 date string ("2026-03-01", "Sun Mar 01 2026 ...", ISO) as an ISO instant, or unchanged if unreadable. */
function toIsoInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}

function v0ToV1(raw: RawStore): RawStore {
  const { feedUrl, ...rest } = raw;
  const next: Record<string, unknown> = { ...rest, schemaVersion: 1 };
  if (isRecord(raw['history'])) {
    next['history'] = Object.entries(raw['history']).map(([code, usedAt]) => ({
      code,
      usedAt: toIsoInstant(usedAt),
    }));
  }
  if (feedUrl !== undefined) next['settings'] = { feedUrl };
  const feedCache = raw['feedCache'];
  if (isRecord(feedCache)) {
    // v0 only ever downloaded from the settings URL, so that is where the cached copy came from.
    next['feedCache'] = { ...feedCache, url: typeof feedUrl === 'string' ? feedUrl : '' };
  }
  return next;
}

function v1ToV2(raw: RawStore): RawStore {
  const next: Record<string, unknown> = { ...raw, schemaVersion: 2 };
  const history = raw['history'];
  if (Array.isArray(history)) {
    // Before v2 nothing recorded orders: every entry was marked by hand, on an account we never knew.
    next['history'] = history.map((entry: unknown) =>
      isRecord(entry) ? { accountId: UNKNOWN_ACCOUNT, source: 'manual', ...entry } : entry,
    );
  }
  return next;
}

/** In order; `MIGRATIONS[i].to === i + 1`, checked by a test. */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    why: 'history as a list of entries; settings grouped; feed cache remembers its URL',
    migrate: v0ToV1,
  },
  { to: 2, why: 'history per account, with where each entry came from', migrate: v1ToV2 },
];

const KNOWN_V0_KEYS = ['history', 'myCodes', 'feedUrl', 'feedCache'];

/**
 * The version the stored object is in: its `schemaVersion`, 0 for a v0 layout, or the current version for
 * an empty store (a fresh install has nothing to migrate). A garbage version counts as 0, so the
 * migrations run and validation sorts out what is left.
 */
export function storedVersion(raw: RawStore): number {
  const version = raw['schemaVersion'];
  if (version === undefined) {
    return KNOWN_V0_KEYS.some((key) => raw[key] !== undefined) ? 0 : SCHEMA_VERSION;
  }
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** Runs every migration after `from`; a store from a newer version is returned unchanged. */
export function migrate(raw: RawStore, from: number): RawStore {
  return MIGRATIONS.filter((migration) => migration.to > from).reduce(
    (data, migration) => migration.migrate(data),
    raw,
  );
}
