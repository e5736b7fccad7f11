/**
 * A typed shim over `runtime.sendMessage`: Firefox has `browser`, Chrome `chrome`; both return a promise in
 * MV3. No webextension-polyfill here: it would cost the content script more than everything else.
 */
import type { HintModel, PageReadMessage, PromoInputMessage } from '../shared/protocol.ts';

export type SendPageRead = (message: PageReadMessage | PromoInputMessage) => Promise<HintModel | null>;

interface RuntimeLike {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

/** The extension's runtime API in this isolated world: Firefox's `browser` or Chrome's `chrome`. */
export function runtimeApi(): RuntimeLike | undefined {
  const api = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  return api.browser?.runtime ?? api.chrome?.runtime;
}

/**
 * The extension's sender. The runtime API is looked up at the first send, not on load: the first touch of
 * `chrome.runtime` builds its bindings in the page's renderer (issue 8), and a page nobody pastes into
 * never needs them.
 */
export function extensionSender(): SendPageRead {
  return async (message) => {
    const runtime = runtimeApi();
    // After the extension is reloaded, `runtime.id` is gone and sendMessage throws "Extension context
    // invalidated" synchronously; both end up as a rejected promise for the caller to tear down on.
    if (!runtime?.id) throw new Error('Extension context invalidated.');
    const reply = await runtime.sendMessage(message);
    return isHintModel(reply) ? reply : null;
  };
}

/** The background's reply is trusted (same extension) but checked for shape before it reaches the DOM. */
function isHintModel(value: unknown): value is HintModel {
  const model = value as Partial<HintModel> | null;
  return Boolean(
    model &&
    typeof model === 'object' &&
    typeof model.headline === 'string' &&
    typeof model.tone === 'string' &&
    typeof model.stylesheet === 'string',
  );
}
