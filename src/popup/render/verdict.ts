/** The verdict for the entered code: the culprit's fix on top, then every check in checklist order. */
import type { CheckResult, Diagnosis, Verdict } from '../../rules/types.ts';
import type { CheckWording, VerdictWording } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h, icon } from './h.ts';
import { copyButton, section, statusBadge } from './parts.ts';

const VERDICT_TONE: Record<Verdict, 'ok' | 'bad' | 'warn' | 'unknown'> = {
  'will-apply': 'ok',
  'will-be-rejected': 'bad',
  unsure: 'warn',
  'unknown-code': 'unknown',
  'cannot-read-page': 'warn',
};

const TONE_ICON = { ok: 'pass', bad: 'fail', warn: 'warn', unknown: 'unknown' } as const;

export function renderVerdict(ctx: RenderContext, diagnosis: Diagnosis, words: VerdictWording): HTMLElement {
  const tone = VERDICT_TONE[diagnosis.verdict];
  const culprit = diagnosis.culprit;
  const fix = culprit ? words.fix : null;
  return h('section', { class: `verdict tone-${tone}`, 'aria-labelledby': 'verdict-title' }, [
    h('div', { class: 'verdict-head' }, [
      h('span', { class: 'verdict-icon' }, icon(TONE_ICON[tone])),
      h('div', null, [
        h('p', { class: 'eyebrow' }, [
          t('enteredCode'),
          ' ',
          h('code', { class: 'code-inline' }, diagnosis.enteredCode),
        ]),
        h('h2', { id: 'verdict-title', class: 'verdict-title' }, words.headline),
      ]),
    ]),
    culprit && fix
      ? h('div', { class: 'fix' }, [
          h('h3', null, t('fixHeading')),
          h('p', null, fix),
          culprit.suggestion ? copyButton(ctx, culprit.suggestion, 'primary', true) : null,
        ])
      : null,
    diagnosis.verdict === 'unknown-code'
      ? h('div', { class: 'fix' }, [
          h('p', null, t('unknownCodeBody')),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary',
              'data-key': 'prefill-add',
              onClick: () => ctx.actions.prefillAddCode(diagnosis.enteredCode),
            },
            t('unknownCodeAdd'),
          ),
        ])
      : null,
    diagnosis.verdict === 'cannot-read-page' ? unreadable(words) : null,
    diagnosis.pageError
      ? h('p', { class: 'page-error' }, [
          h('span', { class: 'label' }, t('pageErrorLabel')),
          ' ',
          `“${diagnosis.pageError.text}”`,
        ])
      : null,
  ]);
}

function unreadable(words: VerdictWording): HTMLElement {
  return h('div', { class: 'fix' }, [
    h('p', null, t('cannotReadBody')),
    h(
      'ul',
      { class: 'plain-list' },
      words.unreadable.map((line) => h('li', null, line)),
    ),
    h('p', null, t('cannotReadWhatToDo')),
  ]);
}

export function renderChecks(
  ctx: RenderContext,
  diagnosis: Diagnosis,
  words: VerdictWording,
): HTMLElement | null {
  if (diagnosis.results.length === 0) return null;
  const rows = diagnosis.results.map((result, index) => ({ result, words: words.checks[index] }));
  const isCulprit = (result: CheckResult): boolean =>
    diagnosis.culprit !== null &&
    result.id === diagnosis.culprit.id &&
    result.code === diagnosis.culprit.code;
  // The checklist's five reasons always show; of the later checks, only those with something to say.
  const shown = rows.filter(({ words }) => !words?.folded);
  const quiet = rows.filter(({ words }) => words?.folded);
  return section(ctx, { key: 'checks', title: t('checksHeading'), className: 'checks-card' }, [
    h(
      'ol',
      { class: 'checks' },
      shown.map(({ result, words }) =>
        // A row whose fix only repeats the suggestion on top ("use SAVE8") keeps its summary alone.
        checkRow(
          result,
          words,
          isCulprit(result) || (!!result.suggestion && result.suggestion === diagnosis.culprit?.suggestion),
        ),
      ),
    ),
    quiet.length
      ? h(
          'details',
          { class: 'more-checks', 'data-key': 'more-checks', open: ctx.openSections.has('more-checks') },
          [
            h('summary', null, t('moreChecksPassed', quiet.length)),
            h(
              'ol',
              { class: 'checks' },
              quiet.map(({ result, words }) => checkRow(result, words, false)),
            ),
          ],
        )
      : null,
  ]);
}

function checkRow(result: CheckResult, words: CheckWording | undefined, fixShownAbove: boolean): HTMLElement {
  // The culprit's fix is already on top; other failures and warnings carry theirs here.
  const fix = fixShownAbove ? null : (words?.fix ?? null);
  return h('li', { class: `check check-${result.status}` }, [
    statusBadge(result.status),
    h('div', { class: 'check-body' }, [
      h('p', { class: 'check-name' }, words?.name ?? result.id),
      h('p', { class: 'check-summary' }, words?.summary ?? result.code),
      fix ? h('p', { class: 'check-fix' }, fix) : null,
    ]),
  ]);
}

/** AliExpress still says no although every check passes: the checklist's last-resort tips. */
export function renderStillNotWorking(ctx: RenderContext, diagnosis: Diagnosis): HTMLElement | null {
  if (diagnosis.verdict !== 'will-apply' && !(diagnosis.verdict === 'unsure' && diagnosis.pageError))
    return null;
  const tips = [t('tipPaste'), t('tipCheckout'), t('tipApp'), t('tipOneCode'), t('tipTier'), t('tipWait')];
  const body = [
    h(
      'ul',
      { class: 'tips' },
      tips.map((tip) => h('li', null, tip)),
    ),
  ];
  if (diagnosis.pageError) {
    return section(ctx, { key: 'still', title: t('stillHeading'), className: 'still' }, body);
  }
  return section(
    ctx,
    { key: 'still', title: t('stillHeading'), collapsible: true, className: 'still' },
    body,
  );
}
