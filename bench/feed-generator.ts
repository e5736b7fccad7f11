/**
 * A large, realistic code feed and the snapshots to rank it against, for `rankTenThousandCodesMs`.
 * The mix follows what AliExpress campaigns publish: tiered fixed-amount codes in USD with a minimum spend,
 * some percent codes with a cap, a share of country-locked, expired, not-yet-started, first-order and
 * app-only codes, exclusion lists on some.
 */
import { seededRandom, type GeneratedCart } from './cart-generator.ts';
import { must } from './stats.ts';
import type { PromoCode } from '../src/rules/schemas/catalog.ts';
import type { CartSnapshot } from '../src/rules/schemas/snapshot.ts';
import type { UsageEntry } from '../src/rules/schemas/history.ts';

const REGION_SETS: readonly (readonly string[])[] = [
  ['US'],
  ['US', 'CA'],
  ['FR', 'DE', 'ES', 'IT'],
  ['GB'],
  ['BR'],
  ['IL'],
  ['PL'],
];
const KEYWORDS = ['gift card', 'phone', 'tablet', 'gold', 'watch', 'drone'];

export const ACCOUNT_ID = '2201234567';

function pick<T>(random: () => number, items: readonly T[]): T {
  return must(items[Math.floor(random() * items.length)], 'item');
}

/** `count` unique codes; `now` anchors validity windows so the mix of expired and current stays fixed. */
export function generateCodes(count: number, now: Date, seed = 10_000): PromoCode[] {
  const random = seededRandom(seed);
  const day = 86_400_000;
  const codes: PromoCode[] = [];
  for (let i = 0; i < count; i++) {
    const ladder = `campaign-${Math.floor(i / 5)}`;
    const rank = i % 5;
    const minSpendUsd = 1900 + rank * 4000;
    const roll = random();
    const startOffset = roll < 0.2 ? -60 : roll < 0.25 ? 3 : -5;
    const lengthDays = roll < 0.2 ? 20 : 14 + Math.floor(random() * 30);
    const validFrom = new Date(now.getTime() + startOffset * day);
    const validUntil = new Date(validFrom.getTime() + lengthDays * day);
    const inEuro = random() < 0.1;
    const percent = random() < 0.3;
    const regions = random() < 0.6 ? ('GLOBAL' as const) : [...pick(random, REGION_SETS)];
    const hasExclusions = random() < 0.3;
    const code: PromoCode = {
      code: `AE${rank}${(i * 7919 + 104_729).toString(36).toUpperCase()}`,
      discount: percent
        ? {
            kind: 'percent',
            percent: 5 + Math.floor(random() * 25),
            cap: { amountMinor: 1000 + rank * 1000, currency: 'USD' },
          }
        : { kind: 'fixed', amount: { amountMinor: 200 + rank * 700, currency: inEuro ? 'EUR' : 'USD' } },
      minSpend: {
        amountMinor: inEuro ? Math.round(minSpendUsd * 0.92) : minSpendUsd,
        currency: inEuro ? 'EUR' : 'USD',
      },
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
      timeZone: random() < 0.9 ? 'America/Los_Angeles' : 'Asia/Shanghai',
      regions,
      usage: random() < 0.7 ? 'once-per-account' : 'unlimited',
      tier: { ladder, rank },
      verifiedAt: new Date(now.getTime() - 2 * day).toISOString(),
      source: 'https://sale.aliexpress.com/__pc/promo-codes.htm',
    };
    if (hasExclusions) {
      code.excludes = {
        storeIds: Array.from({ length: 5 }, () =>
          String(2_200_000_000_000 + Math.floor(random() * 9_000_000_000)),
        ),
        productIds: Array.from({ length: 20 }, () =>
          String(1_005_001_000_000_000 + Math.floor(random() * 9_999_999_999)),
        ),
        keywords: [pick(random, KEYWORDS)],
        effect: random() < 0.5 ? 'reject' : 'not-counted',
      };
    }
    if (random() < 0.1) code.firstOrderOnly = true;
    if (random() < 0.05) code.appOnly = true;
    codes.push(code);
  }
  return codes;
}

/** Codes of this feed the account already used: once-per-account codes must be skipped. */
export function generateHistory(codes: readonly PromoCode[], now: Date): UsageEntry[] {
  return codes
    .filter((_, index) => index % 97 === 0)
    .map((promo, index) => ({
      accountId: ACCOUNT_ID,
      code: promo.code,
      usedAt: new Date(now.getTime() - (index + 1) * 3_600_000).toISOString(),
      source: 'order' as const,
    }));
}

/** What the content script would read from the generated cart (or the checkout of its first lines). */
export function snapshotOf(
  cart: GeneratedCart,
  pageKind: 'cart' | 'checkout',
  enteredCode: string,
  now: Date,
  lineCount?: number,
): CartSnapshot {
  const source = 'bench';
  const all = cart.lines.map((line) => ({
    title: line.title,
    productId: line.productId,
    skuId: line.skuId,
    storeName: must(cart.stores[line.storeIndex], 'store').name,
    storeId: must(cart.stores[line.storeIndex], 'store').sellerId,
    unitPriceMinor: line.unitPriceMinor,
    quantity: line.quantity,
    selected: pageKind === 'checkout' ? true : line.selected,
  }));
  const lines = pageKind === 'checkout' ? all.filter((line) => line.selected).slice(0, lineCount ?? 12) : all;
  const subtotal = lines
    .filter((line) => line.selected)
    .reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const shipping = pageKind === 'checkout' ? 299 : 0;
  const known = <T>(value: T) => ({ known: true as const, value, source });
  return {
    schemaVersion: 1,
    url:
      pageKind === 'cart'
        ? 'https://www.aliexpress.com/p/shoppingcart/index.html'
        : 'https://www.aliexpress.com/p/trade/confirm.html?availableProductShopcartIds=11004000000000&aeOrderFrom=main_shopcart',
    pageKind,
    platform: 'desktop',
    ready: true,
    readAt: now.toISOString(),
    currency: known('USD'),
    amounts: {
      itemsSubtotal: known(subtotal),
      storeDiscounts: known(0),
      coins: known(0),
      shipping: known(shipping),
      tax: known(0),
      total: known(subtotal + shipping),
    },
    lines: known(lines),
    region: {
      shipTo: known('US'),
      site: known('glo'),
      account: { known: false, reason: 'not shown on this page' },
    },
    accountId: known(ACCOUNT_ID),
    promo: {
      fieldPresent: pageKind === 'checkout',
      enteredCode: known(enteredCode),
      applied: known(null),
      error: known(null),
    },
  };
}
