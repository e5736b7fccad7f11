/**
 * The message names the content script sends. `src/shared/protocol.ts` owns them, but importing that file
 * would pull zod (~27 KB gzip) into the content script, so the strings are repeated here and a unit test
 * (tests/content/messages.test.ts) keeps them equal.
 */
export const PAGE_MESSAGE = 'content->background:page' as const;
export const PROMO_INPUT_MESSAGE = 'content->background:promo-input' as const;
