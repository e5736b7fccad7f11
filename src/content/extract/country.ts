/**
 * The country of the checkout's shipping address, from its text ("…, California, United States, 94102").
 * Names come from the browser's own `Intl.DisplayNames` in English and the page language, for the countries
 * AliExpress ships to most; built once, on the first checkout read.
 */

// Common AliExpress destinations; a country not listed leaves the address country unknown (never wrong).
const CODES = (
  'US GB DE FR ES IT NL BE LU PL SE NO DK FI PT IE AT CH CZ SK HU RO BG GR HR SI LT LV EE UA RU BY KZ ' +
  'IL TR SA AE QA KW BR MX CL CO PE AR CA AU NZ JP KR IN ID MY SG TH VN PH ZA NG EG MA LB'
).split(' ');
const ALIASES: readonly (readonly [string, string])[] = [
  ['usa', 'US'],
  ['u.s.a.', 'US'],
  ['uk', 'GB'],
  ['great britain', 'GB'],
];

const cache = new Map<string, readonly (readonly [string, string])[]>();

function namesFor(language: string): readonly (readonly [string, string])[] {
  const cached = cache.get(language);
  if (cached) return cached;
  const names: [string, string][] = ALIASES.map(([name, code]) => [name, code]);
  for (const locale of new Set(['en', language])) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      continue;
    }
    for (const code of CODES) {
      const name = display.of(code);
      if (name && name !== code) names.push([name.toLowerCase(), code]);
    }
  }
  cache.set(language, names);
  return names;
}

function isWordAt(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (
    (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
    (after === undefined || !/[\p{L}\p{N}]/u.test(after))
  );
}

/**
 * The ISO code of the country named in an address, or null. When several names occur (the US state
 * "Georgia" and "United States"), the last one wins: AliExpress prints the country after the state.
 */
export function countryInAddress(address: string, pageLanguage: string): string | null {
  const text = address.toLowerCase();
  let best: { code: string; at: number; length: number } | null = null;
  for (const [name, code] of namesFor(pageLanguage.split('-')[0] || 'en')) {
    let at = text.lastIndexOf(name);
    while (at >= 0 && !isWordAt(text, at, at + name.length))
      at = at > 0 ? text.lastIndexOf(name, at - 1) : -1;
    if (at < 0) continue;
    if (!best || at > best.at || (at === best.at && name.length > best.length))
      best = { code, at, length: name.length };
  }
  return best?.code ?? null;
}
