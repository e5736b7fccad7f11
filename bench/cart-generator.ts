/**
 * Synthetic AliExpress pages for the benchmark, built from the markup public scrapers recorded on the live
 * site (cart: Comet `cart-product` lines, 2025-11..2026-09; checkout: `pl-` summary and promo field,
 * 2026-09). Deterministic: the same seed gives the same page, so runs compare like with like.
 */

import { must } from './stats.ts';

/** Small deterministic PRNG (mulberry32) so every run serves byte-identical pages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = [
  'Wireless',
  'Portable',
  'Mini',
  'Stainless Steel',
  'Magnetic',
  'Waterproof',
  'USB-C',
  'LED',
  'Foldable',
  'Ultra Thin',
  'Silicone',
  'Adjustable',
];
const NOUNS = [
  'Bluetooth Earbuds',
  'Phone Holder',
  'Charging Cable 2m',
  'Kitchen Scale',
  'Desk Lamp',
  'Camping Lantern',
  'Watch Band',
  'Screwdriver Set 25 in 1',
  'Car Vacuum Cleaner',
  'Power Bank 20000mAh',
  'Mechanical Keyboard',
  'Storage Box',
  'Gift Card Holder',
  'Bike Light Set',
];
const SUFFIXES = [
  'for iPhone 15 Samsung Xiaomi',
  '2026 New',
  'Free Shipping',
  'Hot Sale',
  'High Quality',
  'with Retail Box',
  'for Home Office Travel',
];
const COLOURS = ['Black', 'White', 'Blue', 'Red', 'Grey', 'Green', 'Pink'];
const SIZES = ['S', 'M', 'L', 'XL', '1m', '2m', 'EU Plug', 'US Plug'];
const STORE_WORDS = [
  'Baseus',
  'UGREEN',
  'Tech',
  'Home',
  'Global',
  'Digital',
  'Lifestyle',
  'Outdoor',
  'Official',
  'Factory',
  'Direct',
  'Choice',
];

/** Page text is our own generated text, but escape it anyway: titles carry quotes and ampersands. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `US $12.34` from minor units, as AliExpress writes USD prices for EN accounts. */
export function formatUsd(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}US $${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export interface GeneratedLine {
  readonly productId: string;
  readonly skuId: string;
  readonly cartId: string;
  readonly title: string;
  readonly sku: string;
  readonly unitPriceMinor: number;
  readonly crossedPriceMinor: number | null;
  readonly quantity: number;
  readonly selected: boolean;
  readonly storeIndex: number;
}

export interface GeneratedStore {
  readonly name: string;
  readonly sellerId: string;
}

export interface GeneratedCart {
  readonly lines: readonly GeneratedLine[];
  readonly stores: readonly GeneratedStore[];
  readonly selectedSubtotalMinor: number;
}

/** A cart of `lineCount` lines spread over stores of 1..12 lines, about one line in six unticked. */
export function generateCart(lineCount: number, seed = 500): GeneratedCart {
  const random = seededRandom(seed);
  const lines: GeneratedLine[] = [];
  const stores: GeneratedStore[] = [];
  while (lines.length < lineCount) {
    const storeIndex = stores.length;
    stores.push({
      name: `${pick(random, STORE_WORDS)} ${pick(random, STORE_WORDS)} Store`,
      sellerId: String(2_200_000_000_000 + Math.floor(random() * 9_000_000_000)),
    });
    const inStore = Math.min(lineCount - lines.length, 1 + Math.floor(random() * 12));
    for (let i = 0; i < inStore; i++) {
      const unitPriceMinor = 99 + Math.floor(random() * 6900);
      lines.push({
        productId: String(1_005_001_000_000_000 + Math.floor(random() * 9_999_999_999)),
        skuId: String(12_000_000_000_000 + Math.floor(random() * 999_999_999)),
        cartId: String(11_004_000_000_000 + lines.length * 7919),
        title: `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} ${pick(random, SUFFIXES)}`,
        sku: random() < 0.8 ? `Color: ${pick(random, COLOURS)}; Size: ${pick(random, SIZES)}` : '',
        unitPriceMinor,
        crossedPriceMinor: random() < 0.6 ? Math.round(unitPriceMinor * (1.2 + random())) : null,
        quantity: random() < 0.85 ? 1 : 2 + Math.floor(random() * 3),
        selected: random() >= 1 / 6,
        storeIndex,
      });
    }
  }
  const selectedSubtotalMinor = lines
    .filter((line) => line.selected)
    .reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  return { lines, stores, selectedSubtotalMinor };
}

function checkbox(checked: boolean, label: string): string {
  const aria = checked ? `unselect ${label}` : `select ${label}`;
  return (
    `<label class="comet-v2-checkbox${checked ? ' comet-v2-checkbox-checked' : ''}">` +
    `<span class="comet-v2-checkbox-inner"><input type="checkbox" class="comet-v2-checkbox-input" aria-label="${aria}"${checked ? ' checked' : ''}></span></label>`
  );
}

function cartLineHtml(line: GeneratedLine): string {
  return `
        <div class="cart-product activity_cart_product" data-cart-id="${line.cartId}">
          <div class="cart-product-body">
            ${checkbox(line.selected, 'product')}
            <a class="cart-product-img" href="https://www.aliexpress.com/item/${line.productId}.html" style="background-image:url(https://ae-pic-a1.aliexpress-media.com/kf/S${line.skuId}.jpg_220x220.jpg)"></a>
            <div class="cart-product-info">
              <div class="cart-product-name">
                <a class="cart-product-name-title" href="https://www.aliexpress.com/item/${line.productId}.html" title="${escapeHtml(line.title)}" target="_blank">${escapeHtml(line.title)}</a>
                <span class="cart-product-name-ope-trashCan" role="button" aria-label="delete product"></span>
              </div>
              ${line.sku ? `<div class="cart-product-sku"><div class="skuStr">${escapeHtml(line.sku)}</div></div>` : ''}
              <div class="cart-product-price">
                <div class="cart-product-price-buynow"><div class="es--wrap--1Hlfkoj"><span class="es--char--1Z5wVp3">${formatUsd(line.unitPriceMinor)}</span></div></div>
                ${line.crossedPriceMinor === null ? '' : `<div class="cart-product-price-s"><del>${formatUsd(line.crossedPriceMinor)}</del></div>`}
              </div>
            </div>
            <div class="cart-product-block-action-wrapper">
              <div class="comet-v2-input-number">
                <div class="comet-v2-input-number-btn comet-v2-input-number-btn-decrease" role="button" aria-label="decrease">-</div>
                <input class="comet-v2-input-number-input" aria-label="number" autocomplete="off" value="${line.quantity}">
                <div class="comet-v2-input-number-btn comet-v2-input-number-btn-increase" role="button" aria-label="increase">+</div>
              </div>
            </div>
          </div>
        </div>`;
}

const PAGE_CSS = `
  body { margin: 0; font: 14px/1.4 "Open Sans", Roboto, Arial, sans-serif; background: #f5f5f5; color: #191919; }
  .header { height: 64px; background: #fff; display: flex; align-items: center; padding: 0 24px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  .cart-main { display: flex; gap: 24px; max-width: 1240px; margin: 24px auto; }
  .cart-list { flex: 1; }
  .cart-store-group, .cart-header { background: #fff; border-radius: 8px; margin-bottom: 16px; padding: 16px; }
  .group-title-ctn { display: flex; gap: 8px; align-items: center; font-weight: 600; margin-bottom: 8px; }
  .cart-product-body { display: flex; gap: 12px; padding: 12px 0; border-top: 1px solid #f0f0f0; }
  .cart-product-img { width: 100px; height: 100px; border-radius: 8px; background: #eee center/cover; flex: none; }
  .cart-product-info { flex: 1; min-width: 0; }
  .cart-product-name-title { color: #191919; text-decoration: none; display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .cart-product-sku { color: #666; font-size: 12px; margin: 4px 0; }
  .cart-product-price-buynow { font-weight: 700; font-size: 16px; }
  .cart-product-price-s { color: #999; font-size: 12px; }
  .comet-v2-input-number { display: inline-flex; border: 1px solid #ddd; border-radius: 16px; }
  .comet-v2-input-number-btn { width: 28px; text-align: center; cursor: pointer; }
  .comet-v2-input-number-input { width: 40px; border: 0; text-align: center; }
  .cart-summary, .pl-summary-container { width: 360px; background: #fff; border-radius: 8px; padding: 16px; position: sticky; top: 16px; align-self: flex-start; }
  .cart-summary-item-wrapStyle, .pl-summary__item-pc { display: flex; justify-content: space-between; margin: 8px 0; }
  .cart-summary-button, .place-order-primary-btn { width: 100%; height: 44px; border: 0; border-radius: 22px; background: #fd384f; color: #fff; font-weight: 700; font-size: 16px; }
  .pl-block-container { background: #fff; border-radius: 8px; margin-bottom: 16px; padding: 16px; }
  .pl-promoCode-input-wrap-pc { display: flex; gap: 8px; }
  .pl-promoCode-input { flex: 1; height: 32px; border: 1px solid #ddd; border-radius: 4px; padding: 0 8px; }
`;

function pageShell(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${PAGE_CSS}</style>
</head>
<body>
<div class="header"><a class="logo" href="https://www.aliexpress.com/">AliExpress</a></div>
${body}
</body>
</html>`;
}

/** The cart page (www.aliexpress.com/p/shoppingcart/index.html) with every line rendered. */
export function cartPageHtml(cart: GeneratedCart): string {
  const selectedCount = cart.lines.filter((line) => line.selected).length;
  const groups: string[] = [];
  let index = 0;
  while (index < cart.lines.length) {
    const storeIndex = must(cart.lines[index], 'cart line').storeIndex;
    const store = must(cart.stores[storeIndex], 'store');
    const storeLines: GeneratedLine[] = [];
    for (let line = cart.lines[index]; line && line.storeIndex === storeIndex; line = cart.lines[++index])
      storeLines.push(line);
    const allSelected = storeLines.every((line) => line.selected);
    groups.push(`
      <div class="cart-store-group">
        <div class="group-title-ctn">
          ${checkbox(allSelected, 'store')}
          <a class="group-title-name" href="https://www.aliexpress.com/store/${store.sellerId}" target="_blank">${escapeHtml(store.name)}</a>
        </div>
        <div class="cart-product-wrap-group-new">${storeLines.map(cartLineHtml).join('')}
        </div>
      </div>`);
  }
  const shippingMinor = 0;
  const body = `
<div class="cart-main">
  <div class="cart-list">
    <div class="cart-header">
      <div class="cart-header-title">Cart (${cart.lines.length})</div>
      <div class="cart-header-checkbox-wrap">${checkbox(selectedCount === cart.lines.length, 'all')} <span>Select all items</span></div>
      <div class="cart-header-delete-btn" role="button">Delete selected items</div>
    </div>
    ${groups.join('')}
  </div>
  <div class="cart-summary">
    <h2 class="cart-summary-title">Summary</h2>
    <div class="cart-summary-item-wrapStyle"><div class="cart-summary-item-wrapStyle-label">Subtotal</div><div class="cart-summary-item-wrapStyle-content">${formatUsd(cart.selectedSubtotalMinor)}</div></div>
    <div class="cart-summary-item-wrapStyle"><div class="cart-summary-item-wrapStyle-label">Shipping</div><div class="cart-summary-item-wrapStyle-content">Free</div></div>
    <div class="cart-summary-item-wrapStyle"><div class="cart-summary-item-wrapStyle-label">Estimated total</div><div class="cart-summary-item-wrapStyle-content">${formatUsd(cart.selectedSubtotalMinor + shippingMinor)}</div></div>
    <div class="cart-summary-chosenCartLines">${cart.lines
      .filter((line) => line.selected)
      .slice(0, 8)
      .map(
        (line) =>
          `<div class="cart-summary-chosenCartLines-item"><div class="cart-summary-chosenCartLines-item-img" style="background-image:url(https://ae-pic-a1.aliexpress-media.com/kf/S${line.skuId}.jpg_80x80.jpg)"></div></div>`,
      )
      .join('')}</div>
    <button class="comet-v2-btn cart-summary-button" type="button">Checkout (${selectedCount})</button>
  </div>
</div>`;
  return pageShell('Shopping Cart - AliExpress', body);
}

/** The checkout page (www.aliexpress.com/p/trade/confirm.html) for the first `lineCount` selected lines. */
export function checkoutPageHtml(cart: GeneratedCart, lineCount = 12): string {
  const lines = cart.lines.filter((line) => line.selected).slice(0, lineCount);
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const shipping = 299;
  const blocks = lines
    .map(
      (line) => `
    <div class="pl-block-container">
      <div class="group-product--wrapper--3VxWn9k">
        <div class="group-product--image--2n5t8Jg" style="background-image:url(https://ae-pic-a1.aliexpress-media.com/kf/S${line.skuId}.jpg_120x120.jpg)"></div>
        <div class="group-product--info--1Wn2kQh">
          <div class="group-product--title--3Ykd2mY" title="${escapeHtml(line.title)}">${escapeHtml(line.title)}</div>
          <div class="group-product--sku--2xDq9sJ">${escapeHtml(line.sku)}</div>
          <div class="group-product--price--1Rm2JcA">${formatUsd(line.unitPriceMinor)}</div>
          <div class="comet-input-number"><input class="comet-input-number-input" value="${line.quantity}" aria-label="number"></div>
        </div>
      </div>
      <div class="group-ship-options--wrapper--1yQ2uUq"><span class="group-ship-options--cost--2cRgS5a">Shipping: ${formatUsd(shipping)}</span><span class="group-ship-options--desc--3mDk9xP">Delivery: Oct 14 - 21</span></div>
    </div>`,
    )
    .join('');
  const body = `
<div class="cart-main">
  <div class="cart-list">
    <div class="pl-block-container pl-address-item-container" data-pl="pl-address">
      <div data-pl="pl-address-name">Jane Doe +1 555 0100</div>
      <div data-pl="pl-address-detail">1 Main Street, Springfield, Illinois, United States, 62701</div>
      <div data-pl="pl-address-change"><a href="#">Change</a></div>
    </div>
    <div class="pl-block-container placeorder-page-payment-container"><div class="chosen-channel--chosen-channel-title--3aDq1Jx">Payment Methods</div></div>
    ${blocks}
  </div>
  <div class="pl-summary-container">
    <div class="pl-summary__items">
      <div class="pl-summary__item-pc"><div class="pl-summary__item-title-pc" data-pl="pl-summary-title">Summary</div><div class="pl-summary__item-content-wrapper"></div></div>
      <div class="pl-summary__item-pc"><div class="pl-summary__item-title-pc" data-pl="pl-summary-title">Subtotal</div><div class="pl-summary__item-content-wrapper"><div class="pl-summary__item-content-pc">${formatUsd(subtotal)}</div></div></div>
      <div class="pl-summary__item-pc"><div class="pl-summary__item-title-pc" data-pl="pl-summary-title">Promo codes</div>
        <div class="pl-summary__item-content-wrapper">
          <div class="pl-promoCode">
            <div class="pl-promoCode-input-wrap-pc">
              <input class="pl-promoCode-input" aria-label="coupon code input" placeholder="Enter" autocomplete="off" value="">
              <button class="pl-promoCode-input-button" type="button">Apply</button>
            </div>
          </div>
        </div>
        <span class="pl-summary__item-arrow-pc"></span>
      </div>
      <div class="pl-summary__item-pc"><div class="pl-summary__item-title-pc" data-pl="pl-summary-title">Shipping fee</div><div class="pl-summary__item-content-wrapper"><div class="pl-summary__item-content-pc">${formatUsd(shipping)}</div></div></div>
    </div>
    <div class="pl-order-toal-container">
      <div class="pl-order-toal-container__item"><div class="pl-order-toal-container__item-title-wrap">Total</div><div class="pl-order-toal-container__item-content">${formatUsd(subtotal + shipping)}</div></div>
      <div class="pl-order-toal-container__btn-box"><button class="comet-btn comet-btn-primary place-order-primary-btn" type="button"><span>Pay now</span></button></div>
    </div>
  </div>
</div>`;
  return pageShell('Place Order - AliExpress', body);
}

/** A product page and the home page: AliExpress pages our content script must not run on. */
export function productPageHtml(cart: GeneratedCart): string {
  const line = must(cart.lines[0], 'first cart line');
  return pageShell(
    `${line.title} - AliExpress`,
    `<div class="pdp-info"><h1 data-pl="product-title">${escapeHtml(line.title)}</h1><div class="product-price-current">${formatUsd(line.unitPriceMinor)}</div><button class="comet-v2-btn add-to-cart">Add to cart</button></div>`,
  );
}

export function homePageHtml(): string {
  return pageShell(
    'AliExpress - Online Shopping for Popular Electronics, Fashion, Home & Garden, Toys & Sports, Automobiles and More.',
    `<div class="home-main"><input class="search--keyword--15P08Ji" placeholder="Search"><div class="hot-deals">Super Deals</div></div>`,
  );
}

export function otherSitePageHtml(): string {
  return `<!doctype html><html><head><title>Example Domain</title></head><body><div><h1>Example Domain</h1><p>This domain is for use in illustrative examples in documents.</p></div></body></html>`;
}
