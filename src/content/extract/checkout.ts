/**
 * Checkout / confirm page (/p/trade/confirm.html), facts §4.2: the `pl-` summary, the total beside Pay now,
 * the products of the order, the shipping address and the promo-code field.
 */
import { queryAllFirst, queryFirst, textOf } from '../dom.ts';
import { CHECKOUT, LOADING, PROMO } from '../selectors.ts';
import { countryInAddress } from './country.ts';
import {
  LIMITS,
  LINES_NOT_READ_YET,
  NOT_READ,
  type RawLine,
  type RawPage,
  type RawPromo,
  type ReadScope,
} from '../../shared/page-model/raw.ts';
import { clip } from '../../shared/page-model/text.ts';
import { readRowsByLabelText, readRowsBySelector } from './summary.ts';
import type { Field } from '../../rules/schemas/field.ts';

const ITEM_ID = /\/item\/(\d{1,40})\.html/;
const STORE_ID = /\/store\/(?:[^/?#]*\/)?(\d{1,40})(?!\d)/;
const DIGITS_ID = /^\d{1,40}$/;
const QUANTITY_TEXT = /(?:^|\s)[x×]\s?(\d{1,5})(?:\s|$)/i;

export function readCheckout(doc: Document, url: string, scope: ReadScope): RawPage {
  const summaryElement = queryFirst(doc, CHECKOUT.summary);
  let summary = summaryElement
    ? readRowsBySelector(summaryElement, {
        row: CHECKOUT.summaryRow,
        label: CHECKOUT.summaryRowLabel,
        value: CHECKOUT.summaryRowValue,
      })
    : null;
  summary ??= readRowsByLabelText(summaryElement ?? doc.body);
  if (!summary) {
    return {
      ...NOT_READ,
      ready: false,
      notReadyReason: doc.querySelector(LOADING.join(','))
        ? 'the checkout is still loading (spinner shown)'
        : 'no order summary yet: the checkout may still be loading, or its layout changed',
      summaryMissing: 'no order summary was found (the page may still be loading, or its layout changed)',
      linesMissing: 'the order summary has not loaded',
    };
  }

  const totalRow = queryFirst(doc, CHECKOUT.totalRow);
  const totalText = totalRow
    ? clip(textOf(queryFirst(totalRow, CHECKOUT.totalValue)), LIMITS.shortText) || null
    : null;
  const products = scope.lines ? queryAllFirst(doc, CHECKOUT.product) : null;
  const lines = products ? readProducts(doc, products.elements.slice(0, LIMITS.lines), url) : null;

  return {
    ready: true,
    notReadyReason: null,
    summary,
    summaryMissing: 'the order summary has no rows we recognise',
    totalText,
    lines: lines && products ? { lines, source: `order items ${products.selector}` } : null,
    linesMissing: scope.lines
      ? 'no order items were found with the known selectors (the layout may have changed)'
      : LINES_NOT_READ_YET,
    emptyCart: false,
    promo: readPromo(doc),
    addressCountry: readAddressCountry(doc),
  };
}

function readProducts(doc: Document, products: readonly Element[], url: string): RawLine[] {
  // Buy-now route: `confirm.html?objectId=<itemId>&skuId=<skuId>` names the one product and its sku ([IL-DEV]).
  const query = new URL(url).searchParams;
  const itemId = query.get('objectId');
  const skuId = query.get('skuId');
  const buyNow =
    products.length === 1
      ? {
          itemId: itemId && DIGITS_ID.test(itemId) ? itemId : null,
          skuId: skuId ? clip(skuId, LIMITS.shortText) : null,
        }
      : null;
  // Store titles precede their products in the item block; a store link before a product names its store.
  const storeLinks = Array.from(doc.querySelectorAll(CHECKOUT.storeLink.join(',')));
  return products.map((product) => {
    const link = queryFirst(product, CHECKOUT.productLink);
    const titleElement = queryFirst(product, CHECKOUT.productTitle);
    const storeLink = lastBefore(storeLinks, product);
    const quantity = readQuantity(product);
    return {
      title: clip(
        titleElement?.getAttribute('title')?.trim() || textOf(titleElement) || textOf(link),
        LIMITS.longText,
      ),
      productId: ITEM_ID.exec(link?.getAttribute('href') ?? '')?.[1] ?? buyNow?.itemId ?? null,
      skuId: buyNow?.skuId ?? null,
      // The variant line's class is hashed and undocumented on checkout: not read.
      variant: null,
      storeName: storeLink ? clip(textOf(storeLink), LIMITS.longText) || null : null,
      storeId: STORE_ID.exec(storeLink?.getAttribute('href') ?? '')?.[1] ?? null,
      priceText: readProductPrice(product),
      quantity,
      // Everything on the checkout page is being ordered.
      selected: true,
    };
  });
}

function lastBefore(candidates: readonly Element[], target: Element): Element | null {
  let found: Element | null = null;
  for (const candidate of candidates) {
    if (target.contains(candidate)) continue;
    // DOCUMENT_POSITION_FOLLOWING (4): target comes after candidate.
    if (candidate.compareDocumentPosition(target) & 4) found = candidate;
    else break;
  }
  return found;
}

function readQuantity(product: Element): number | null {
  const input = queryFirst(product, CHECKOUT.productQuantity) as HTMLInputElement | null;
  const raw = input ? input.value : QUANTITY_TEXT.exec(textOf(product))?.[1];
  const quantity = raw ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isInteger(quantity) && quantity > 0 ? quantity : null;
}

/**
 * The product's price: the deepest element whose whole text is one price and that is not struck through.
 * The price node's class is hashed and undocumented, so it is found by shape, not by name; AliExpress may
 * split it into one span per token ("US $" "24" "." "99"), hence "deepest holding the whole text": from
 * each text with a digit, up to the first element whose text is one price. Bottom-up, so a paste does not
 * pay for the text of every element of the order.
 */
function readProductPrice(product: Element): string | null {
  const walker = product.ownerDocument.createTreeWalker(product, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\d/.test(node.nodeValue ?? '')) continue;
    let element = node.parentElement;
    if (!element || element.closest('del, s, strike, [style*="line-through"], a')) continue;
    for (; element && product.contains(element); element = element.parentElement) {
      const text = textOf(element);
      if (text.length > 30) break;
      if (isOnePrice(text)) return text;
    }
  }
  return null;
}

const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One number and a short currency token ("US $24.99", "1 366,66kr", "₪12.90"); not "x2" or "4.8". */
function isOnePrice(text: string): boolean {
  const plain = text.replace(BIDI_MARKS, '');
  const numbers = plain.match(/\d(?:[\d.,'\s\u00a0\u202f]*\d)?/g);
  if (numbers?.length !== 1) return false;
  const token = plain.replace(numbers[0] ?? '', '').replace(/[\s\u00a0\u202f\-\u2212]/g, '');
  return token.length > 0 && token.length <= 4 && !/^[x×]$/i.test(token);
}

function readPromo(doc: Document): RawPromo {
  const input = queryFirst(doc, PROMO.input) as HTMLInputElement | null;
  // The "Promo codes" row that reveals the input counts as the field (the background also knows it by
  // its label, `promoRow`).
  const promoRowPresent = input !== null || queryFirst(doc, PROMO.wrapper) !== null;
  const errorElement = queryFirst(doc, PROMO.error);
  const errorText = errorElement && !errorElement.closest('[hidden]') ? textOf(errorElement) : '';
  return {
    fieldPresent: Boolean(input) || promoRowPresent,
    inputValue: input ? clip(input.value, LIMITS.shortText) : null,
    errorText: errorText ? clip(errorText, LIMITS.longText) : null,
  };
}

function readAddressCountry(doc: Document): Field<string> | null {
  const address = queryFirst(doc, CHECKOUT.address);
  if (!address) return null;
  const text = textOf(address);
  const language = doc.documentElement.getAttribute('lang') ?? 'en';
  const code = countryInAddress(text, language);
  return code
    ? { known: true, value: code, source: 'checkout shipping address' }
    : { known: false, reason: 'the checkout address names no country we recognise' };
}
