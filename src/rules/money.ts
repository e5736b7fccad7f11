/**
 * Money is an integer count of the currency's minor units plus its ISO 4217 code.
 * Floats never hold money: every amount a check compares is an integer.
 */
export type CurrencyCode = string;

export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

const minorDigitsCache = new Map<string, number>();

/** Digits after the decimal point for a currency (USD 2, JPY 0, KWD 3), from the platform's ICU data. */
export function minorUnitDigits(currency: CurrencyCode): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    // Unknown code: keep the common default; schemas reject malformed codes before they get here.
  }
  minorDigitsCache.set(currency, digits);
  return digits;
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`money amount must be a safe integer of minor units, got ${amountMinor}`);
  }
  return { amountMinor, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new TypeError(`cannot combine ${a.currency} with ${b.currency} without a rate`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

/** Multiply by a whole quantity (line price x quantity). */
export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`quantity must be an integer, got ${factor}`);
  return money(a.amountMinor * factor, a.currency);
}

/** A percentage of an amount, rounded down to a whole minor unit (a shop never gives a fraction of a cent). */
export function percentOf(a: Money, percent: number): Money {
  return money(Math.floor((a.amountMinor * Math.round(percent * 100)) / 10000), a.currency);
}

/** Decimal text of a money amount, e.g. 9900 USD -> "99.00"; used by messages and tests, not for display. */
export function toDecimalString(a: Money): string {
  const digits = minorUnitDigits(a.currency);
  const sign = a.amountMinor < 0 ? '-' : '';
  const abs = Math.abs(a.amountMinor).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Exchange rates as the feed gives them: units of each currency per one unit of `base`. */
export interface ExchangeRates {
  readonly base: CurrencyCode;
  readonly rates: Readonly<Record<CurrencyCode, number>>;
}

function unitsPerBase(currency: CurrencyCode, fx: ExchangeRates): number | null {
  if (currency === fx.base) return 1;
  const rate = fx.rates[currency];
  return rate !== undefined && Number.isFinite(rate) && rate > 0 ? rate : null;
}

/**
 * An amount in another currency's minor units, unrounded (callers choose how to round, and compare
 * with the rates' uncertainty); null when a rate is missing. Same currency converts exactly.
 */
export function convertToMinor(a: Money, to: CurrencyCode, fx: ExchangeRates | null): number | null {
  if (a.currency === to) return a.amountMinor;
  if (fx === null) return null;
  const fromRate = unitsPerBase(a.currency, fx);
  const toRate = unitsPerBase(to, fx);
  if (fromRate === null || toRate === null) return null;
  const units = a.amountMinor / 10 ** minorUnitDigits(a.currency);
  return (units / fromRate) * toRate * 10 ** minorUnitDigits(to);
}

/** `convertToMinor`, rounded to a whole minor unit. `up` for thresholds to clear, `down` for savings. */
export function convertMoney(
  a: Money,
  to: CurrencyCode,
  fx: ExchangeRates | null,
  rounding: 'up' | 'down' | 'nearest',
): Money | null {
  // Same currency, whole amount: nothing to convert or round (ranking asks this for thousands of codes).
  const whole = Number.isSafeInteger(a.amountMinor) && Math.abs(a.amountMinor) <= 2 ** 32;
  if (a.currency === to && whole) return a;
  const minor = convertToMinor(a, to, fx);
  if (minor === null) return null;
  // Float noise (99.00000000001) must not round a whole amount up by a cent.
  const cleaned = Math.round(minor * 1e6) / 1e6;
  const round = rounding === 'up' ? Math.ceil : rounding === 'down' ? Math.floor : Math.round;
  return money(round(cleaned), to);
}
