/**
 * The country of the checkout's shipping address, from its text ("…, California, United States, 94102").
 * English names are built in (no `Intl.DisplayNames` on an English page: building it costs ~30-50 ms of the
 * shopper's main thread on first use); other page languages add the browser's names in that language only.
 */

import { isWordChar } from '../dom.ts';

// Common AliExpress destinations as code + English name (as `Intl.DisplayNames` words them, in lower case:
// nothing to convert on the shopper's page load), then aliases. A country not listed leaves the address
// country unknown (never wrong).
const ENGLISH =
  'USunited states|GBunited kingdom|DEgermany|FRfrance|ESspain|ITitaly|NLnetherlands|BEbelgium|LUluxembourg|' +
  'PLpoland|SEsweden|NOnorway|DKdenmark|FIfinland|PTportugal|IEireland|ATaustria|CHswitzerland|CZczechia|' +
  'SKslovakia|HUhungary|ROromania|BGbulgaria|GRgreece|HRcroatia|SIslovenia|LTlithuania|LVlatvia|EEestonia|' +
  'UAukraine|RUrussia|BYbelarus|KZkazakhstan|ILisrael|TRtürkiye|SAsaudi arabia|AEunited arab emirates|' +
  'QAqatar|KWkuwait|BRbrazil|MXmexico|CLchile|COcolombia|PEperu|ARargentina|CAcanada|AUaustralia|' +
  'NZnew zealand|JPjapan|KRsouth korea|INindia|IDindonesia|MYmalaysia|SGsingapore|THthailand|VNvietnam|' +
  'PHphilippines|ZAsouth africa|NGnigeria|EGegypt|MAmorocco|LBlebanon|' +
  'USusa|USu.s.a.|GBuk|GBgreat britain|CZczech republic|TRturkey';

const cache = new Map<string, readonly (readonly [string, string])[]>();

function namesFor(language: string): readonly (readonly [string, string])[] {
  const cached = cache.get(language);
  if (cached) return cached;
  const english = ENGLISH.split('|').map((entry) => [entry.slice(2), entry.slice(0, 2)] as const);
  const names = [...english];
  try {
    if (language !== 'en') {
      const display = new Intl.DisplayNames([language], { type: 'region' });
      for (const [, code] of english) {
        const name = display.of(code);
        if (name && name !== code) names.push([name.toLowerCase(), code]);
      }
    }
  } catch {
    // An unknown page language: English names only.
  }
  cache.set(language, names);
  return names;
}

function isWordAt(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}

/**
 * Lower-cases A-Z only. `toLowerCase` on a text with one non-ASCII letter ("Türkiye", "São Paulo") loads
 * ICU's case data, several milliseconds of the shopper's page load (issue 8); the English names need
 * only ASCII, and the non-ASCII letters they hold are written in lower case.
 */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/**
 * The ISO code of the country named in an address, or null. When several names occur (the US state
 * "Georgia" and "United States"), the last one wins: AliExpress prints the country after the state.
 */
export function countryInAddress(address: string, pageLanguage: string): string | null {
  const language = asciiLowerCase(pageLanguage.split('-')[0] ?? '') || 'en';
  // Other languages' names come from Intl.DisplayNames, which has loaded ICU already.
  const text = language === 'en' ? asciiLowerCase(address) : address.toLowerCase();
  let best: { code: string; at: number; length: number } | null = null;
  for (const [name, code] of namesFor(language)) {
    let at = text.lastIndexOf(name);
    while (at >= 0 && !isWordAt(text, at, at + name.length))
      at = at > 0 ? text.lastIndexOf(name, at - 1) : -1;
    if (at < 0) continue;
    if (!best || at > best.at || (at === best.at && name.length > best.length))
      best = { code, at, length: name.length };
  }
  return best?.code ?? null;
}
