/**
 * Reads one price as AliExpress (or any shop) prints it: "US $12.22", "-US $3.43", "1 366,66kr",
 * "R$ 1.234,56", "₪10.00 - ₪25.00", "١٬٢٣٤٫٥٦ ج.م.", "Free".
 *
 * The currency comes from the page data or the `c_tp` cookie field, never from the symbol: a symbol only
 * has to agree with it. When a separator could mean thousands or decimals and nothing decides, the answer
 * is `ambiguous`: a wrong amount would give the shopper a wrong verdict, an ambiguous one only an unknown.
 *
 * Hand-written on purpose (see the commit message): @internationalized/number costs ~2.7 KB gzip and parses
 * strictly by one locale, so it reads "1.192,72 €" as 1.19272 under en-US and "1,234" as 1234 without
 * saying it guessed, while AliExpress formats prices by currency, not by the account's UI locale.
 */
import { minorUnitDigits } from '../../../rules/money.ts';

export type PriceReading =
  /** amountMinor is signed: -343 for "-US $3.43"; `negative` also keeps the sign of "-US $0.00". */
  | { kind: 'amount'; amountMinor: number; currency: string; negative: boolean }
  | { kind: 'free' }
  /** A "from - to" price; min and max in minor units. */
  | { kind: 'range'; min: number; max: number; currency: string }
  | { kind: 'ambiguous'; reason: string }
  | { kind: 'invalid'; reason: string };

export interface PriceContext {
  /** ISO 4217 code from the page data or the `c_tp` cookie field. */
  currency: string;
  /**
   * The locale the price text was formatted in, only when known (BCP 47 or AliExpress's en_US form). It
   * settles "1,234"-style separators, so leave it out when unsure: AliExpress shows "1 366,66kr" to an
   * en_US account paying in SEK.
   */
  locale?: string | undefined;
}

/** Longer text is not one price; also bounds the work on hostile page text. */
const MAX_TEXT_LENGTH = 300;

/** Currency tokens (lower case) and the ISO codes they can stand for; other tokens are ignored. */
const SYMBOLS: Record<string, string> = {
  // Dollar and peso currencies; a rarer one reading "$" comes out invalid, never as a wrong amount.
  $: 'USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP UYU CUP DOP JMD TTD BSD BZD FJD XCD NIO BND MOP CUC WST',
  us$: 'USD',
  c$: 'CAD NIO',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  s$: 'SGD',
  hk$: 'HKD',
  nt$: 'TWD',
  mx$: 'MXN',
  r$: 'BRL',
  br$: 'BRL',
  rd$: 'DOP',
  j$: 'JMD',
  tt$: 'TTD',
  'e£': 'EGP',
  'l£': 'LBP',
  'cn¥': 'CNY',
  'jp¥': 'JPY',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP EGP FKP GIP SHP SSP SYP LBP SDG',
  '¥': 'JPY CNY',
  円: 'JPY',
  元: 'CNY TWD HKD MOP',
  '₩': 'KRW KPW',
  원: 'KRW',
  '₪': 'ILS',
  '₹': 'INR',
  '₨': 'INR PKR LKR NPR MUR SCR',
  rs: 'INR PKR LKR NPR MUR SCR',
  '₽': 'RUB',
  руб: 'RUB BYN',
  р: 'RUB BYN',
  '₴': 'UAH',
  грн: 'UAH',
  zł: 'PLN',
  kč: 'CZK',
  kr: 'SEK NOK DKK ISK',
  ft: 'HUF',
  lei: 'RON MDL',
  лв: 'BGN',
  '₺': 'TRY',
  tl: 'TRY',
  '₫': 'VND',
  đ: 'VND',
  '฿': 'THB',
  บาท: 'THB',
  rp: 'IDR',
  rm: 'MYR',
  '₱': 'PHP',
  r: 'ZAR',
  chf: 'CHF',
  fr: 'CHF RWF',
  '₦': 'NGN',
  '₸': 'KZT',
  '₾': 'GEL',
  '₼': 'AZN',
  '৳': 'BDT',
  '₡': 'CRC',
  'ر.س': 'SAR',
  'د.إ': 'AED',
  'د.ك': 'KWD',
  'ج.م': 'EGP',
  'ر.ق': 'QAR',
  'د.ب': 'BHD',
  'ر.ع': 'OMR',
  'ل.ل': 'LBP',
  ریال: 'IRR',
  ريال: 'IRR SAR OMR QAR YER',
  // Toman = 10 rial and has no ISO code: a toman amount is never an IRR amount.
  تومان: '',
};

/** Dashes and minus signs; a range dash or a sign depending on where it stands. */
const DASH = '[\\-\u2010-\u2015\u2212\uFE58\uFE63~\u301C]';
const DASH_RE = new RegExp(DASH);
/** A minus before the number: after a non-letter, then only symbols; or right against the number ("Kz-12"). */
const SIGN_RE = new RegExp(
  `(?:(?:^|[^\\p{L}\\p{N}])${DASH}(?:[ .\u00A4]|[\\p{L}\\p{M}]{1,5}(?![\\p{L}\\p{M}])|\\p{Sc})*|${DASH}[ \u00A4]*)$`,
  'u',
);
/** A number: digit runs joined by single group or decimal separators (after normalising). */
const NUMBER_RE = /\d+(?:[.,' \u066B\u066C]\d+)*/g;
/** Currency tokens: letters before $ £ ¥ ("US $", "CA$", "E£"), words ("kr", "ج.م"), or one symbol. */
const TOKEN_RE = /\p{L}{1,4} ?[$£¥]|[\p{L}\p{M}]+(?:[.'][\p{L}\p{M}]+)*|\p{Sc}/gu;
/** "Free" in the languages AliExpress serves, after accents are removed and text lower-cased. */
const FREE_RE =
  /(?:^|[^\p{L}])(?:free|gratis|gratuit|kostenlos|бесплатн|darmow|zdarma|ucretsiz|חינם|مجان)|無料|免费|무료/u;
const CURRENCY_MARK = '\u00A4';

let isoCodes: Set<string> | undefined;
function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
  );
  return isoCodes.has(code);
}

/** Maps any decimal digit (Arabic-Indic, Persian, Devanagari, fullwidth...) to ASCII. */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 48;
  let zero = code;
  // Unicode keeps each script's digits 0-9 contiguous; walk back to that script's zero.
  while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String(code - zero);
}

/** Strips direction marks, unifies spaces, apostrophes, fullwidth forms and digits. */
function normalise(text: string): string {
  return text
    .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFFE1\uFFE5\uFFE6]/g, (c) => ({ '\uFFE1': '£', '\uFFE5': '¥' })[c] ?? '₩')
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/[\u2019\u02BC\u2032]/g, "'")
    .replace(/\p{Nd}/gu, asciiDigit)
    .trim();
}

const separatorCache = new Map<string, { group?: string; decimal?: string } | null>();
/** The group and decimal symbols the locale prints in prices (fr-CH: "." in prices, "," elsewhere). */
function localeSeparators(locale: string, currency: string): { group?: string; decimal?: string } | null {
  const key = `${locale} ${currency}`;
  let found = separatorCache.get(key);
  if (found !== undefined) return found;
  found = null;
  try {
    found = {};
    for (const part of new Intl.NumberFormat(locale.replace(/_/g, '-'), {
      style: 'currency',
      currency,
      minimumFractionDigits: 1,
    }).formatToParts(1234567.5)) {
      if (part.type === 'group' || part.type === 'decimal') found[part.type] = normalise(part.value) || ' ';
    }
  } catch {
    // Not a locale Intl knows: decide without it.
  }
  separatorCache.set(key, found);
  return found;
}

type Reading = PriceReading;
const ambiguous = (reason: string): Reading => ({ kind: 'ambiguous', reason });
const invalid = (reason: string): Reading => ({ kind: 'invalid', reason });

/** Replaces currency tokens with CURRENCY_MARK and collects the ISO codes each may stand for. */
function markCurrencies(affix: string, found: string[]): string {
  const lookup = (token: string): string | undefined => {
    const codes = SYMBOLS[token.toLowerCase()];
    if (codes !== undefined) return codes;
    return /^[A-Z]{3}$/.test(token) && isIsoCurrency(token) ? token : undefined;
  };
  const mark = (token: string): string => {
    const codes = lookup(token);
    if (codes === undefined) return token;
    found.push(codes);
    return CURRENCY_MARK;
  };
  return affix.replace(TOKEN_RE, (token) => {
    if (!/[$£¥]$/.test(token) || token.length === 1 || lookup(token.replace(' ', '')) !== undefined) {
      return mark(token.replace(/ (?=[$£¥])/, ''));
    }
    // "Total$" or "SGD$": the letters and the sign are separate tokens.
    const letters = token.slice(0, -1);
    return mark(letters.trim()) + (letters.endsWith(' ') ? ' ' : '') + mark(token.slice(-1));
  });
}

/** Integer minor units of one number, or why it cannot be read. */
function readNumber(number: string, currency: string, locale: string | undefined): number | Reading {
  const minorDigits = minorUnitDigits(currency);
  const runs = number.split(/[.,' \u066B\u066C]/);
  const separators = number.replace(/\d+/g, '');
  const last = separators.slice(-1);
  let decimal = '';
  if (last === '\u066B') decimal = last;
  else if ((last === '.' || last === ',') && separators.indexOf(last) === separators.length - 1) {
    const [whole = '', fraction = ''] = runs;
    if (separators.length > 1 || fraction.length !== 3 || whole.length > 3 || whole.startsWith('0')) {
      // Thousands groups have exactly 3 digits after a short non-zero lead; anything else is decimals.
      decimal = last;
    } else if (minorDigits > 0) {
      // "1,234": 1234 or 1.234? A currency without minor units never shows decimals; otherwise the locale.
      const symbols = locale ? localeSeparators(locale, currency) : null;
      if (symbols?.decimal === last) decimal = last;
      else if (symbols?.group !== last) {
        return ambiguous(`separator-unclear: "${last}" in ${number} may separate thousands or decimals`);
      }
    }
  }
  const groupSeparators = decimal ? separators.slice(0, -1) : separators;
  const intRuns = decimal ? runs.slice(0, -1) : runs;
  const fraction = decimal ? (runs.at(-1) ?? '') : '';
  if (groupSeparators) {
    const [first = '', ...rest] = intRuns;
    const middle = rest.slice(0, -1);
    const groupsOk =
      groupSeparators === (groupSeparators[0] ?? '').repeat(groupSeparators.length) &&
      groupSeparators[0] !== decimal &&
      groupSeparators[0] !== '\u066B' &&
      first.length <= 3 &&
      !first.startsWith('0') &&
      rest.at(-1)?.length === 3 &&
      // Western groups of 3, or Indian lakh/crore groups of 2 ("1,23,456").
      (middle.every((run) => run.length === 3) ||
        (first.length <= 2 && middle.every((run) => run.length === 2)));
    if (!groupsOk) return ambiguous(`bad-grouping: ${number}`);
  }
  let minorText = fraction;
  if (minorText.length > minorDigits) {
    if (/[1-9]/.test(minorText.slice(minorDigits))) {
      return ambiguous(`too-many-decimals: ${number} has more than ${minorDigits}`);
    }
    minorText = minorText.slice(0, minorDigits);
  }
  const digits = (intRuns.join('') + minorText.padEnd(minorDigits, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return invalid(`too-large: ${number}`);
  return Number(digits);
}

export function parsePrice(text: string, ctx: PriceContext): PriceReading {
  const currency = ctx.currency;
  if (!/^[A-Z]{3}$/.test(currency)) return invalid(`unknown-currency: ${currency}`);
  if (text.length > MAX_TEXT_LENGTH) return invalid('too-long');
  const normalised = normalise(text)
    // "1.899,-" and "50,- Kč": a dash in place of the cents means a whole amount.
    .replace(new RegExp(`(\\d)([.,]) ?${DASH}(?! ?\\d)`, 'g'), '$1$200')
    // ".75 €": a separator with no digit before it starts a fraction.
    .replace(/(^|[^\d.,])([.,]\d)/g, '$10$2');
  if (!normalised) return invalid('empty');

  const numbers: string[] = [];
  const affix = normalised.replace(NUMBER_RE, (number) => {
    numbers.push(number);
    return '\u0000';
  });
  const bare = affix.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
  if (numbers.length === 0) return FREE_RE.test(bare) ? { kind: 'free' } : invalid('no-number');
  if (FREE_RE.test(bare)) return ambiguous('free-and-number');
  if (numbers.length > 2) return ambiguous(`several-numbers: ${numbers.length}`);

  const codes: string[] = [];
  const [prefix = '', middle = '', suffix = ''] = markCurrencies(affix, codes).split('\u0000');
  const after = numbers.length === 1 ? middle : suffix;
  // Two numbers are a range only as "A - B" with nothing but currency signs around the dash; otherwise
  // they are a price and something else ("AED 8000 (USD 2179)", "129,00 € (-15%)"), and we cannot tell which.
  if (numbers.length === 2) {
    const dash = middle.search(DASH_RE);
    const spacedLikeRange = dash >= 0 && (middle[dash - 1] === ' ') === (middle[dash + 1] === ' ');
    const onlyDashAndSigns = middle.replace(new RegExp(`[ ${CURRENCY_MARK}]`, 'g'), '').length === 1;
    if (!spacedLikeRange || !onlyDashAndSigns || /^ ?%/.test(after)) return ambiguous('several-numbers: 2');
  }
  const foreign = codes.find((set) => !set.split(' ').includes(currency));
  if (foreign !== undefined) {
    return invalid(
      `currency-mismatch: the text shows ${foreign || 'a non-ISO currency'}, expected ${currency}`,
    );
  }
  if (/^ ?%/.test(after)) return invalid('percentage');

  // A sign right before the number, possibly beyond the symbol ("-US $3.43", "CHF-1'234.56", "- 1 021,35kr",
  // "−$CA 12"), but not the hyphen of a word ("Pre-order US $5"). Short words may be symbols we do not know.
  const negative = SIGN_RE.test(prefix) || (/\([ ¤]*$/.test(prefix) && /^[ ¤]*\)/.test(after));
  // Any other dash before the number ("Pre-order", "Total - US $5") could still be a sign: do not guess.
  if (!negative && DASH_RE.test(prefix)) return ambiguous('dash-before-number');

  const first = readNumber(numbers[0] ?? '', currency, ctx.locale);
  if (typeof first !== 'number') return first;
  if (numbers.length === 1) {
    return { kind: 'amount', amountMinor: negative && first ? -first : first, currency, negative };
  }
  if (negative) return ambiguous('several-numbers: a negative range');
  const second = readNumber(numbers[1] ?? '', currency, ctx.locale);
  if (typeof second !== 'number') return second;
  if (second <= first) return ambiguous('bad-range: the upper bound is not above the lower one');
  return { kind: 'range', min: first, max: second, currency };
}
