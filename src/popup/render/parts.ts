/** Small building blocks shared by the popup's sections. */
import { t } from '../i18n.ts';
import type { CheckStatus } from '../../rules/types.ts';
import type { RenderContext } from './context.ts';
import { h, icon } from './h.ts';

let idCounter = 0;
/** Unique ids for label/aria wiring within one render. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export const STATUS_WORD: Record<CheckStatus, () => string> = {
  pass: () => t('statusPass'),
  fail: () => t('statusFail'),
  warn: () => t('statusWarn'),
  unknown: () => t('statusUnknown'),
};

/** Status as icon + word, never colour alone. */
export function statusBadge(status: CheckStatus): HTMLElement {
  return h('span', { class: `badge badge-${status}` }, [icon(status), STATUS_WORD[status]()]);
}

/** A titled section; `key` makes it collapsible and remembers whether the shopper opened it. */
export function section(
  ctx: RenderContext,
  options: { key: string; title: string; count?: number; collapsible?: boolean; className?: string },
  body: (Node | null | false)[],
): HTMLElement {
  const titleId = uid(options.key);
  const title = [
    options.title,
    options.count !== undefined ? h('span', { class: 'count' }, String(options.count)) : null,
  ];
  if (!options.collapsible) {
    return h('section', { class: `card ${options.className ?? ''}`.trim(), 'aria-labelledby': titleId }, [
      h('h2', { id: titleId }, title),
      body,
    ]);
  }
  const details = h(
    'details',
    { class: `card fold ${options.className ?? ''}`.trim(), 'data-key': options.key },
    [
      h('summary', { 'data-key': `${options.key}-summary` }, h('h2', { id: titleId }, title)),
      h('div', { class: 'fold-body' }, body),
    ],
  );
  details.open = ctx.openSections.has(options.key);
  return details;
}

/** A Copy button for an exact code: clipboard, a visible "Copied" state, and a polite announcement. */
export function copyButton(
  ctx: RenderContext,
  code: string,
  variant: 'primary' | 'quiet' = 'quiet',
  showCode = false,
): HTMLElement {
  const label = h('span', null, showCode ? t('copyCode', code) : t('copy'));
  const button = h(
    'button',
    {
      type: 'button',
      class: `btn btn-${variant} copy`,
      'aria-label': t('copyCode', code),
      'data-key': `copy-${code}-${variant}`,
    },
    [icon('copy'), label],
  );
  let revert: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    void ctx.actions.copy(code).then((ok) => {
      clearTimeout(revert);
      if (!ok) {
        ctx.announce(t('copyFailed', code));
        return;
      }
      button.classList.add('is-copied');
      button.replaceChildren(icon('check'), h('span', null, t('copied')));
      button.setAttribute('aria-label', t('copiedCode', code));
      ctx.announce(t('copiedCode', code));
      revert = setTimeout(() => {
        button.classList.remove('is-copied');
        button.replaceChildren(icon('copy'), label);
        button.setAttribute('aria-label', t('copyCode', code));
      }, 2500);
    });
  });
  return button;
}

// Building an Intl formatter costs far more than using one: one per locale and time zone per popup.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();

export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const key = `${locale}|${timeZone ?? ''}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
      dateFormats.set(key, format);
    }
    return format.format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function countryName(code: string, locale: string): string {
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'region' });
      regionNames.set(locale, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
