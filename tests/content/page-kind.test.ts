import { describe, expect, it } from 'vitest';
import { identifyPage } from '../../src/shared/page-model/page-kind.ts';

describe('identifyPage', () => {
  it.each([
    ['https://www.aliexpress.com/p/shoppingcart/index.html?spm=a2g0o.home.0.0', 'cart', 'desktop'],
    ['https://www.aliexpress.us/p/shoppingcart/index.html', 'cart', 'desktop'],
    ['https://fr.aliexpress.com/p/shoppingcart/index.html', 'cart', 'desktop'],
    ['https://he.aliexpress.com/p/shoppingcart/', 'cart', 'desktop'],
    [
      'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004259953000&aeOrderFrom=main_shopcart',
      'checkout',
      'desktop',
    ],
    [
      'https://www.aliexpress.us/p/trade/confirm.html?objectId=3256809840464144&skuId=1&from=aliexpress',
      'checkout',
      'desktop',
    ],
    ['https://es.aliexpress.com/p/trade/confirm.html', 'checkout', 'desktop'],
    [
      'https://www.aliexpress.com/p/second-payment/pay-result.html?pmntId=26090412345678901',
      'order-placed',
      'desktop',
    ],
    ['https://m.aliexpress.com/p/shoppingcart/index.html', 'cart', 'mobile-web'],
    ['https://m.aliexpress.com/p/trade/confirm.html?x=1', 'checkout', 'mobile-web'],
    ['https://m.aliexpress.com/p/coin-index/index.html', 'other', 'mobile-web'],
  ] as const)('%s is a %s page on %s', (url, pageKind, platform) => {
    expect(identifyPage(url)).toEqual({ pageKind, platform });
  });

  it.each([
    'https://www.aliexpress.com/item/1005006123456789.html',
    'https://www.aliexpress.com/',
    'https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.com/p/order/detail.html?orderId=8190000000000000',
    // Legacy and separate front ends are not read (facts §1.3, §1.5).
    'https://shoppingcart.aliexpress.com/shopcart/shopcartDetail.htm',
    'https://aliexpress.ru/cart',
    // Look-alike hosts and plain http are not AliExpress pages.
    'https://www.aliexpress.com.evil.example/p/shoppingcart/index.html',
    'https://evil-aliexpress.com/p/trade/confirm.html',
    'http://www.aliexpress.com/p/trade/confirm.html',
    'https://www.aliexpress.com/p/trade/confirm.html.evil',
    'not a url',
  ])('%s is not read', (url) => {
    expect(identifyPage(url).pageKind).toBe('other');
  });
});
