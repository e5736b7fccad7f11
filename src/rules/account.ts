/**
 * The account id used when the page did not show the shopper's member id. Kept apart from the zod
 * schemas (`schemas/history.ts` re-exports it) so the popup can compare against it without loading zod.
 */
export const UNKNOWN_ACCOUNT = 'unknown-account';
