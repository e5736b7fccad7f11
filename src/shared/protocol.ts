/**
 * The one message protocol between content script, popup and background. Names say the direction
 * (`content->background`, `popup->background`). The receiver validates every payload with the schemas
 * here; the content script imports only the types and names (zod stays out of its bundle).
 */
import { z } from '../rules/zod.ts';
import { CartSnapshotSchema } from '../rules/schemas/snapshot.ts';
import { PromoCodeSchema } from '../rules/schemas/catalog.ts';

export const CONTENT_TO_BACKGROUND = {
  /** A fresh read of the page. `trigger` says why it was read. Reply: HintModel | null. */
  snapshot: 'content->background:snapshot',
} as const;

export const POPUP_TO_BACKGROUND = {
  getTabState: 'popup->background:get-tab-state',
  setCodeUsed: 'popup->background:set-code-used',
  addCode: 'popup->background:add-code',
  removeCode: 'popup->background:remove-code',
  refreshFeed: 'popup->background:refresh-feed',
  saveSettings: 'popup->background:save-settings',
  /** The shopper has read `TabState.notices`: forget them. Reply: ActionReply. */
  dismissNotices: 'popup->background:dismiss-notices',
} as const;

export const SNAPSHOT_TRIGGERS = ['load', 'mutation', 'promo-input', 'apply-click', 'pay-click'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

export const ContentSnapshotMessageSchema = z.object({
  type: z.literal(CONTENT_TO_BACKGROUND.snapshot),
  trigger: z.enum(SNAPSHOT_TRIGGERS),
  snapshot: CartSnapshotSchema,
});
export type ContentSnapshotMessage = z.infer<typeof ContentSnapshotMessageSchema>;

export const PopupMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(POPUP_TO_BACKGROUND.getTabState), tabId: z.number().int().nonnegative() }),
  z.object({
    type: z.literal(POPUP_TO_BACKGROUND.setCodeUsed),
    accountId: z.string().min(1).max(40),
    code: z.string().min(1).max(40),
    used: z.boolean(),
  }),
  z.object({ type: z.literal(POPUP_TO_BACKGROUND.addCode), promo: PromoCodeSchema }),
  z.object({ type: z.literal(POPUP_TO_BACKGROUND.removeCode), code: z.string().min(1).max(40) }),
  z.object({ type: z.literal(POPUP_TO_BACKGROUND.refreshFeed) }),
  z.object({
    type: z.literal(POPUP_TO_BACKGROUND.saveSettings),
    feedUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ }).max(2000)]),
  }),
  z.object({ type: z.literal(POPUP_TO_BACKGROUND.dismissNotices) }),
]);
export type PopupMessage = z.infer<typeof PopupMessageSchema>;

/**
 * Reply to the popup's changes (setCodeUsed, addCode, removeCode, saveSettings, dismissNotices, and
 * refreshFeed, whose download outcome is in `attempt` and in `TabState.feed.lastAttempt`): `{ ok: true }`,
 * or `{ ok: false, error }` when it could not be done (e.g. storage full), worded for the shopper.
 */
export type ActionReply =
  | { readonly ok: true; readonly attempt?: FeedStatus['lastAttempt'] }
  | { readonly ok: false; readonly error: string };

/**
 * What the in-page hint shows, already worded by the background in the browser's language, so the
 * content script carries no rule engine and no message catalog.
 */
export interface HintModel {
  readonly tone: 'ok' | 'bad' | 'warn' | 'unknown';
  readonly headline: string;
  readonly detail: string | null;
  readonly fix: string | null;
  /** The best code that fits now, to copy. */
  readonly copy: { readonly code: string; readonly label: string; readonly copiedLabel: string } | null;
  readonly dismissLabel: string;
}

export interface FeedStatus {
  /** Which copy of the feed is in use now. */
  readonly activeSource: 'remote-feed' | 'bundled';
  readonly publisher: string;
  readonly generatedAt: string;
  readonly codeCount: number;
  readonly feedUrl: string;
  /** The last download attempt, if any: when, and the error that kept the last good copy in place. */
  readonly lastAttempt: { readonly at: string; readonly ok: boolean; readonly error: string | null } | null;
}

/** Reply to `getTabState`: everything the popup shows for one tab. */
export interface TabState {
  readonly tabId: number;
  /** The latest snapshot of that tab, or null when it is not an AliExpress cart/checkout page we read. */
  readonly snapshot: import('../rules/schemas/snapshot.ts').CartSnapshot | null;
  /** Diagnosis of the code entered on that tab; null when no code was entered. */
  readonly diagnosis: import('../rules/types.ts').Diagnosis | null;
  readonly matches: import('../rules/types.ts').MatchingCodes | null;
  readonly accountId: string;
  /** Usage history of this account, newest first. */
  readonly history: readonly import('../rules/schemas/history.ts').UsageEntry[];
  readonly myCodes: readonly import('../rules/schemas/catalog.ts').PromoCode[];
  readonly feed: FeedStatus;
  readonly settings: { readonly feedUrl: string };
  /** Storage problems found at start-up (garbage dropped), shown once so the shopper knows. */
  readonly notices: readonly string[];
}
