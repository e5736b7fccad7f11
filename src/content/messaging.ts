/**
 * A typed shim over `runtime.sendMessage`: Firefox has `browser`, Chrome `chrome`; both return a promise in
 * MV3. No webextension-polyfill here: it would cost the content script more than everything else.
 */
import type { HintModel, PageReadMessage, PromoInputMessage } from '../shared/protocol.ts';

export type SendPageRead = (message: PageReadMessage | PromoInputMessage) => Promise<HintModel | null>;

/** Answers the background's requests: `answer` returns the reply, or undefined to stay silent. */
export type AnswerRequests = (answer: (message: unknown) => unknown, signal: AbortSignal) => void;

type Listener = (message: unknown, sender: { id?: string }, reply: (value: unknown) => void) => void;

interface RuntimeLike {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage?: {
    addListener(listener: Listener): void;
    removeListener(listener: Listener): void;
  };
}

function runtimeApi(): RuntimeLike | undefined {
  const api = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  return api.browser?.runtime ?? api.chrome?.runtime;
}

/** The background's requests, answered synchronously (both browsers take a `reply` call made at once). */
export function extensionAnswerer(): AnswerRequests | null {
  const runtime = runtimeApi();
  const onMessage = runtime?.onMessage;
  if (!onMessage) return null;
  return (answer, signal) => {
    const listener: Listener = (message, sender, reply) => {
      if (sender.id !== runtime.id) return;
      const value = answer(message);
      if (value !== undefined) reply(value);
    };
    onMessage.addListener(listener);
    signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
  };
}

/** The extension's sender, or null outside an extension (a page, a test). */
export function extensionSender(): SendPageRead | null {
  const runtime = runtimeApi();
  if (!runtime?.sendMessage) return null;
  return async (message) => {
    // After the extension is reloaded, `runtime.id` is gone and sendMessage throws "Extension context
    // invalidated" synchronously; both end up as a rejected promise for the caller to tear down on.
    if (!runtime.id) throw new Error('Extension context invalidated.');
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
    typeof model.tone === 'string',
  );
}
