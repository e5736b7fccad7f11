/**
 * The minimum-spend arithmetic shared by min-spend, ineligible-items and matchingCodes.
 * AliExpress's terms: "The minimum spend amount excludes shipping fees and taxes. The minimum spend amount
 * will be calculated after all other offers have been applied" (https://a.aliexpress.com/_oofKIum).
 */
import { convertMoney, convertToMinor, money, percentOf, type Money } from './money.ts';
import type { FxRates, PromoCode } from './schemas/catalog.ts';
import type { CartSnapshot } from './schemas/snapshot.ts';

export interface UnreadableField {
  readonly field: string;
  readonly reason: string;
}

export type SpendBase =
  | { readonly ok: true; readonly base: Money }
  | { readonly ok: false; readonly unreadable: readonly UnreadableField[] };

/** Items subtotal of the selected lines minus store discounts and seller coupons; shipping and tax never count. */
export function spendBase(snapshot: CartSnapshot): SpendBase {
  const { currency, amounts } = snapshot;
  const unreadable: UnreadableField[] = [];
  if (!currency.known) unreadable.push({ field: 'currency', reason: currency.reason });
  if (!amounts.itemsSubtotal.known)
    unreadable.push({ field: 'amounts.itemsSubtotal', reason: amounts.itemsSubtotal.reason });
  if (!amounts.storeDiscounts.known) {
    unreadable.push({ field: 'amounts.storeDiscounts', reason: amounts.storeDiscounts.reason });
  }
  if (!currency.known || !amounts.itemsSubtotal.known || !amounts.storeDiscounts.known)
    return { ok: false, unreadable };
  const minor = Math.max(0, amounts.itemsSubtotal.value - amounts.storeDiscounts.value);
  return { ok: true, base: money(minor, currency.value) };
}

export type SpendComparison =
  | { readonly kind: 'met'; readonly required: Money; readonly requiredConverted: Money | null }
  | {
      readonly kind: 'below';
      readonly required: Money;
      readonly requiredConverted: Money | null;
      /** What to add to be sure of crossing the threshold (the top of the rates' band when converting). */
      readonly shortfall: Money;
    }
  | {
      readonly kind: 'uncertain';
      readonly required: Money;
      readonly requiredConverted: Money;
      readonly uncertainty: number;
      readonly rateDate: string;
    }
  | { readonly kind: 'no-rate'; readonly required: Money };

/**
 * Compares an amount in the cart's currency with a code's minimum spend. Exactly at the threshold meets it.
 * Across currencies the converted threshold is only known to within the rates' uncertainty: inside that
 * band the answer is `uncertain`, never a guess.
 */
export function compareWithMinSpend(actual: Money, minSpend: Money, fx: FxRates | null): SpendComparison {
  const required = minSpend;
  if (actual.currency === minSpend.currency) {
    const shortfall = minSpend.amountMinor - actual.amountMinor;
    return shortfall <= 0
      ? { kind: 'met', required, requiredConverted: null }
      : { kind: 'below', required, requiredConverted: null, shortfall: money(shortfall, actual.currency) };
  }
  const converted = convertToMinor(minSpend, actual.currency, fx);
  const band = minSpendBand(minSpend, actual.currency, converted, fx);
  if (band === null || converted === null || fx === null) return { kind: 'no-rate', required };
  const requiredConverted = money(Math.round(converted), actual.currency);
  if (actual.amountMinor >= band.upper) return { kind: 'met', required, requiredConverted };
  if (actual.amountMinor < band.lower) {
    const shortfall = money(band.toClear - actual.amountMinor, actual.currency);
    return { kind: 'below', required, requiredConverted, shortfall };
  }
  return { kind: 'uncertain', required, requiredConverted, uncertainty: fx.uncertainty, rateDate: fx.date };
}

/**
 * Where a minimum spend lies in a cart currency, for amounts in that currency: at or above `upper` meets
 * it; below `lower` falls short by `toClear - amount`; in between (across currencies, within the rates'
 * uncertainty) is undecided. `converted` is the minimum in that currency, unrounded (`convertToMinor`).
 * Null when it cannot be converted.
 */
export interface MinSpendBand {
  readonly lower: number;
  readonly upper: number;
  readonly toClear: number;
}

export function minSpendBand(
  minSpend: Money,
  currency: string,
  converted: number | null,
  fx: FxRates | null,
): MinSpendBand | null {
  if (minSpend.currency === currency) {
    const { amountMinor } = minSpend;
    return { lower: amountMinor, upper: amountMinor, toClear: amountMinor };
  }
  if (converted === null || fx === null) return null;
  const upper = converted * (1 + fx.uncertainty);
  return { lower: converted * (1 - fx.uncertainty), upper, toClear: Math.ceil(upper - 1e-6) };
}

/**
 * What a code takes off a base, in the base's currency: a fixed amount (converted, rounded down), or a
 * percentage capped at its cap; never more than the base itself. Null when a needed rate is missing.
 */
export function savingOn(base: Money, promo: PromoCode, fx: FxRates | null): Money | null {
  const { discount } = promo;
  let saving: Money | null;
  if (discount.kind === 'fixed') {
    saving = convertMoney(discount.amount, base.currency, fx, 'down');
  } else {
    saving = percentOf(base, discount.percent);
    if (discount.cap) {
      const cap = convertMoney(discount.cap, base.currency, fx, 'down');
      if (cap === null) return null;
      if (cap.amountMinor < saving.amountMinor) saving = cap;
    }
  }
  if (saving === null) return null;
  return saving.amountMinor > base.amountMinor ? base : saving;
}
