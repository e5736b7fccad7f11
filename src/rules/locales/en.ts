/**
 * English wording: the reference every other locale translates, and the fallback for any missing key.
 * Placeholders `{name}` are a result's facts (money, dates and lists formatted for the locale) or, in
 * verdicts and terms, the values named beside each key.
 */
import type { CheckId, TypingProblem, Verdict } from '../types.ts';

export interface LocaleMessages {
  readonly checkNames: Readonly<Record<CheckId, string>>;
  /** One line per result code: what was found. */
  readonly summaries: Readonly<Record<string, string>>;
  /** What to do about it; only for results that need doing something. */
  readonly fixes: Readonly<Record<string, string>>;
  /** Sentence offering `result.suggestion`, as `{code}` (with its terms where known); `default` for the rest. */
  readonly suggestions: Readonly<Partial<Record<CheckId, string>> & { default: string }>;
  readonly problems: Readonly<Record<TypingProblem, string>>;
  /** `{code}`: the entered code; `{check}`: the culprit's name. */
  readonly verdicts: Readonly<Record<Verdict, string>>;
  readonly terms: {
    /** `{discount}` off `{minSpend}`+ */
    readonly withMinimum: string;
    readonly noMinimum: string;
    /** `{percent}` with a `{cap}` */
    readonly percentWithCap: string;
    /** `{code}` and its `{terms}`, e.g. in a suggestion. */
    readonly codeWithTerms: string;
    /** `{shortfall}` to add. */
    readonly unlock: string;
    /** `{saving}` */
    readonly saving: string;
    readonly example: string;
  };
  /** Labels of snapshot fields, for "could not read" lists; unknown fields show their path. */
  readonly fields: Readonly<Record<string, string>>;
  /** `{field}` and `{reason}` */
  readonly unreadableLine: string;
}

/** A translation may leave keys out; each missing key falls back to English. */
export type PartialLocaleMessages = {
  readonly [K in keyof LocaleMessages]?: LocaleMessages[K] extends string
    ? string
    : Partial<LocaleMessages[K]>;
};

export const en: LocaleMessages = {
  checkNames: {
    'min-spend': 'Minimum spend',
    expiry: 'Expiry',
    'region-lock': 'Region',
    'ineligible-items': 'Ineligible items',
    'already-used': 'Already used',
    'exact-code': 'Exact code',
    'wrong-page': 'Checkout page',
    platform: 'Website or app',
    'one-code-per-order': 'One code per order',
    'first-order': 'First order only',
    'app-only': 'App only',
    'lower-tier': 'Lower tier',
  },
  summaries: {
    'min-spend.met': 'Needs {required} before shipping; your items come to {actual}.',
    'min-spend.below': 'Needs {required} before shipping; your items come to {actual}.',
    'min-spend.fx-uncertain':
      'Needs {required} (about {requiredConverted}); your items come to {actual}, too close to call with the exchange rates of {rateDate} (±{uncertaintyPercent} %).',
    'min-spend.no-rate':
      'Needs {required}, and there is no exchange rate from {fromCurrency} to {toCurrency} to compare with your {actual}.',
    'min-spend.unreadable': 'Could not read your items subtotal ({reason}).',
    'expiry.valid': 'Valid until {endsAt}.',
    'expiry.expiring-soon': 'Expires {endsAt}, in {endsIn}.',
    'expiry.not-started': 'Starts {startsAt}, in {startsIn}.',
    'expiry.expired': 'Expired {endedAt}.',
    'region-lock.global': 'Works in every region.',
    'region-lock.match': 'For {allowed} only; your account and shipping address match.',
    'region-lock.ship-to-outside': 'For {allowed} only; your order ships to {shipTo}.',
    'region-lock.account-outside': 'For {allowed} only; your account is set to {account}.',
    'region-lock.ship-to-unknown':
      'For {allowed} only, and we could not read where your order ships ({reason}).',
    'region-lock.account-unknown':
      'For {allowed} only. Your order ships to {shipTo}, but we could not read your account’s country.',
    'ineligible-items.no-exclusions': 'No stores, products or categories are excluded.',
    'ineligible-items.none-excluded': 'None of your items is excluded.',
    'ineligible-items.rejected': 'Not valid with: {lines}.',
    'ineligible-items.eligible-below':
      'Not counted toward the minimum: {lines}. The rest comes to {eligibleSubtotal}, below {required}.',
    'ineligible-items.not-counted':
      'Not counted toward the minimum: {lines}. The rest, {eligibleSubtotal}, still reaches {required}.',
    'ineligible-items.eligible-uncertain':
      'Not counted toward the minimum: {lines}. We cannot tell whether the rest reaches it.',
    'ineligible-items.lines-unknown': 'Could not check your items against this code’s exclusions ({reason}).',
    'already-used.unlimited': 'Can be used on every order.',
    'already-used.not-used': 'This account has not used it, as far as this device has seen.',
    'already-used.used': 'This account already used it on {usedAt}.',
    'already-used.account-unknown':
      'We could not tell which account is signed in, so we cannot check whether it was used.',
    'exact-code.exact': 'Typed exactly as {code}.',
    'exact-code.mistyped': 'You typed {typed}, the code is {code} ({problems}).',
    'exact-code.not-in-catalog': '{typed} is not in any code list we have.',
    'exact-code.empty': 'No code was entered.',
    'wrong-page.checkout': 'Entered on the checkout page.',
    'wrong-page.cart': 'The promo-code field that counts is on the checkout page, not in the cart.',
    'wrong-page.other': 'This is not the checkout page.',
    'platform.desktop': 'On the desktop website.',
    'platform.mobile-web': 'Some codes behave inconsistently on the mobile website.',
    'one-code-per-order.none-applied': 'No other code is applied.',
    'one-code-per-order.this-code-applied': 'This code is already applied.',
    'one-code-per-order.another-applied':
      '{applied} is already applied, and only one code can be used per order.',
    'one-code-per-order.unidentified-applied': 'A promo code is already applied; we could not see which.',
    'one-code-per-order.unreadable': 'Could not see whether another code is applied ({reason}).',
    'first-order.not-required': 'Not limited to a first order.',
    'first-order.has-ordered': 'For a first order only, and this account placed an order on {lastOrderAt}.',
    'first-order.maybe-ordered':
      'For a first order only. An order was recorded on {lastOrderAt}, perhaps from this account.',
    'first-order.first-order-only': 'For an account’s first order only.',
    'app-only.any-platform': 'Works on the website.',
    'app-only.app-only': 'Works only in the AliExpress app.',
    'lower-tier.not-needed': 'The minimum spend is met; no lower code needed.',
    'lower-tier.lower-fits': 'A lower code fits this cart now.',
    'lower-tier.none-fits': 'No lower code fits this cart now.',
  },
  fixes: {
    'min-spend.below': 'Add {shortfall} of eligible items to cross the threshold.',
    'min-spend.fx-uncertain':
      'Add a little more to be safe, or switch AliExpress’s currency to {fromCurrency} to compare exactly.',
    'min-spend.no-rate': 'Switch AliExpress’s currency to {fromCurrency}, or refresh the code list.',
    'min-spend.unreadable': 'Wait until the order summary shows, then check again.',
    'expiry.expiring-soon': 'Place the order before it expires.',
    'expiry.not-started': 'Wait until it starts, or use a code that is valid now.',
    'expiry.expired': 'Use a code with a current validity window.',
    'region-lock.ship-to-outside':
      'Use a global code, or an account set to {allowed} with a shipping address there.',
    'region-lock.account-outside':
      'Check your account region: Account → Settings → Country/Region. Use a shipping address in the same country, then refresh the cart. Or use a global code.',
    'region-lock.ship-to-unknown': 'Check the shipping address on the checkout page.',
    'region-lock.account-unknown':
      'Check Account → Settings → Country/Region: it must be {allowed} too. If you change it, refresh the cart.',
    'ineligible-items.rejected': 'Remove these items or order them separately, then apply the code again.',
    'ineligible-items.eligible-below':
      'Add {shortfall} of eligible items, or order the excluded items separately.',
    'ineligible-items.eligible-uncertain': 'Order the excluded items separately to be sure.',
    'ineligible-items.lines-unknown': 'Wait until your items show, then check again.',
    'already-used.used': 'Choose a different code. A seller coupon and coins still stack with your order.',
    'already-used.account-unknown': 'Sign in to AliExpress, then check again.',
    'exact-code.mistyped': 'Paste, don’t retype: use the Copy button so the code is exact.',
    'exact-code.not-in-catalog': 'Check where you got it, or add it with its terms so we can check it.',
    'exact-code.empty': 'Paste the code into the promo-code field.',
    'wrong-page.cart': 'Press Checkout and apply the code on the final payment screen.',
    'wrong-page.other': 'Go to checkout and apply the code on the final payment screen.',
    'platform.mobile-web': 'Use the official AliExpress app for this order.',
    'one-code-per-order.another-applied': 'Remove {applied} first if this code saves more.',
    'one-code-per-order.unidentified-applied':
      'If it is another code, remove it first: only one code can be used per order.',
    'first-order.has-ordered': 'Use a code open to every shopper.',
    'first-order.maybe-ordered': 'If this account has ordered before, use a code open to every shopper.',
    'first-order.first-order-only': 'If this account has ordered before, the code will be rejected.',
    'app-only.app-only': 'Place this order in the AliExpress app.',
  },
  suggestions: {
    'min-spend': 'Or use {code}, which fits this cart now.',
    expiry: 'Use {code} instead: it is valid now and fits this cart.',
    'region-lock': 'Or use {code}, which works in every region.',
    'ineligible-items': 'Or use {code}, which fits this cart as it is.',
    'already-used': '{code} fits this cart now.',
    'exact-code': 'The exact code is {code}.',
    'lower-tier': 'Use {code}, which fits this cart now.',
    default: 'Try {code}.',
  },
  problems: {
    whitespace: 'extra spaces',
    invisible: 'invisible characters',
    case: 'lower-case letters',
    lookalike: 'a lookalike character: 0/O, 1/I/l, 5/S or 8/B',
  },
  verdicts: {
    'will-apply': '{code} should apply to this order.',
    'will-be-rejected': '{code} will be rejected: {check}.',
    'unknown-code': '{code} is not in any code list we have.',
    'cannot-read-page': 'Could not read this page yet.',
    unsure: '{code} may not apply: some things could not be checked.',
  },
  terms: {
    withMinimum: '{discount} off {minSpend}+',
    noMinimum: '{discount} off, no minimum',
    percentWithCap: '{percent} (up to {cap})',
    codeWithTerms: '{code} ({terms})',
    unlock: 'add {shortfall} to unlock',
    saving: 'saves {saving}',
    example: 'example',
  },
  fields: {
    page: 'Page',
    currency: 'Currency',
    'amounts.itemsSubtotal': 'Items subtotal',
    'amounts.storeDiscounts': 'Store discounts and coupons',
    'region.shipTo': 'Ship-to country',
    'region.account': 'Account country',
    lines: 'Items',
    accountId: 'Account',
    'promo.enteredCode': 'Promo code',
  },
  unreadableLine: '{field}: {reason}',
};
