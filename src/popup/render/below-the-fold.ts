/**
 * Everything under the answer: codes that fit and near misses, the cart's figures, history, the
 * shopper's own codes with the add-code form, and settings. Loaded after the popup has shown the answer
 * (see app.ts), so none of it delays that.
 */
import { renderMyCodes } from './add-code.ts';
import { renderTop, type PopupView, type ReadyView } from './app.ts';
import { renderCartFigures } from './cart.ts';
import { renderCodes } from './codes.ts';
import type { RenderContext } from './context.ts';
import { renderHistory } from './history.ts';
import { renderSettings } from './settings.ts';

export function renderBelowTheFold(ctx: RenderContext, view: ReadyView): Node[] {
  const { state, refreshing, prefill } = view;
  const { snapshot, matches, wording } = state;
  const nodes: (Node | null)[] = [
    ...(snapshot && matches ? renderCodes(ctx, matches, wording) : []),
    snapshot ? renderCartFigures(ctx, snapshot, wording.amounts) : null,
    renderHistory(ctx, state.accountId, state.history),
    renderMyCodes(ctx, state.myCodes, wording.myCodes, {
      currency: snapshot?.currency.known ? snapshot.currency.value : 'USD',
      prefill,
    }),
    renderSettings(ctx, state.settings.feedUrl, refreshing),
  ];
  return nodes.filter((node): node is Node => node !== null);
}

/** The whole popup in one step (the popup itself shows the answer first; see app-main.ts). */
export function renderApp(ctx: RenderContext, view: PopupView): Node[] {
  const { nodes, content } = renderTop(ctx, view);
  if (content && view.kind === 'ready') content.append(...renderBelowTheFold(ctx, view));
  return nodes;
}
