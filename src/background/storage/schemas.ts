/**
 * What each storage key holds in the current schema version. Everything read back from storage is parsed
 * with these: storage is data we wrote once, but another version, a crash or a hand edit may have changed it.
 */
import { z } from '../../rules/zod.ts';
import { FeedSchema, PromoCodeSchema } from '../../rules/schemas/catalog.ts';
import { UsageEntrySchema } from '../../rules/schemas/history.ts';

/** Bump together with a new entry in `migrations.ts`. */
export const SCHEMA_VERSION = 2;

const instant = z.iso.datetime({ offset: true });
export const HttpsUrlSchema = z.url({ protocol: /^https$/ }).max(2000);

export const SettingsSchema = z.object({ feedUrl: z.union([z.literal(''), HttpsUrlSchema]) });
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { feedUrl: '' };

/** The last good remote feed and where it came from; only a feed that passed every check is stored. */
export const FeedCacheSchema = z.object({ feed: FeedSchema, fetchedAt: instant, url: HttpsUrlSchema });
export type FeedCache = z.infer<typeof FeedCacheSchema>;

/** The last download attempt; `error` says why the last good copy stayed in place. */
export const FeedAttemptSchema = z.object({
  at: instant,
  ok: z.boolean(),
  error: z.string().max(500).nullable(),
});
export type FeedAttempt = z.infer<typeof FeedAttemptSchema>;

export const STORAGE_KEYS = ['history', 'myCodes', 'settings', 'feedCache', 'feedStatus', 'notices'] as const;
export type StorageKey = (typeof STORAGE_KEYS)[number];

/** Facts about a storage problem; `notices.ts` words them in the browser's language for the popup. */
export const StoredNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dropped'),
    key: z.enum(STORAGE_KEYS),
    /** How many records were unreadable and removed (a whole unreadable value counts as one). */
    dropped: z.number().int().nonnegative(),
    kept: z.number().int().nonnegative(),
    at: instant,
  }),
  z.object({
    kind: z.literal('write-failed'),
    key: z.string().max(60),
    error: z.string().max(300),
    at: instant,
  }),
  z.object({ kind: z.literal('newer-version'), version: z.number().int(), at: instant }),
]);
export type StoredNotice = z.infer<typeof StoredNoticeSchema>;
export const MAX_NOTICES = 20;

export const HistorySchema = z.array(UsageEntrySchema);
export const MyCodesSchema = z.array(PromoCodeSchema);

export interface LocalData {
  history: z.infer<typeof UsageEntrySchema>[];
  myCodes: z.infer<typeof PromoCodeSchema>[];
  settings: Settings;
  feedCache: FeedCache | null;
  feedStatus: FeedAttempt | null;
  notices: StoredNotice[];
}

export const LOCAL_DEFAULTS: { readonly [K in StorageKey]: LocalData[K] } = {
  history: [],
  myCodes: [],
  settings: DEFAULT_SETTINGS,
  feedCache: null,
  feedStatus: null,
  notices: [],
};

/** History is capped so one storage area never grows without bound; the oldest entries go first. */
export const MAX_HISTORY_ENTRIES = 10000;
export const MAX_MY_CODES = 500;
