/**
 * Popup entry, kept tiny on purpose: it asks the background for the tab's state first, then loads the app
 * (rendering, rule wording, date formats), so the background's work overlaps the loading of that code
 * instead of waiting for it. The background validates everything; nothing here imports zod.
 */
import { POPUP_TO_BACKGROUND } from '../shared/message-names.ts';
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
// Handled by the app; this only keeps a rejection before the app loads from being reported as unhandled.
state.catch(() => undefined);
tabId.catch(() => undefined);

void import('./app-main.ts').then(({ startPopup }) => startPopup({ tabId, state }));
