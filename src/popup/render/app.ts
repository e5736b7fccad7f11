/**
 * The popup for one view state, in two parts. `renderTop` (here, loaded with the popup) draws the header
 * and what answers the shopper's question: the verdict with its fix and the checks, or the state card.
 * `renderBelowTheFold` (./below-the-fold.ts, loaded once that is on screen) adds codes, cart figures,
 * history, the add-code form and settings under it. Pure: takes the state, returns nodes; app-main.ts owns
 * fetching, actions and re-rendering.
 */
import type { TabState } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h, icon, type IconName } from './h.ts';
import { renderHeader } from './header.ts';
import { renderChecks, renderStillNotWorking, renderVerdict } from './verdict.ts';

export type PopupView =
  { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: string } | ReadyView;

export interface ReadyView {
  readonly kind: 'ready';
  readonly state: TabState;
  readonly refreshing: boolean;
  /** A code to fill into "add a code" (from an unknown-code verdict). */
  readonly prefill: string | null;
}

/**
 * The header and the answer. `content` is the <main> the rest goes into, for a ready view (null for
 * loading and failure, which have no rest).
 */
export function renderTop(
  ctx: RenderContext,
  view: PopupView,
): { nodes: Node[]; content: HTMLElement | null } {
  if (view.kind === 'loading') {
    return {
      content: null,
      nodes: [
        renderHeader(ctx, null, false),
        h('main', { class: 'content', 'aria-busy': 'true' }, [
          h('div', { class: 'state state-loading', role: 'status' }, [
            h('span', { class: 'spinner', 'aria-hidden': 'true' }),
            t('loading'),
          ]),
        ]),
      ],
    };
  }
  if (view.kind === 'failed') {
    return {
      content: null,
      nodes: [
        renderHeader(ctx, null, false),
        h('main', { class: 'content' }, [
          stateCard('warn', t('loadFailedTitle'), [t('loadFailedBody'), view.error]),
        ]),
      ],
    };
  }

  const { state, refreshing } = view;
  const { snapshot, diagnosis } = state;
  const words = state.wording.verdict;
  const main: (Node | null)[] = [];
  if (!snapshot) {
    main.push(stateCard('cart', t('notAliExpressTitle'), [t('notAliExpressBody')]));
  } else if (!snapshot.ready) {
    main.push(stateCard('unknown', t('notReadyTitle'), [t('notReadyBody')]));
  } else if (diagnosis && words) {
    main.push(
      renderVerdict(ctx, diagnosis, words),
      renderChecks(ctx, diagnosis, words),
      renderStillNotWorking(ctx, diagnosis),
    );
  } else if (snapshot.pageKind === 'order-placed') {
    main.push(stateCard('pass', t('orderPlacedTitle'), [t('orderPlacedBody')]));
  } else {
    main.push(
      stateCard('tag', t('noCodeTitle'), [t(snapshot.pageKind === 'cart' ? 'noCodeBodyCart' : 'noCodeBody')]),
    );
  }

  const notices = state.notices.length
    ? h('div', { class: 'notice' }, [
        h(
          'div',
          null,
          state.notices.map((notice) => h('p', null, notice)),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-quiet',
            'data-key': 'notices-dismiss',
            onClick: () => void ctx.actions.dismissNotices(),
          },
          t('dismiss'),
        ),
      ])
    : null;
  const content = h('main', { class: 'content' }, [notices, ...main]);
  return { nodes: [renderHeader(ctx, state.feed, refreshing), content], content };
}

function stateCard(iconName: IconName, title: string, body: string[]): HTMLElement {
  return h('section', { class: 'state', 'aria-labelledby': 'state-title' }, [
    h('span', { class: `state-icon state-icon-${iconName}` }, icon(iconName)),
    h('div', null, [h('h2', { id: 'state-title' }, title), body.map((text) => h('p', null, text))]),
  ]);
}
