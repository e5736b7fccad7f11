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
} as const;

export const BACKGROUND_TO_CONTENT = {
  /**
   * Read the whole page now, cart lines included, and reply with the `PageRead`. The content script reads
   * only the summary on load (a 500-line cart must not cost the shopper a read nobody looks at); the
   * background asks for the lines when the popup opens.
   */
  readPage: 'background->content:read-page',
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
  'load',
  'mutation',
  'promo-input',
  'apply-click',
  'pay-click',
  /** The background asked for the whole page (`BACKGROUND_TO_CONTENT.readPage`): the popup opened. */
  'popup-open',
] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];
