/**
 * Cart page (/p/shoppingcart/index.html): lines, their store and tick, and the summary of selected lines
 * (facts §3.2). The list is virtualised (rows unmount when scrolled away), so the summary's Subtotal is
 * the authority and the lines only cross-check it.
 */
import { containsAny, queryAllFirst, queryFirst, queryFirstIn, textOf } from '../dom.ts';
import { CART, EMPTY_CART_TEXT, LOADING } from '../selectors.ts';
import {
  LIMITS,
  LINES_NOT_READ_YET,
  NOT_READ,
  type RawLine,
  type RawPage,
  type ReadScope,
} from '../../shared/page-model/raw.ts';
import { clip } from '../../shared/page-model/text.ts';
import { readRowsByLabelText, readRowsBySelector } from './summary.ts';

const ITEM_ID = /\/item\/(\d{1,40})\.html/;
const STORE_ID = /\/store\/(?:[^/?#]*\/)?(\d{1,40})(?!\d)/;

export function readCart(doc: Document, scope: ReadScope): RawPage {
  // Without its lines, one match says whether the cart has any: no list of 500 elements to build.
  const lineSet = scope.lines
    ? queryAllFirst(doc, CART.line)
    : queryFirst(doc, CART.line) && { elements: [], selector: '' };
  const summaryElement = queryFirst(doc, CART.summary);
  // The whole body's text only when there are no lines: on a 500-line cart that text is large.
  const emptyCart = !lineSet && containsAny(textOf(doc.body), EMPTY_CART_TEXT);

  // The spinner only matters when nothing else was found: no scan of the whole page for it otherwise.
  if (!lineSet && !emptyCart && doc.querySelector(LOADING.join(','))) {
    return { ...NOT_READ, ready: false, notReadyReason: 'the cart is still loading (spinner shown)' };
  }

  const lines = lineSet && scope.lines ? readLines(doc, lineSet.elements.slice(0, LIMITS.lines)) : null;
  let summary = summaryElement
    ? readRowsBySelector(summaryElement, {
        row: CART.summaryRow,
        label: CART.summaryRowLabel,
        value: CART.summaryRowValue,
      })
    : null;
  summary ??= readRowsByLabelText(summaryElement ?? doc.body);

  if (!summary && !lineSet && !emptyCart) {
    return {
      ...NOT_READ,
      ready: false,
      notReadyReason:
        'no cart lines and no summary yet: the cart may still be loading, or its layout changed',
      summaryMissing: 'no cart summary was found (the page may still be loading, or its layout changed)',
      linesMissing: 'no cart lines were found (the page may still be loading, or its layout changed)',
    };
  }

  return {
    ready: true,
    notReadyReason: null,
    summary,
    summaryMissing: summaryElement
      ? 'the cart summary has no rows we recognise'
      : 'no cart summary was found (its layout may have changed)',
    totalText: null,
    lines: lines ? { lines, source: `cart lines ${lineSet?.selector ?? ''}`.trim() } : null,
    linesMissing: emptyCart
      ? 'the cart is empty'
      : lineSet && !scope.lines
        ? LINES_NOT_READ_YET
        : 'no cart lines were found with the known selectors (the layout may have changed)',
    emptyCart,
    promo: null,
    addressCountry: null,
  };
}

function readLines(doc: Document, lineElements: readonly Element[]): RawLine[] {
  const find = {
    title: queryFirstIn(doc, CART.title),
    variant: queryFirstIn(doc, CART.variant),
    price: queryFirstIn(doc, CART.price),
    quantity: queryFirstIn(doc, CART.quantity),
    checked: queryFirstIn(doc, CART.checkboxChecked),
    checkbox: queryFirstIn(doc, CART.checkbox),
  };
  // Headers and lines in document order: a line belongs to the last store header before it.
  const headerSelector = CART.storeHeader.join(',');
  const lineSet = new Set(lineElements);
  const lines: RawLine[] = [];
  let store: { name: string | null; id: string | null } = { name: null, id: null };
  for (const element of doc.querySelectorAll(`${headerSelector},${CART.line.join(',')}`)) {
    // Only the outermost matched line: `.cart-product` may sit inside `.cart-product-wrap-group-new`.
    if (lineSet.has(element)) {
      lines.push(readLine(element, store, find));
    } else if (element.matches(headerSelector)) {
      const link = queryFirst(element, CART.storeLink);
      store = {
        name: clip(textOf(link ?? element), LIMITS.longText) || null,
        id: STORE_ID.exec(link?.getAttribute('href') ?? '')?.[1] ?? null,
      };
    }
  }
  return lines;
}

type Finders = Record<
  'title' | 'variant' | 'price' | 'quantity' | 'checked' | 'checkbox',
  ReturnType<typeof queryFirstIn>
>;

function readLine(line: Element, store: { name: string | null; id: string | null }, find: Finders): RawLine {
  const titleElement = find.title(line);
  const href = titleElement?.getAttribute('href') ?? '';
  const title = titleElement?.getAttribute('title')?.trim() || textOf(titleElement);
  const variant = textOf(find.variant(line));
  const priceElement = find.price(line);
  const quantityInput = find.quantity(line) as HTMLInputElement | null;
  // `.value`, not the attribute: React updates the property when the shopper changes the quantity.
  const quantity = quantityInput ? Number.parseInt(quantityInput.value, 10) : Number.NaN;
  return {
    title: clip(title, LIMITS.longText),
    productId: ITEM_ID.exec(href)?.[1] ?? null,
    // The cart shows the variant ("Color: Black") but not its sku id.
    skuId: null,
    variant: variant ? clip(variant, LIMITS.shortText) : null,
    storeName: store.name,
    storeId: store.id,
    priceText: priceElement ? clip(textOf(priceElement), LIMITS.shortText) : null,
    quantity: Number.isInteger(quantity) && quantity > 0 ? quantity : null,
    selected: readTick(line, find),
  };
}

function readTick(line: Element, find: Finders): boolean | null {
  if (find.checked(line)) return true;
  const box = find.checkbox(line);
  if (!box) return null;
  // No `instanceof HTMLInputElement`: the diagnose CLI runs this in Node, where DOM classes are not global.
  const input = (
    box.tagName === 'INPUT' ? box : box.querySelector('input[type=checkbox]')
  ) as HTMLInputElement | null;
  return input?.checked === true;
}
