/**
 * Wires the background into a browser (real or fake): one message router, the tab listeners and the
 * feed alarm. Listeners are registered synchronously, at the top of the worker's first turn, because a
 * stopped MV3 worker is woken by the event it was stopped for and must find its listener in place.
 */
import { createRouter } from './router.ts';
import { BackgroundService, type BackgroundDeps } from './service.ts';

export function startBackground(deps: BackgroundDeps): BackgroundService {
  const service = new BackgroundService(deps);
  const { browser } = deps;
  browser.runtime.onMessage.addListener(createRouter(service, browser.runtime));
  browser.tabs.onRemoved.addListener((tabId) => {
    service
      .onTabRemoved(tabId)
      .catch((error: unknown) => console.warn('[promo-code-doctor] tab cleanup failed', error));
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === 'loading')
      service
        .onTabLoading(tabId)
        .catch((error: unknown) => console.warn('[promo-code-doctor] tab reset failed', error));
    else if (changeInfo.status === 'complete' && tab?.url !== undefined)
      service
        .onTabComplete(tabId, tab.url)
        .catch((error: unknown) => console.warn('[promo-code-doctor] tab read failed', error));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    service.feed
      .onAlarm(alarm.name)
      .catch((error: unknown) => console.warn('[promo-code-doctor] feed refresh failed', error));
  });
  service
    .readOpenTabs()
    .catch((error: unknown) => console.warn('[promo-code-doctor] open tabs not read', error));
  service.feed
    .ensureSchedule()
    .catch((error: unknown) => console.warn('[promo-code-doctor] feed schedule not set', error));
  return service;
}
