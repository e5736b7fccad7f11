/**
 * Which summary row a label names ("Subtotal (3 items)" -> subtotal), in the background: the content
 * script sends labels as the page shows them, so neither these keywords in seven languages nor the
 * matching cost the shopper's page load (issue 8).
 */
import type { SummaryLabel } from './raw.ts';
import { normaliseLabel } from './text.ts';

// ---------------------------------------------------------------------------------------------------------
// Label keywords by language. Lower case; a label matches when it starts with a keyword at a word
// boundary ("Subtotal (3 items)" -> subtotal). Categories are tried in the order of LABEL_ORDER, so
// "Sous-total" is a subtotal before "total" is tried.
// Languages: EN ES FR PT DE RU (the facts' language subdomains), a few PL/IT/NL/SV words where cheap.
// English labels are from [IL-CONF] 2026-09 (`Subtotal`, `Promo codes`, `Shipping fee`, `Bonus`, `Total`)
// and [DSH] 2026-09-15 (`Additional charges`); other languages are translations (GUESS until captured).
// ---------------------------------------------------------------------------------------------------------

export const LABELS: Readonly<Record<SummaryLabel, readonly string[]>> = {
  promo: [
    'promo code',
    'coupon code',
    'código promocional',
    'códigos promocionales',
    'cupón de descuento',
    'code promo',
    'codes promo',
    'código promocional',
    'códigos promocionais',
    'cupom de desconto',
    'aktionscode',
    'gutscheincode',
    'promo-code',
    'промокод',
  ],
  // Store discounts and seller coupons; also AliExpress's own coupons and discounts, because the minimum
  // spend is counted after all other offers ("calculated after all other offers have been applied").
  storeDiscount: [
    'store discount',
    'store coupon',
    'seller coupon',
    'shop discount',
    'store savings',
    'aliexpress coupon',
    'select coupon',
    'coupon',
    'discount',
    'descuento',
    'cupón',
    'cupones',
    'réduction',
    'remise',
    'coupon boutique',
    'bon de réduction',
    'desconto',
    'cupom',
    'cupons',
    'rabatt',
    'shop-rabatt',
    'gutschein',
    'coupon des shops',
    'скидка',
    'купон',
  ],
  coins: [
    'coins',
    'aliexpress coins',
    'bonus',
    'credit',
    'monedas',
    'bonificación',
    'pièces',
    'moedas',
    'bônus',
    'münzen',
    'монеты',
    'бонус',
    'баллы',
  ],
  shipping: [
    'shipping',
    'delivery',
    'envío',
    'gastos de envío',
    'livraison',
    'frais de livraison',
    'frais de port',
    'frete',
    'envio',
    'versand',
    'versandkosten',
    'lieferung',
    'доставка',
    'wysyłka',
    'dostawa',
    'frakt',
  ],
  tax: [
    'additional charges',
    'tax',
    'taxes',
    'vat',
    'duty',
    'import charges',
    'sales tax',
    'impuestos',
    'iva',
    'cargos adicionales',
    'tva',
    'taxes et droits',
    'frais supplémentaires',
    'impostos',
    'icms',
    'encargos adicionais',
    'taxas',
    'steuer',
    'steuern',
    'mwst',
    'zoll',
    'zusätzliche gebühren',
    'налог',
    'ндс',
    'пошлина',
    'дополнительные сборы',
    'moms',
  ],
  subtotal: [
    'subtotal',
    'items subtotal',
    'sous-total',
    'zwischensumme',
    'подытог',
    'промежуточный итог',
    'стоимость товаров',
    'suma częściowa',
    'subtotale',
    'subtotaal',
    'delsumma',
  ],
  total: [
    'estimated total',
    'total',
    'order total',
    'total estimado',
    'total estimé',
    'gesamt',
    'gesamtsumme',
    'summe',
    'итого',
    'всего',
    'razem',
    'totale',
    'totaal',
    'totalt',
  ],
  // The first checkout summary row is a "Summary" header with an empty value, [IL-CONF] 2026-09-04.
  heading: ['summary', 'resumen', 'récapitulatif', 'resumo', 'zusammenfassung', 'итог заказа', 'сводка'],
};

/** Tried in this order: specific before general ("promo code" before "code", "subtotal" before "total"). */
export const LABEL_ORDER: readonly SummaryLabel[] = [
  'heading',
  'promo',
  'subtotal',
  'coins',
  'shipping',
  'tax',
  'storeDiscount',
  'total',
];

function startsWithWord(label: string, keyword: string): boolean {
  if (!label.startsWith(keyword)) return false;
  // A plural "s" is still the same word ("Promo codes", "Coupons").
  const rest = label.slice(keyword.length).replace(/^s(?![\p{L}])/u, '');
  return rest === '' || !/^[\p{L}\p{N}]/u.test(rest);
}

/** Which summary row a label names, or null when it is none we know. */
export function classifyLabel(rawLabel: string): SummaryLabel | null {
  const label = normaliseLabel(rawLabel);
  if (!label) return null;
  for (const kind of LABEL_ORDER) {
    if (LABELS[kind].some((keyword) => startsWithWord(label, keyword))) return kind;
  }
  return null;
}
