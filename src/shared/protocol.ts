/**
 * The one message protocol between content script, popup and background. Names say the direction
 * (`content->background`, `popup->background`). The receiver validates every payload with the schemas
 * here; the content script imports only the types and names (zod stays out of its bundle).
 */
import { z } from '../rules/zod.ts';
import { PromoCodeSchema } from '../rules/schemas/catalog.ts';
import { fieldSchema } from '../rules/schemas/field.ts';
import { CAPTURE_VIAS, LIMITS, type PageRead } from './page-model/raw.ts';
import {
  CONTENT_TO_BACKGROUND,
  POPUP_TO_BACKGROUND,
  SNAPSHOT_TRIGGERS,
  type SnapshotTrigger,
} from './message-names.ts';

export { CONTENT_TO_BACKGROUND, POPUP_TO_BACKGROUND, SNAPSHOT_TRIGGERS, type SnapshotTrigger };

const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);
const reason = z.string().max(LIMITS.reason);
const digitsId = z.string().regex(/^\d{1,40}$/);

const CapturedCodeSchema = z.object({
  code: shortText,
  via: z.enum(CAPTURE_VIAS),
  at: z.number().int().nonnegative(),
});

const RawPageSchema = z.object({
  ready: z.boolean(),
  notReadyReason: reason.nullable(),
  summary: z
    .object({
      rows: z.array(z.object({ label: shortText, value: shortText })).max(LIMITS.rows),
      via: shortText,
    })
    .nullable(),
  summaryMissing: reason,
  totalText: shortText.nullable(),
  lines: z
    .object({
      lines: z
        .array(
          z.object({
            title: longText,
            productId: digitsId.nullable(),
            skuId: shortText.nullable(),
            variant: shortText.nullable(),
            storeName: longText.nullable(),
            storeId: digitsId.nullable(),
            priceText: shortText.nullable(),
            quantity: z.number().int().positive().max(100000).nullable(),
            selected: z.boolean().nullable(),
          }),
        )
        .max(LIMITS.lines),
      source: shortText,
    })
    .nullable(),
  linesMissing: reason,
  emptyCart: z.boolean(),
  promo: z
    .object({ fieldPresent: z.boolean(), inputValue: shortText.nullable(), errorText: longText.nullable() })
    .nullable(),
  addressCountry: fieldSchema(z.string().regex(/^[A-Z]{2}$/)).nullable(),
});

/** One read of a page, as the content script sends it (`PageRead` in src/shared/page-model/raw.ts). */
export const PageReadSchema = z.object({
  url: z.string().max(LIMITS.url),
  cookie: z.string().max(LIMITS.cookie).nullable(),
  raw: RawPageSchema,
  capture: z.object({ lastCode: CapturedCodeSchema.nullable(), appliedCode: CapturedCodeSchema.nullable() }),
  readAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<PageRead>;

export const PageReadMessageSchema = z.object({
  type: z.literal(CONTENT_TO_BACKGROUND.page),
  trigger: z.enum(SNAPSHOT_TRIGGERS),
  page: PageReadSchema,
});
export const PromoInputMessageSchema = z.object({
  type: z.literal(CONTENT_TO_BACKGROUND.promoInput),
  trigger: z.literal('promo-input'),
  capture: PageReadSchema.shape.capture,
});
export const WakeMessageSchema = z.object({ type: z.literal(CONTENT_TO_BACKGROUND.wake) });
/** What the content script sends on a paste or keystroke in the promo field. */
export interface PromoInputMessage {
  readonly type: typeof CONTENT_TO_BACKGROUND.promoInput;
  readonly trigger: 'promo-input';
  readonly capture: PageRead['capture'];
}

/** What the content script sends; the schema above checks it on arrival. */
export interface PageReadMessage {
  readonly type: typeof CONTENT_TO_BACKGROUND.page;
  readonly trigger: SnapshotTrigger;
  readonly page: PageRead;
}

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
  /** The hint's stylesheet (src/shared/hint-style.ts), kept out of the content script's bundles. */
  readonly stylesheet: string;
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
  /** The rule engine's words for the above, in the browser's language. */
  readonly wording: PopupWording;
}

/**
 * What the popup shows in the rule engine's words (verdict, findings, fixes, code terms, amounts), worded
 * by the background, which holds the engine and every translation: the popup loads neither, so its first
 * render waits for nothing but this reply (issue 8). Lists run index for index with the lists they word.
 */
export interface PopupWording {
  /** The supported locale the words are in; the popup formats its own dates and country names in it. */
  readonly locale: string;
  /** For `diagnosis`; null when there is none. */
  readonly verdict: VerdictWording | null;
  /** For `matches.fitting` and `matches.nearMisses`; empty without matches. */
  readonly fitting: readonly CodeWording[];
  readonly nearMisses: readonly CodeWording[];
  /** The terms of each of `myCodes` ("US $3 off US $20+"). */
  readonly myCodes: readonly string[];
  /** The snapshot's amounts, unsigned, in its currency ("US $87.40"); null when not read or no currency. */
  readonly amounts: Readonly<
    Record<keyof import('../rules/schemas/snapshot.ts').SnapshotAmounts, string | null>
  > | null;
  /** The tag on an illustrative code bundled with the extension. */
  readonly exampleLabel: string;
}

export interface VerdictWording {
  readonly headline: string;
  /** What to do about the culprit, with a suggested code's terms; null without a culprit or a fix. */
  readonly fix: string | null;
  /** One line per entry of `diagnosis.unreadable`. */
  readonly unreadable: readonly string[];
  /** One per entry of `diagnosis.results`. */
  readonly checks: readonly CheckWording[];
}

export interface CheckWording {
  readonly name: string;
  /** What the check found, with its numbers. */
  readonly summary: string;
  /** What to do, for a failure or warning that needs doing something; else null. */
  readonly fix: string | null;
  /**
   * A later check (not one of the checklist's five reasons) that passed: nothing to say, so the popup
   * folds it away.
   */
  readonly folded: boolean;
}

export interface CodeWording {
  /** "US $8 off US $59+" */
  readonly terms: string;
  /** "saves US $8.00" for a code that fits, "add US $11.60 to unlock" for a near miss. */
  readonly line: string;
}
