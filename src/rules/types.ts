/**
 * What checks return and what `diagnose` answers. Checks return facts and result codes, never sentences:
 * `messages.ts` words them, so the popup, the in-page hint and translations share one wording.
 */
import type { Money } from './money.ts';
import type { Catalog, CatalogSource, PromoCode } from './schemas/catalog.ts';
import type { UsageHistory } from './schemas/history.ts';
import type { CartSnapshot, PromoError } from './schemas/snapshot.ts';

/** Registry order is checklist order; see `checks/index.ts` for why each sits where it sits. */
export const CHECK_IDS = [
  'min-spend',
  'expiry',
  'region-lock',
  'ineligible-items',
  'already-used',
  'exact-code',
  'wrong-page',
  'platform',
  'one-code-per-order',
  'first-order',
  'app-only',
  'lower-tier',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** `warn`: the code may still apply, but something deserves attention (expires in 3 h, app-only). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unknown';

export type Fact =
  | { readonly kind: 'money'; readonly value: Money }
  | { readonly kind: 'instant'; readonly value: string; readonly timeZone: string }
  | { readonly kind: 'duration'; readonly ms: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'list'; readonly value: readonly string[] }
  | { readonly kind: 'country'; readonly value: string };

export interface CheckResult {
  readonly id: CheckId;
  readonly status: CheckStatus;
  /** Stable result code, `<check id>.<outcome>`, e.g. `min-spend.below`. Each has a message. */
  readonly code: string;
  readonly facts: Readonly<Record<string, Fact>>;
  /** A catalog code to use instead (the fitting lower tier, a current code, a global code). */
  readonly suggestion?: string;
}

/**
 * `unsure`: nothing fails, but one of the five checks could not be decided (a field unreadable, a currency
 * comparison inside the rates' uncertainty) or AliExpress shows an error none of our checks explains.
 * Answering `will-apply` then would be a guess.
 */
export type Verdict = 'will-apply' | 'will-be-rejected' | 'unknown-code' | 'cannot-read-page' | 'unsure';

export interface Diagnosis {
  readonly verdict: Verdict;
  /** The code as the shopper typed or pasted it. */
  readonly enteredCode: string;
  /** The catalog entry it was matched to (after trimming, case and lookalike repair), if any. */
  readonly promo: PromoCode | null;
  /** The first failing check in checklist order; null unless the verdict is will-be-rejected. */
  readonly culprit: CheckResult | null;
  /** Every failing check, in checklist order. */
  readonly failures: readonly CheckResult[];
  /** Every check that ran, in checklist order. */
  readonly results: readonly CheckResult[];
  /** For cannot-read-page: which snapshot fields could not be read, with the reasons. */
  readonly unreadable: readonly { readonly field: string; readonly reason: string }[];
  /** AliExpress's own error under the promo field, when the page shows one: evidence, never a verdict. */
  readonly pageError?: PromoError;
}

export interface CodeMatch {
  readonly promo: PromoCode;
  readonly source: CatalogSource;
  /** What the code takes off this cart, in the cart's currency. */
  readonly saving: Money;
  /** For a near miss: how much more the cart needs, in the cart's currency. */
  readonly shortfall: Money | null;
}

export interface MatchingCodes {
  /** Codes that fit this cart, region and history now, best saving first. */
  readonly fitting: readonly CodeMatch[];
  /** Codes that would fit after adding a little, smallest amount to add first. */
  readonly nearMisses: readonly CodeMatch[];
}

/**
 * Everything a check may look at. Checks are pure functions of this: no clock, no storage, no page.
 * Built by `diagnose` (and by `rankCodesByChecks`, the check-by-check definition of `matchingCodes`).
 */
export interface CheckContext {
  readonly snapshot: CartSnapshot;
  /** The code as typed or pasted, untouched. */
  readonly enteredCode: string;
  readonly catalog: Catalog;
  readonly history: UsageHistory;
  readonly now: Date;
  /** The member id from the snapshot, or `UNKNOWN_ACCOUNT` when the page did not show one. */
  readonly accountId: string;
  /**
   * Other real (non-example) catalog codes that fit this cart now, best saving first: where suggestions
   * come from. Empty inside `rankCodesByChecks`, which needs no suggestions. `diagnose` makes it a getter
   * that ranks the catalog only when a check reads it.
   */
  readonly fittingNow: readonly CodeMatch[];
  /** Results of the checks that ran before this one, in registry order (lower-tier reads min-spend's). */
  readonly earlier: readonly CheckResult[];
}

/** A check that needs the code's terms runs only when the entered code is in the catalog. */
export interface TermsCheckContext extends CheckContext {
  readonly promo: PromoCode;
}

interface CheckBase {
  readonly id: CheckId;
  /** Every result code this check can return, with the status it carries. The meta-test reads it. */
  readonly outcomes: Readonly<Record<string, CheckStatus>>;
}
export interface TermsCheck extends CheckBase {
  readonly needsTerms: true;
  run(ctx: TermsCheckContext): CheckResult;
}
export interface TermslessCheck extends CheckBase {
  readonly needsTerms: false;
  run(ctx: CheckContext): CheckResult;
}
export type Check = TermsCheck | TermslessCheck;

/** The problems `exact-code` can find in a typed code; each has a wording in every locale. */
export const TYPING_PROBLEMS = ['whitespace', 'invisible', 'case', 'lookalike'] as const;
export type TypingProblem = (typeof TYPING_PROBLEMS)[number];
