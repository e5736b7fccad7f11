/**
 * Popup entry: asks the background for the tab's state first thing, then starts the app, bundled with
 * this entry: the header and the answer (verdict, fix, checks) render from the reply alone, worded by the
 * background, so nothing else has to load before the shopper sees it. Everything below the answer loads
 * after that (app-main.ts). The background validates everything; nothing here imports zod.
 */
import { POPUP_TO_BACKGROUND } from '../shared/message-names.ts';
import { startPopup } from './app-main.ts';
import { extensionApi, type PopupExtensionApi } from './ext.ts';

async function findTabId(api: PopupExtensionApi): Promise<number | null> {
  // `?tab=<id>` lets tests (and a popup opened as a page) choose the tab; the id alone needs no permission.
  const override = new URLSearchParams(location.search).get('tab');
  if (override && /^\d{1,10}$/.test(override)) return Number(override);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const api = extensionApi();
const tabId = findTabId(api);
const state = tabId.then((id) => {
  if (id === null) return undefined;
  performance.mark('popup-state-requested');
  return api.runtime.sendMessage({ type: POPUP_TO_BACKGROUND.getTabState, tabId: id });
});
// startPopup handles both; this only keeps a rejection it has not reached yet from being reported.
state.catch(() => undefined);

void startPopup({ tabId, state });
