/**
 * The snapshot's currency: the `c_tp` field of aep_usuc_f when readable (the account's display currency,
 * facts §2.1), else the price text when its symbol names exactly one currency ("US $" -> USD, "zł" -> PLN).
 * "$", "kr" and "¥" name several currencies, so they alone leave the currency unknown. When the cookie and
 * the prices disagree (currency switched in another tab), neither is trusted.
 */
import type { Field } from '../../rules/schemas/field.ts';
import { clip } from './text.ts';

// Symbols that name one currency, longest first so "US $" wins over "$" and "R$" over "$".
// Seen: US $ [IL-CART], $ on .us [DSH], ₪ [IL-SEL], kr/zł/грн/C$/€ [MCP] and others (facts §6).
const SYMBOLS: readonly (readonly [RegExp, string])[] = [
  [/US\s?\$/, 'USD'],
  [/R\$/, 'BRL'],
  [/(?:C\$|CA\s?\$)/, 'CAD'],
  [/(?:A\$|AU\s?\$)/, 'AUD'],
  [/NZ\s?\$/, 'NZD'],
  [/MX\s?\$/, 'MXN'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/zł/, 'PLN'],
  [/₪/, 'ILS'],
  [/₽|руб/, 'RUB'],
  [/₴|грн/, 'UAH'],
  [/₩/, 'KRW'],
  [/₹/, 'INR'],
  [/Kč/, 'CZK'],
  [/₺/, 'TRY'],
  [/฿/, 'THB'],
  [/₫/, 'VND'],
  [/CHF/, 'CHF'],
];
const ISO_IN_TEXT =
  /\b(USD|EUR|GBP|PLN|SEK|NOK|DKK|BRL|ILS|CAD|AUD|CHF|CZK|HUF|RUB|UAH|KRW|JPY|MXN|CLP|TRY)\b/;
const AMBIGUOUS = /\$|kr\b|¥|円|元/;

type Inferred = { code: string; sample: string } | { code: null; reason: string };

/** The one currency the price texts name, or why not. */
export function currencyFromPriceText(texts: readonly string[]): Inferred {
  const found = new Map<string, string>();
  let ambiguousSample: string | null = null;
  for (const text of texts) {
    const iso = ISO_IN_TEXT.exec(text)?.[1];
    const bySymbol = SYMBOLS.find(([pattern]) => pattern.test(text))?.[1];
    const code = bySymbol ?? iso;
    if (code) {
      if (!found.has(code)) found.set(code, text);
    } else if (!ambiguousSample && AMBIGUOUS.test(text)) {
      ambiguousSample = text;
    }
  }
  if (found.size === 1) {
    const [code, sample] = [...found.entries()][0] as [string, string];
    return { code, sample };
  }
  if (found.size > 1) {
    return {
      code: null,
      reason: `prices on the page show several currencies (${[...found.keys()].join(', ')})`,
    };
  }
  if (ambiguousSample) {
    return {
      code: null,
      reason: `the price "${clip(ambiguousSample, 40)}" has a symbol several currencies use`,
    };
  }
  return { code: null, reason: 'no price with a currency symbol was found on the page' };
}

export function resolveCurrency(
  cookieCurrency: string | undefined,
  cookieNote: string,
  priceTexts: readonly string[],
): Field<string> {
  const inferred = currencyFromPriceText(priceTexts);
  if (cookieCurrency && /^[A-Z]{3}$/.test(cookieCurrency)) {
    if (inferred.code && inferred.code !== cookieCurrency) {
      return {
        known: false,
        reason: `the aep_usuc_f cookie says ${cookieCurrency} but the page shows prices in ${inferred.code} ("${clip(inferred.sample, 40)}"); reload the page`,
      };
    }
    return { known: true, value: cookieCurrency, source: 'cookie aep_usuc_f (c_tp)' };
  }
  if (inferred.code !== null) {
    return { known: true, value: inferred.code, source: `price text "${clip(inferred.sample, 40)}"` };
  }
  return { known: false, reason: `${cookieNote}, and ${inferred.reason}` };
}
