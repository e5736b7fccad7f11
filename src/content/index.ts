/**
 * The content script the manifest injects on AliExpress cart, checkout and payment-result pages (issue 8:
 * keep it tiny, its parse is the whole cost of the extension on a page nobody touches). It listens, reads
 * nothing and touches no extension API until the shopper's first move on the page, or a paste or click;
 * then it asks the background for the rest (main.ts, see early-events.ts) and keeps what it saw for it.
 */
import { CONTENT_TO_BACKGROUND } from '../shared/message-names.ts';
import { EARLY_GLOBAL } from './early-events.ts';
import { listenEarly } from './early-listener.ts';
import { runtimeApi } from './messaging.ts';

const world = globalThis as Record<string, unknown>;
// The main script may be running already (the background read a payment result first): then this one
// has nothing to listen for.
if (world[EARLY_GLOBAL] === undefined) {
  listenEarly(world, document, () => {
    // No reply is needed. An extension reloaded meanwhile ("context invalidated") leaves the page as it was.
    Promise.resolve()
      .then(() => runtimeApi()?.sendMessage({ type: CONTENT_TO_BACKGROUND.wake }))
      .catch(() => undefined);
  });
}
