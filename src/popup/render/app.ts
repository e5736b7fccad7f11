/**
 * The whole popup for one view state. Pure: takes the state, returns nodes; main.ts owns fetching, actions
 * and re-rendering.
 */
import type { TabState } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import { renderMyCodes } from './add-code.ts';
import { renderCartFigures } from './cart.ts';
import { renderCodes } from './codes.ts';
import type { RenderContext } from './context.ts';
import { h, icon, type IconName } from './h.ts';
import { renderHeader } from './header.ts';
import { renderHistory } from './history.ts';
import { renderSettings } from './settings.ts';
import { renderChecks, renderStillNotWorking, renderVerdict } from './verdict.ts';

export type PopupView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | {
      readonly kind: 'ready';
      readonly state: TabState;
      readonly refreshing: boolean;
      /** A code to fill into "add a code" (from an unknown-code verdict). */
      readonly prefill: string | null;
    };

/** The whole popup at once (re-renders after an action, which keep focus where the shopper left it). */
export function renderApp(ctx: RenderContext, view: PopupView): Node[] {
  const parts = renderAppInParts(ctx, view);
  parts.finish();
  return parts.nodes;
}

/**
 * The popup in two steps for its first render: `nodes` holds the header and what answers the shopper's
 * question (the verdict with its fix and the checks, or the state card), cheap to build; `finish()` adds
 * the rest below it (codes, cart figures, history, the add-code form, settings), which costs most of
 * the rendering, so the browser can show the answer a frame earlier.
 */
export function renderAppInParts(ctx: RenderContext, view: PopupView): { nodes: Node[]; finish(): void } {
  const done = { finish: () => undefined };
  if (view.kind === 'loading') {
    return {
      ...done,
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
      ...done,
      nodes: [
        renderHeader(ctx, null, false),
        h('main', { class: 'content' }, [
          stateCard('warn', t('loadFailedTitle'), [t('loadFailedBody'), view.error]),
        ]),
      ],
    };
  }

  const { state, refreshing } = view;
  const { snapshot, diagnosis, matches } = state;
  const main: (Node | null)[] = [];
  if (!snapshot) {
    main.push(stateCard('cart', t('notAliExpressTitle'), [t('notAliExpressBody')]));
  } else if (!snapshot.ready) {
    main.push(stateCard('unknown', t('notReadyTitle'), [t('notReadyBody')]));
  } else if (diagnosis) {
    main.push(
      renderVerdict(ctx, diagnosis),
      renderChecks(ctx, diagnosis),
      renderStillNotWorking(ctx, diagnosis),
    );
  } else if (snapshot.pageKind === 'order-placed') {
    main.push(stateCard('pass', t('orderPlacedTitle'), [t('orderPlacedBody')]));
  } else {
    main.push(
      stateCard('tag', t('noCodeTitle'), [t(snapshot.pageKind === 'cart' ? 'noCodeBodyCart' : 'noCodeBody')]),
    );
  }
  const belowTheFold = (): (Node | null)[] => [
    ...(snapshot && matches ? renderCodes(ctx, matches) : []),
    snapshot ? renderCartFigures(ctx, snapshot) : null,
    renderHistory(ctx, state.accountId, state.history),
    renderMyCodes(ctx, state.myCodes, {
      currency: snapshot?.currency.known ? snapshot.currency.value : 'USD',
      prefill: view.prefill,
    }),
    renderSettings(ctx, state.settings.feedUrl, refreshing),
  ];

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
  return {
    nodes: [renderHeader(ctx, state.feed, refreshing), content],
    finish: () => content.append(...belowTheFold().filter((node): node is Node => node !== null)),
  };
}

function stateCard(iconName: IconName, title: string, body: string[]): HTMLElement {
  return h('section', { class: 'state', 'aria-labelledby': 'state-title' }, [
    h('span', { class: `state-icon state-icon-${iconName}` }, icon(iconName)),
    h('div', null, [h('h2', { id: 'state-title' }, title), body.map((text) => h('p', null, text))]),
  ]);
}
