/**
 * `readPage`: what the content script reads from a page, as text and structure (`PageRead`). Which reader
 * runs depends on the URL alone; the background turns the read into a `CartSnapshot`
 * (src/shared/page-model/assemble.ts), so nothing here parses money or classifies errors.
 */
import { identifyPage } from '../../shared/page-model/page-kind.ts';
import { readCookie } from '../../shared/page-model/parse/region-cookie.ts';
import {
  LIMITS,
  NOT_READ,
  type PageRead,
  type PromoCaptureState,
  type RawPage,
  type ReadScope,
} from '../../shared/page-model/raw.ts';
import { readCart } from './cart.ts';
import { readCheckout } from './checkout.ts';
import { clip } from '../../shared/page-model/text.ts';
import { readPayResult } from './pay-result.ts';

const NOT_A_SHOP_PAGE = 'this is not an AliExpress cart, checkout or payment-result page';

export function readPage(
  doc: Document,
  url: string,
  documentCookie: string,
  capture: PromoCaptureState,
  now: Date,
  scope: ReadScope = { lines: true },
): PageRead {
  const { pageKind } = identifyPage(url);
  const raw: RawPage =
    pageKind === 'cart'
      ? readCart(doc, scope)
      : pageKind === 'checkout'
        ? readCheckout(doc, url, scope)
        : pageKind === 'order-placed'
          ? readPayResult(doc)
          : {
              ...NOT_READ,
              ready: true,
              notReadyReason: null,
              summaryMissing: NOT_A_SHOP_PAGE,
              linesMissing: NOT_A_SHOP_PAGE,
            };
  // Only aep_usuc_f (region, currency, member id) leaves the page: no other cookie is sent.
  const cookie = readCookie(documentCookie, 'aep_usuc_f');
  return {
    url: clip(url, LIMITS.url),
    cookie: cookie !== null && cookie.length <= LIMITS.cookie ? cookie : null,
    raw,
    capture,
    readAt: now.toISOString(),
  };
}
