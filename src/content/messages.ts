/**
 * The one message name the content script sends. `src/shared/protocol.ts` owns it, but importing that file
 * would pull zod (~27 KB gzip) into the content script, so the string is repeated here and a unit test
 * (tests/content/messages.test.ts) keeps the two equal.
 */
export const PAGE_MESSAGE = 'content->background:page' as const;
