/**
 * The rule engine's public surface. Everything here is pure: no DOM, no extension APIs, no clock
 * (callers pass `now`), so the background, the popup, tests and benchmarks share one engine.
 */
export { diagnose, matchingCodes, mergeCatalog, FIVE_CHECK_IDS } from './diagnose.ts';
export { CHECKS } from './checks/index.ts';
export { cleanTypedCode, lookalikeKey, resolveCode, sameCode, type CodeResolution } from './code-match.ts';
export {
  compareWithMinSpend,
  savingOn,
  spendBase,
  type SpendBase,
  type SpendComparison,
  type UnreadableField,
} from './spend.ts';
export {
  createMessages,
  resolveLocale,
  visibleTyped,
  LOCALES,
  SUPPORTED_LOCALES,
  type Messages,
  type SupportedLocale,
} from './messages.ts';
export type { LocaleMessages, PartialLocaleMessages } from './locales/en.ts';
export { EXPIRING_SOON_MS } from './checks/expiry.ts';
export * from './money.ts';
export * from './types.ts';
export * from './schemas/catalog.ts';
export * from './schemas/history.ts';
export * from './schemas/snapshot.ts';
export { known, missing, type Field } from './schemas/field.ts';
