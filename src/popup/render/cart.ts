/** The figures we read on the page, so the shopper can compare them with what AliExpress shows. */
import type { CartSnapshot, Field } from '../../rules/schemas/snapshot.ts';
import type { PopupWording } from '../../shared/protocol.ts';
import { t, type MessageKey } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { countryName, section } from './parts.ts';

type AmountKey = keyof CartSnapshot['amounts'];

const AMOUNT_ROWS: readonly { key: AmountKey; label: MessageKey; deduction?: true; strong?: true }[] = [
  { key: 'itemsSubtotal', label: 'fieldItemsSubtotal' },
  { key: 'storeDiscounts', label: 'fieldStoreDiscounts', deduction: true },
  { key: 'coins', label: 'fieldCoins', deduction: true },
  { key: 'shipping', label: 'fieldShipping' },
  { key: 'tax', label: 'fieldTax' },
  { key: 'total', label: 'fieldTotal', strong: true },
];

const PAGE_KIND_LABEL: Record<CartSnapshot['pageKind'], MessageKey> = {
  cart: 'pageKindCart',
  checkout: 'pageKindCheckout',
  'order-placed': 'pageKindOrderPlaced',
  other: 'pageKindOther',
};

/** `amounts`: the snapshot's amounts worded by the background (`PopupWording.amounts`). */
export function renderCartFigures(
  ctx: RenderContext,
  snapshot: CartSnapshot,
  amounts: PopupWording['amounts'],
): HTMLElement {
  const missing: { label: string; reason: string }[] = [];
  const cell = <T>(field: Field<T>, label: string, show: (value: T) => string): HTMLElement => {
    if (field.known) return h('dd', null, show(field.value));
    missing.push({ label, reason: field.reason });
    return h('dd', { class: 'not-read', title: field.reason }, t('notRead'));
  };
  const amount = (key: AmountKey, minor: number, deduction: boolean): string => {
    const text = amounts?.[key] ?? (Math.abs(minor) / 100).toFixed(2);
    return deduction && minor !== 0 ? `−${text}` : text;
  };

  const rows = AMOUNT_ROWS.map(({ key, label, deduction, strong }) =>
    h('div', { class: strong ? 'figure figure-total' : 'figure' }, [
      h('dt', null, t(label)),
      cell(snapshot.amounts[key], t(label), (minor) => amount(key, minor, deduction === true)),
    ]),
  );
  const context = h('dl', { class: 'facts' }, [
    h('div', { class: 'fact' }, [h('dt', null, t('fieldPageKind')), h('dd', null, pageKind(snapshot))]),
    h('div', { class: 'fact' }, [
      h('dt', null, t('fieldShipTo')),
      cell(snapshot.region.shipTo, t('fieldShipTo'), (code) => countryName(code, ctx.locale)),
    ]),
    h('div', { class: 'fact' }, [
      h('dt', null, t('fieldCurrency')),
      cell(snapshot.currency, t('fieldCurrency'), (code) => code),
    ]),
  ]);

  return section(ctx, { key: 'cart', title: t('cartHeading'), className: 'cart' }, [
    context,
    h('dl', { class: 'figures' }, rows),
    missing.length
      ? h('details', { class: 'why', 'data-key': 'cart-why' }, [
          h('summary', null, t('notReadWhy')),
          h(
            'ul',
            null,
            missing.map((item) => h('li', null, [h('strong', null, item.label), ': ', item.reason])),
          ),
        ])
      : null,
  ]);
}

function pageKind(snapshot: CartSnapshot): string {
  const kind = t(PAGE_KIND_LABEL[snapshot.pageKind]);
  return snapshot.platform === 'mobile-web' ? `${kind} · ${t('platformMobileWeb')}` : kind;
}
