/**
 * Reads AliExpress's `aep_usuc_f` cookie: "site=glo&c_tp=USD&region=US&b_locale=en_US&x_alimid=...".
 * `region` is the ship-to country, `c_tp` the currency prices are shown and paid in, `b_locale` the UI
 * locale, `site` the storefront, `x_alimid` the member id. They vary independently ("site=deu&c_tp=USD&
 * region=LB&b_locale=de_DE" was captured live), so each is validated on its own.
 * Values hold `|` and `%` ("ups_d=1|1|1|1"): URLSearchParams would mangle both, so pairs are split by hand.
 */

export interface AepUsucF {
  /** Storefront catalogue: glo, usa, fra, esp, deu, rus, bra, kor... */
  site?: string;
  /** Ship-to country, ISO 3166-1 alpha-2 (upper case). */
  region?: string;
  /** Display and payment currency, ISO 4217. */
  currency?: string;
  /** UI locale as BCP 47 ("en-US"; AliExpress writes en_US, and iw_IL for Hebrew). */
  locale?: string;
  /** Logged-in member id (`x_alimid`). */
  memberId?: string;
  /** Fields that were present but malformed, so a caller can say why it could not read them. */
  rejected?: string[];
}

const COOKIE_NAME = 'aep_usuc_f';
/** Cookie text longer than this is not AliExpress's; also bounds work on hostile input. */
const MAX_LENGTH = 8192;

/** The raw value of cookie `name` in a `document.cookie` string, or null when it is absent. */
export function readCookie(documentCookie: string, name: string): string | null {
  for (const pair of documentCookie.slice(0, MAX_LENGTH * 4).split(';')) {
    const equals = pair.indexOf('=');
    if (equals >= 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return null;
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // A lone "%" or a broken escape: keep the text as AliExpress wrote it.
    return value;
  }
}

let isoCurrencies: Set<string> | undefined;
function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (typeof Intl.supportedValuesOf !== 'function') return true;
  isoCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCurrencies.has(code);
}

function canonicalLocale(value: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** Field name in the cookie -> our name, and the check its value must pass. */
const FIELDS = {
  site: ['site', (value: string) => (/^[a-z]{2,5}$/.test(value) ? value : undefined)],
  region: ['region', (value: string) => (/^[A-Z]{2}$/.test(value) ? value : undefined)],
  c_tp: ['currency', (value: string) => (isCurrencyCode(value) ? value : undefined)],
  b_locale: ['locale', canonicalLocale],
  x_alimid: ['memberId', (value: string) => (/^\d{1,20}$/.test(value) ? value : undefined)],
} as const satisfies Record<string, readonly [keyof AepUsucF, (value: string) => string | undefined]>;

/**
 * Parses the cookie from a whole `document.cookie` string or from the bare value. The first occurrence of
 * a field wins; a field that fails its check is left out and named in `rejected`.
 */
export function parseAepUsucF(cookieHeaderOrValue: string): AepUsucF {
  let value = cookieHeaderOrValue.trim();
  if (value.length > MAX_LENGTH * 4) return {};
  if (value.startsWith(`${COOKIE_NAME}=`) || value.includes(';'))
    value = readCookie(value, COOKIE_NAME) ?? '';
  // Some captures carry the whole value percent-encoded ("site%3Dglo%26c_tp%3DUSD").
  if (!value.includes('=') && /%3D/i.test(value)) value = decode(value);
  if (value.length > MAX_LENGTH) return {};

  const result: AepUsucF = {};
  const seen = new Set<string>();
  const rejected: string[] = [];
  for (const pair of value.split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const key = pair.slice(0, equals).trim();
    if (!Object.hasOwn(FIELDS, key) || seen.has(key)) continue;
    seen.add(key);
    const [name, check] = FIELDS[key as keyof typeof FIELDS];
    const checked = check(decode(pair.slice(equals + 1).trim()));
    if (checked === undefined) rejected.push(name);
    else result[name] = checked;
  }
  if (rejected.length > 0) result.rejected = rejected;
  return result;
}
