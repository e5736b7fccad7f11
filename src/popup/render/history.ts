/** Codes this AliExpress account already used (kept on this device), with mark / unmark by hand. */
import type { UsageEntry } from '../../rules/schemas/history.ts';
import { UNKNOWN_ACCOUNT } from '../../rules/account.ts';
import { t, type MessageKey } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { formatDate, section, uid } from './parts.ts';

const SOURCE_LABEL: Record<UsageEntry['source'], MessageKey> = {
  order: 'historySourceOrder',
  manual: 'historySourceManual',
  aliexpress: 'historySourceAliexpress',
};

export function renderHistory(
  ctx: RenderContext,
  accountId: string,
  history: readonly UsageEntry[],
): HTMLElement {
  const entries = history.filter((entry) => entry.accountId === accountId);
  return section(
    ctx,
    { key: 'history', title: t('historyHeading'), count: entries.length, collapsible: true },
    [
      accountId === UNKNOWN_ACCOUNT ? h('p', { class: 'muted' }, t('historyUnknownAccount')) : null,
      entries.length
        ? h(
            'ul',
            { class: 'rows' },
            entries.map((entry) =>
              h('li', { class: 'row' }, [
                h('div', null, [
                  h('code', { class: 'code-inline' }, entry.code),
                  h(
                    'p',
                    { class: 'muted small' },
                    `${t(SOURCE_LABEL[entry.source])} · ${formatDate(entry.usedAt, ctx.locale)}`,
                  ),
                ]),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn btn-quiet',
                    'aria-label': t('unmarkLabel', entry.code),
                    'data-key': `unmark-${entry.code}`,
                    onClick: () => void ctx.actions.setCodeUsed(entry.code, false),
                  },
                  t('unmark'),
                ),
              ]),
            ),
          )
        : h('p', { class: 'muted' }, t('historyEmpty')),
      markForm(ctx),
    ],
  );
}

function markForm(ctx: RenderContext): HTMLElement {
  const id = uid('mark-code');
  const errorId = `${id}-error`;
  const input = h('input', {
    id,
    type: 'text',
    class: 'input code-input',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 40,
    'aria-describedby': errorId,
    'data-key': 'mark-input',
  });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'inline-form', novalidate: true }, [
    h('label', { for: id }, t('markUsedLabel')),
    h('div', { class: 'input-row' }, [
      input,
      h('button', { type: 'submit', class: 'btn', 'data-key': 'mark-submit' }, t('markUsedButton')),
    ]),
    error,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim().toUpperCase();
    const valid = /^[A-Z0-9]{3,40}$/.test(code);
    error.textContent = valid ? '' : t('errCode');
    input.setAttribute('aria-invalid', String(!valid));
    if (valid) void ctx.actions.setCodeUsed(code, true);
    else input.focus();
  });
  return form;
}
