/**
 * Message names and triggers of the protocol, without zod: `protocol.ts` re-exports them next to its
 * schemas, and the popup imports them from here so zod and the schemas stay out of the popup's bundle
 * (the background validates everything it receives).
 */
export const CONTENT_TO_BACKGROUND = {
  /**
   * A fresh read of the page (text and structure, `PageRead`); the background assembles the snapshot.
   * `trigger` says why it was read. Reply: HintModel | null.
   */
  page: 'content->background:page',
  /**
   * The shopper pasted or typed in the promo field, and the background already holds a full read of this
   * page: only the captured code, no page read. The background applies it to the tab's latest snapshot.
   * Reply: HintModel | null.
   */
  promoInput: 'content->background:promo-input',
  /**
   * The small content script saw the shopper's first move, or a paste or click, on a page whose main
   * content script is not there yet: the background injects it (src/content/early-events.ts). No reply.
   */
  wake: 'content->background:wake',
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

export const SNAPSHOT_TRIGGERS = [
  /**
   * The page's first read: after the shopper's first move on the page, or, on a payment result, by the
   * background when the tab completed loading (src/shared/page-reader.ts).
   */
  'load',
  'mutation',
  'promo-input',
  'apply-click',
  'pay-click',
  /** The popup opened: the background read the whole page, cart lines included. */
  'popup-open',
] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];
