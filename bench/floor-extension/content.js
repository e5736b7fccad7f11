// What any extension that reads the cart on load must do at the least, and nothing else: listen for the
// shopper's paste and clicks, watch the page for changes, listen for the background, read the region
// cookie and send one message. No page reading, no rule engine, no UI. (BENCH_FLOOR=1 npm run bench.)
const runtime = chrome.runtime;
runtime.onMessage.addListener(() => undefined);
for (const type of ['paste', 'input', 'click'])
  document.addEventListener(type, () => {}, { capture: true, passive: true });
addEventListener('pagehide', () => {});
new MutationObserver(() => {}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
});
const cookie = globalThis.cookieStore
  ? cookieStore.get('aep_usuc_f').then((found) => found?.value ?? null)
  : Promise.resolve(document.cookie);
cookie
  .then((value) => runtime.sendMessage({ type: 'page', cookie: value, url: location.href }))
  .then(() => document.documentElement.setAttribute('data-bench-floor', 'ready'))
  .catch(() => {});
