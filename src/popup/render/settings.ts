/** Feed address (HTTPS only), "refresh now", and how to check the account region. */
import { t } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h, icon } from './h.ts';
import { section, uid } from './parts.ts';

/** Empty (use the built-in codes) or an https:// address; anything else is refused before sending. */
export function isAcceptableFeedUrl(text: string): boolean {
  if (text === '') return true;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && text.length <= 2000;
  } catch {
    return false;
  }
}

export function renderSettings(ctx: RenderContext, feedUrl: string, refreshing: boolean): HTMLElement {
  const id = uid('feed-url');
  const input = h('input', {
    id,
    type: 'url',
    class: 'input',
    value: feedUrl,
    placeholder: 'https://',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-hint ${id}-error`,
    'data-key': 'feed-url',
  });
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const form = h('form', { class: 'settings-form', novalidate: true }, [
    h('div', { class: 'field' }, [
      h('label', { for: id }, t('feedUrlLabel')),
      input,
      h('p', { id: `${id}-hint`, class: 'field-hint' }, t('feedUrlHint')),
      error,
    ]),
    h('div', { class: 'actions' }, [
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-key': 'feed-save' }, t('save')),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          disabled: refreshing,
          'data-key': 'feed-refresh',
          onClick: () => void ctx.actions.refreshFeed(),
        },
        [icon('refresh'), refreshing ? t('feedRefreshing') : t('refreshNow')],
      ),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    const ok = isAcceptableFeedUrl(value);
    error.textContent = ok ? '' : t('feedUrlError');
    input.setAttribute('aria-invalid', String(!ok));
    if (ok) void ctx.actions.saveSettings(value);
    else input.focus();
  });

  return section(ctx, { key: 'settings', title: t('settingsHeading'), collapsible: true }, [
    form,
    h('h3', null, t('regionHelpHeading')),
    h('ol', { class: 'steps' }, [
      h('li', null, t('regionStepSettings')),
      h('li', null, t('regionStepMatch')),
      h('li', null, t('regionStepAddress')),
      h('li', null, t('regionStepRefresh')),
    ]),
    h('p', { class: 'muted small' }, t('privacyNote')),
  ]);
}
