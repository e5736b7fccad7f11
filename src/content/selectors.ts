/**
 * Every selector and keyword the content script uses, in one file. (Summary-row label keywords live in
 * src/shared/page-model/labels.ts: the background classifies the labels the page shows.)
 *
 * Each list is tried in order; the first variant that matches wins. Order follows the facts file
 * (`aliexpress-facts.md`): aria/data attributes first, then stable unhashed class names, then documented
 * `[class*="prefix--"]` prefixes of hashed CSS-module names (the hash rotates, the prefix has not). Hashed
 * names themselves are never used. When every row selector misses, the summary falls back to short
 * "label value" pairs found by shape. Comments name the source shorthand of the facts file and the date it was seen.
 */

/** A named list of selectors, tried in order. */
export type SelectorList = readonly string[];

// ---------------------------------------------------------------------------------------------------------
// Loading state: an empty read while one of these is on the page is "not ready", never "cart is empty".
// ---------------------------------------------------------------------------------------------------------
export const LOADING: SelectorList = [
  '.comet-v2-loading-wrap', // cart spinner, [ALICATE] 2025-11
  '.cart-list-placeholder-loading', // cart skeleton while cart.render is pending, [ALICATE] 2025-11
  '.comet-loading', // checkout spinner, chromedp script (undated)
];

// ---------------------------------------------------------------------------------------------------------
// Cart page (/p/shoppingcart/index.html)
// ---------------------------------------------------------------------------------------------------------
export const CART = {
  /** One cart line. */
  line: [
    '.cart-product', // [IL-SEL] verified 2026-09-04; [ALICATE] 2025-11 (`div.cart-product.activity_cart_product`)
    '.cart-product-wrap-group-new', // line wrapper, [ZEN] 2026 and the "steal aliexpress cart" snippet
  ],
  /** Store group header; lines after it (in document order) belong to that store. */
  storeHeader: [
    '.group-title-ctn', // [IL-SEL] 2026-09-04
  ],
  /** Link to the store home inside the group header (`/store/<id>`): name and id. */
  storeLink: [
    'a[href*="/store/"]', // shopView.homeUrl is //www.aliexpress.com/store/<sellerId>, [IL-CART] 2026-08-02
  ],
  /** Title link; its href holds `/item/<id>.html`, its `title` attribute the full title. */
  title: [
    'a.cart-product-name-title', // [ALICATE] 2025-11, [IL-SEL] 2026-09-04
    '[class*="cart-product-name"] a[href*="/item/"]', // same element matched by prefix, [ALICATE]
  ],
  /** Variant text ("Color: Black, Size: M"). */
  variant: [
    '.cart-product-sku', // an unnamed public repo (undated)
    '.skuStr', // [ALICATE] v13, 2025-11
  ],
  /** The live (payable) unit price; the struck-through "was" price is a sibling, not inside it. */
  price: [
    '.cart-product-price-buynow', // child had hashed `.es--wrap--…`, an unnamed public repo
    '.cart-product-price-s', // older variant, same repo
  ],
  quantity: [
    'input.comet-v2-input-number-input[aria-label="number"]', // [IL-SEL] 2026-09-04, [ALICATE]
    '.comet-v2-input-number input', // same control without the aria label, [ALICATE]
  ],
  /** Ticked checkbox wrapper (label gets `comet-v2-checkbox-checked`). */
  checkboxChecked: [
    '.cart-product-body label.comet-v2-checkbox-checked', // [IL-SEL] 2026-09-04, [ALICATE]
    'label.comet-v2-checkbox-checked', // line wrappers without `.cart-product-body`, [ALICATE]
    '[aria-label="unselect product"]', // ticked boxes carry this at all three scopes, [IL-SEL] 2026-09-04
  ],
  /** Any checkbox of the line, ticked or not: its presence makes "not ticked" a fact, not a guess. */
  checkbox: [
    '.cart-product-body label.comet-v2-checkbox', // [IL-SEL]
    'label.comet-v2-checkbox', // [ALICATE]
    'input.comet-v2-checkbox-input', // hidden input inside the label, [IL-SEL]
    '.cart-header-checkbox input[type=checkbox]', // [ZEN] 2026 (header scope; never inside a line)
  ],
  summary: [
    '.cart-summary', // [ALICATE] 2025-11; AnhDuck accounting-helpers (undated)
  ],
  /** One summary row; label and value below. */
  summaryRow: [
    '.cart-summary-item-wrapStyle', // [ALICATE] 2025-11 ("rows … with -label / -content")
  ],
  summaryRowLabel: [
    '.cart-summary-item-wrapStyle-label', // [ALICATE] 2025-11
    '[class*="cart-summary-item"][class*="-label"]', // same family, spelled without "wrapStyle" (GUESS)
  ],
  summaryRowValue: [
    '.cart-summary-item-wrapStyle-content', // [ALICATE] 2025-11
    '[class*="cart-summary-item"][class*="-content"]', // same family (GUESS)
  ],
  checkoutButton: [
    'button.cart-summary-button', // text `Checkout (N)`, [IL-SEL] verified 2026-09-04
  ],
  header: [
    '.cart-header-title', // text `Cart (N)`, [ZEN] 2026, [IL-SEL]
  ],
} as const satisfies Record<string, SelectorList>;

// ---------------------------------------------------------------------------------------------------------
// Checkout / confirm page (/p/trade/confirm.html): BEM-ish `pl-` names, unhashed per [DSH] 2026-09-15.
// ---------------------------------------------------------------------------------------------------------
export const CHECKOUT = {
  summary: [
    '.pl-summary-container', // [IL-CONF] verified 2026-09-03/04; chromedp script
    '.pl-summary__items', // Java Selenium script (undated)
  ],
  summaryRow: [
    '.pl-summary__item-pc', // desktop rows, [IL-CONF] 2026-09-04
    '.pl-summary__item', // same rows without the `-pc` suffix, as the promo wrapper has both (GUESS: mobile web)
  ],
  summaryRowLabel: [
    '[data-pl="pl-summary-title"]', // [ZEN] 2026 matches promo rows through it
    '.pl-summary__item-title-pc', // [IL-CONF] 2026-09-04
    '.pl-summary__item-title', // `-pc`-less variant (GUESS: mobile web)
  ],
  summaryRowValue: [
    '.pl-summary__item-content-pc', // [IL-CONF] 2026-09-04
    '.pl-summary__item-content-wrapper', // [IL-CONF]; [ZEN] clicks it to reveal the promo input
    '.pl-summary__item-content', // `-pc`-less variant (GUESS: mobile web)
  ],
  /** The big Total under the summary, next to Pay now. */
  totalRow: [
    '.pl-order-toal-container__item', // sic "toal", [IL-CONF] 2026-09-04, [DSH] 2026-09-15
  ],
  totalLabel: [
    '.pl-order-toal-container__item-title-wrap', // [IL-CONF]
  ],
  totalValue: [
    '.pl-order-toal-container__item-content', // [IL-CONF]
  ],
  /** One product in the item block. */
  product: [
    '[class*="group-product--wrapper--"]', // hashed CSS module; prefix stable, [IL-CONF] 2026-09-03, [DSH]
  ],
  productTitle: [
    '[class*="group-product--title--"]', // [IL-CONF], [DSH]
  ],
  productLink: [
    'a[href*="/item/"]', // fields.itemUrl rendered as the title link, [ALICATE] 2025-11
  ],
  productQuantity: [
    'input[class*="input-number-input"]', // [IL-CONF] 2026-09-03
    '.comet-input-number input', // [DSH] 2026-09-15
  ],
  itemBlock: [
    '.pl-block-container', // [IL-CONF] 2026-09-03
  ],
  storeLink: [
    'a[href*="/store/"]', // checkout_shop_title links the store home (GUESS from [ALICATE]'s block map)
  ],
  address: [
    '[data-pl="pl-address-detail"]', // [ZEN] 2026
    '[data-pl="pl-address"]', // [ZEN] 2026
    '.pl-address-item-container', // [DSH] 2026-09-15
  ],
  payButton: [
    'button.place-order-primary-btn', // label "Pay now", [IL-SEL] 2026-09-03, [DSH] 2026-09-15
    '.pl-order-toal-container__btn-box button', // its wrapper, same sources
  ],
} as const satisfies Record<string, SelectorList>;

/** The promo-code field on the checkout page. */
export const PROMO = {
  input: [
    'input.pl-promoCode-input', // [HEGY] (~2025/26), chromedp script
    "input[aria-label='coupon code input']", // [ZEN] 2026
    ".pl-promoCode input[placeholder='Enter']", // [ZEN], chromedp (placeholder alone is too loose)
  ],
  wrapper: [
    '.pl-promoCode-input-wrap-pc', // [HEGY]
    '.pl-promoCode-input-wrap', // [HEGY], chromedp
    '.pl-promoCode', // [ZEN]
  ],
  applyButton: [
    'button.pl-promoCode-input-button', // text Apply/Use, [HEGY], chromedp script
    '.pl-promoCode button', // any button in the promo wrapper ([ZEN] fallback)
  ],
  error: [
    'div.promoErrorTip', // chromedp script; [ZEN] 2026; a coupon extension
    '.pl-promoCode [role=alert]', // [ZEN] 2026 (`[role=alert]`, scoped to the promo wrapper)
    '.pl-promoCode [class*="error"]', // [ZEN] 2026 (`[class*='promo'][class*='error']`)
  ],
} as const satisfies Record<string, SelectorList>;

/** The payment-result page (/p/second-payment/pay-result.html). */
export const PAY_RESULT = {
  checkOrderButton: [
    'a[href*="/p/order/"]', // "Check order" opens the order list/detail, [IL-SEL] 2026-09-04
  ],
} as const satisfies Record<string, SelectorList>;

/** Apply-button text, for the fallback when the button lost its class. */
export const APPLY_WORDS = [
  'apply',
  'use',
  'aplicar',
  'usar',
  'appliquer',
  'utiliser',
  'anwenden',
  'einlösen',
  'применить',
];

/** "Your cart is empty", [IL-SEL] 2026-09-04 for English; translations GUESS. */
export const EMPTY_CART_TEXT = [
  'your cart is empty',
  'tu carrito está vacío',
  'votre panier est vide',
  'seu carrinho está vazio',
  'ihr warenkorb ist leer',
  'корзина пуста',
  'в корзине ничего нет',
];

/** Payment-result page: "Payment Successful" / "Thank you! We've received your payment.", [IL-SEL] 2026-09-04. */
export const PAYMENT_SUCCESS_TEXT = [
  'payment successful',
  "we've received your payment",
  'pago realizado',
  'pago correcto',
  'paiement réussi',
  'pagamento efetuado',
  'pagamento realizado',
  'zahlung erfolgreich',
  'оплата прошла успешно',
  'платёж выполнен',
];

/** Text that says the payment did not go through (GUESS; keeps us from recording a code as used). */
export const PAYMENT_FAILED_TEXT = [
  'payment failed',
  'payment unsuccessful',
  'pago fallido',
  'échec du paiement',
  'pagamento falhou',
  'zahlung fehlgeschlagen',
  'оплата не прошла',
];
