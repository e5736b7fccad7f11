/**
 * Which AliExpress page a URL is, from the URL alone (facts §1): cart `/p/shoppingcart/index.html`,
 * checkout `/p/trade/confirm.html`, payment result `/p/second-payment/pay-result.html`, on www.aliexpress.com,
 * www.aliexpress.us and the language subdomains; `m.aliexpress.com` is the mobile web.
 */
import type { PageKind, Platform } from '../../rules/schemas/snapshot.ts';

export interface PageIdentity {
  readonly pageKind: PageKind;
  readonly platform: Platform;
}

// Language subdomains seen in [SVT] js/config.js (2026-04) plus `vi` ([DSH] 2026-09-14); `m` is mobile web.
const DESKTOP_HOST = /^(?:www|pt|es|fr|de|it|nl|tr|ja|ko|th|ar|he|pl|vi)\.aliexpress\.(?:com|us)$/;
const MOBILE_HOST = /^m\.aliexpress\.(?:com|us)$/;

const PATH_KINDS: readonly (readonly [string, PageKind])[] = [
  ['/p/shoppingcart/index.html', 'cart'],
  ['/p/trade/confirm.html', 'checkout'],
  ['/p/second-payment/pay-result.html', 'order-placed'],
];

export function identifyPage(url: string): PageIdentity {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { pageKind: 'other', platform: 'desktop' };
  }
  const host = parsed.hostname.toLowerCase();
  const mobile = MOBILE_HOST.test(host);
  const platform: Platform = mobile ? 'mobile-web' : 'desktop';
  if (parsed.protocol !== 'https:' || (!mobile && !DESKTOP_HOST.test(host))) {
    return { pageKind: 'other', platform };
  }
  // The cart also answers at `/p/shoppingcart/` without index.html.
  const path = parsed.pathname === '/p/shoppingcart/' ? '/p/shoppingcart/index.html' : parsed.pathname;
  const kind = PATH_KINDS.find(([prefix]) => path === prefix)?.[1] ?? 'other';
  return { pageKind: kind, platform };
}
