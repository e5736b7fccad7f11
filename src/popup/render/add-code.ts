/**
 * The shopper's own codes and the "add a code" form. Every field is checked here with a message next to it
 * before anything is sent, by hand rather than with the catalog's zod schema, so the popup loads no zod;
 * the background validates the entry with that schema and is the authority (a refusal shows as a failure).
 */
import { TZDate } from '@date-fns/tz';
import { minorUnitDigits } from '../../rules/money.ts';
import type { PromoCode } from '../../rules/schemas/catalog.ts';
import { t, type MessageKey } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { section, uid } from './parts.ts';
import { termsLine } from './codes.ts';

export interface AddCodeValues {
  code: string;
  kind: 'fixed' | 'percent';
  amount: string;
  percent: string;
  cap: string;
  currency: string;
  minSpend: string;
  validUntil: string; // yyyy-mm-dd from <input type=date>
  timeZone: string;
  regions: string;
  oncePerAccount: boolean;
}
export type AddCodeField = Exclude<keyof AddCodeValues, 'kind' | 'oncePerAccount'>;
export type AddCodeResult =
  { ok: true; promo: PromoCode } | { ok: false; errors: Partial<Record<AddCodeField, MessageKey>> };

export const PACIFIC = 'America/Los_Angeles';
/** The catalog's limits (`PromoCodeSchema`), checked here so the background never has to refuse a form. */
const MAX_AMOUNT_MINOR = 1e12;
const MAX_REGIONS = 250;

/** Decimal text ("8", "8.50", "8,50") to minor units; null when it is not a plain amount the catalog takes. */
export function parseAmount(text: string, currency: string): number | null {
  const match = /^(\d{1,10})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const digits = minorUnitDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor <= MAX_AMOUNT_MINOR ? minor : null;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Check the form and build the catalog entry, or say what to fix next to each field. */
export function parseAddCodeForm(
  values: AddCodeValues,
  now: Date,
  existing: readonly string[],
): AddCodeResult {
  const errors: Partial<Record<AddCodeField, MessageKey>> = {};
  const code = values.code.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{3,40}$/.test(code)) errors.code = 'errCode';
  else if (existing.includes(code)) errors.code = 'errDuplicate';

  const currency = values.currency.trim().toUpperCase();
  const currencyOk = isCurrency(currency);
  if (!currencyOk) errors.currency = 'errCurrency';

  let discount: PromoCode['discount'] | null = null;
  if (values.kind === 'fixed') {
    const amount = currencyOk ? parseAmount(values.amount, currency) : null;
    if (amount === null || amount <= 0) errors.amount = 'errAmount';
    else discount = { kind: 'fixed', amount: { amountMinor: amount, currency } };
  } else {
    const percent = Number(values.percent.trim().replace(',', '.'));
    const cap = values.cap.trim() === '' ? undefined : currencyOk ? parseAmount(values.cap, currency) : null;
    if (!(percent > 0 && percent <= 100) || values.percent.trim() === '') errors.percent = 'errPercent';
    if (cap === null || cap === 0) errors.cap = 'errCap';
    if (!errors.percent && !errors.cap) {
      discount = { kind: 'percent', percent, ...(cap ? { cap: { amountMinor: cap, currency } } : {}) };
    }
  }

  const minSpend = currencyOk ? parseAmount(values.minSpend === '' ? '0' : values.minSpend, currency) : null;
  if (minSpend === null) errors.minSpend = 'errMinSpend';

  let validUntil: string | null = null;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.validUntil);
  if (!date) errors.validUntil = 'errDate';
  else if (!isTimeZone(values.timeZone)) errors.timeZone = 'errTimeZone';
  else {
    try {
      // The code works through the whole last day, in the time zone its terms are stated in.
      const end = new TZDate(
        Number(date[1]),
        Number(date[2]) - 1,
        Number(date[3]),
        23,
        59,
        59,
        values.timeZone,
      );
      if (Number.isNaN(end.getTime())) errors.validUntil = 'errDate';
      else if (end.getTime() <= now.getTime()) errors.validUntil = 'errPast';
      else validUntil = end.toISOString();
    } catch {
      errors.timeZone = 'errTimeZone';
    }
  }

  const regionList = [
    ...new Set(
      values.regions
        .split(/[\s,;]+/)
        .map((region) => region.toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (regionList.some((region) => !/^[A-Z]{2}$/.test(region)) || regionList.length > MAX_REGIONS)
    errors.regions = 'errRegions';

  if (Object.keys(errors).length || !discount || minSpend === null || !validUntil)
    return { ok: false, errors };
  const promo: PromoCode = {
    code,
    discount,
    minSpend: { amountMinor: minSpend, currency },
    validFrom: now.toISOString(),
    validUntil,
    timeZone: values.timeZone,
    regions: regionList.length ? regionList : 'GLOBAL',
    usage: values.oncePerAccount ? 'once-per-account' : 'unlimited',
    source: 'added by you',
  };
  return { ok: true, promo };
}

/** `terms`: each code's discount and minimum, worded by the background (`PopupWording.myCodes`). */
export function renderMyCodes(
  ctx: RenderContext,
  myCodes: readonly PromoCode[],
  terms: readonly string[],
  defaults: { currency: string; prefill: string | null },
): HTMLElement {
  return section(ctx, { key: 'mine', title: t('myCodesHeading'), count: myCodes.length, collapsible: true }, [
    myCodes.length
      ? h(
          'ul',
          { class: 'rows' },
          myCodes.map((promo, index) =>
            h('li', { class: 'row' }, [
              h('div', null, [
                h('code', { class: 'code-inline' }, promo.code),
                h('p', { class: 'muted small' }, termsLine(ctx, promo, terms[index] ?? '')),
              ]),
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-quiet',
                  'aria-label': t('removeLabel', promo.code),
                  'data-key': `remove-${promo.code}`,
                  onClick: () => void ctx.actions.removeCode(promo.code),
                },
                t('remove'),
              ),
            ]),
          ),
        )
      : h('p', { class: 'muted' }, t('myCodesEmpty')),
    addCodeForm(ctx, myCodes, defaults),
  ]);
}

function addCodeForm(
  ctx: RenderContext,
  myCodes: readonly PromoCode[],
  defaults: { currency: string; prefill: string | null },
): HTMLElement {
  const fields = new Map<AddCodeField, { input: HTMLInputElement | HTMLSelectElement; error: HTMLElement }>();
  const field = (
    name: AddCodeField,
    label: MessageKey,
    control: HTMLInputElement | HTMLSelectElement,
    hint?: MessageKey,
  ): HTMLElement => {
    const id = uid(`add-${name}`);
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    control.id = id;
    control.name = name;
    control.setAttribute('data-key', `add-${name}`);
    control.setAttribute('aria-describedby', hint ? `${hintId} ${errorId}` : errorId);
    const error = h('p', { id: errorId, class: 'field-error' });
    fields.set(name, { input: control, error });
    return h('div', { class: `field field-${name}` }, [
      h('label', { for: id }, t(label)),
      control,
      hint ? h('p', { id: hintId, class: 'field-hint' }, t(hint)) : null,
      error,
    ]);
  };
  const text = (attrs: Record<string, string | number | boolean> = {}): HTMLInputElement =>
    h('input', { type: 'text', class: 'input', autocomplete: 'off', spellcheck: 'false', ...attrs });

  const kindName = uid('kind');
  const radio = (value: 'fixed' | 'percent', label: MessageKey): HTMLElement =>
    h('label', { class: 'choice' }, [
      h('input', {
        type: 'radio',
        name: kindName,
        value,
        checked: value === 'fixed',
        'data-key': `add-kind-${value}`,
      }),
      t(label),
    ]);
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = [
    { value: PACIFIC, label: t('tzPacific') },
    ...(localZone && localZone !== PACIFIC && localZone !== 'UTC'
      ? [{ value: localZone, label: t('tzLocal', localZone) }]
      : []),
    { value: 'UTC', label: 'UTC' },
  ];

  const amountField = field(
    'amount',
    'fieldDiscountAmount',
    text({ inputmode: 'decimal', placeholder: '8.00' }),
  );
  const percentField = field(
    'percent',
    'fieldDiscountPercent',
    text({ inputmode: 'decimal', placeholder: '10' }),
  );
  const capField = field('cap', 'fieldCap', text({ inputmode: 'decimal' }), 'capHint');
  const syncKind = (): void => {
    const percent = form.querySelector<HTMLInputElement>(
      `input[name="${kindName}"][value="percent"]`,
    )?.checked;
    amountField.hidden = !!percent;
    percentField.hidden = !percent;
    capField.hidden = !percent;
  };

  const status = h('p', { class: 'form-status', role: 'status' });
  const form = h('form', { class: 'add-form', novalidate: true, 'aria-labelledby': 'add-title' }, [
    h('h3', { id: 'add-title' }, t('addCodeHeading')),
    field(
      'code',
      'fieldCode',
      text({
        class: 'input code-input',
        maxlength: 40,
        value: defaults.prefill ?? '',
        autocapitalize: 'characters',
      }),
    ),
    h('fieldset', { class: 'choices', onChange: syncKind }, [
      h('legend', null, t('fieldDiscountKind')),
      radio('fixed', 'discountFixed'),
      radio('percent', 'discountPercent'),
    ]),
    h('div', { class: 'field-pair' }, [
      amountField,
      percentField,
      field(
        'currency',
        'fieldCurrency',
        text({ maxlength: 3, value: defaults.currency, autocapitalize: 'characters' }),
      ),
    ]),
    capField,
    field('minSpend', 'fieldMinSpend', text({ inputmode: 'decimal', placeholder: '59.00' }), 'minSpendHint'),
    h('div', { class: 'field-pair' }, [
      field('validUntil', 'fieldValidUntil', h('input', { type: 'date', class: 'input' })),
      field(
        'timeZone',
        'fieldTimeZone',
        h(
          'select',
          { class: 'input' },
          zones.map((zone) => h('option', { value: zone.value }, zone.label)),
        ),
      ),
    ]),
    field('regions', 'fieldRegions', text({ placeholder: 'US, CA' }), 'regionsHint'),
    h('label', { class: 'choice' }, [
      h('input', { type: 'checkbox', name: 'oncePerAccount', checked: true, 'data-key': 'add-once' }),
      t('fieldOncePerAccount'),
    ]),
    h('div', { class: 'actions' }, [
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-key': 'add-submit' }, t('addButton')),
    ]),
    status,
  ]);
  syncKind();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: AddCodeField): string => fields.get(name)?.input.value ?? '';
    const values: AddCodeValues = {
      code: value('code'),
      kind:
        form.querySelector<HTMLInputElement>(`input[name="${kindName}"]:checked`)?.value === 'percent'
          ? 'percent'
          : 'fixed',
      amount: value('amount'),
      percent: value('percent'),
      cap: value('cap'),
      currency: value('currency'),
      minSpend: value('minSpend'),
      validUntil: value('validUntil'),
      timeZone: value('timeZone'),
      regions: value('regions'),
      oncePerAccount: form.querySelector<HTMLInputElement>('input[name="oncePerAccount"]')?.checked ?? true,
    };
    const result = parseAddCodeForm(
      values,
      ctx.now,
      myCodes.map((promo) => promo.code),
    );
    for (const [name, { input, error }] of fields) {
      const message = result.ok ? undefined : result.errors[name];
      error.textContent = message ? t(message) : '';
      input.setAttribute('aria-invalid', String(!!message));
    }
    if (!result.ok) {
      status.textContent = t('addFix');
      // The first field to fix, in the order the shopper reads the form.
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    status.textContent = '';
    ctx.actions.addCode(result.promo).catch((error: unknown) => {
      status.textContent = t('actionFailed', error instanceof Error ? error.message : String(error));
    });
  });
  return form;
}
