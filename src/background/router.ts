/**
 * Checks at the door, then a handler map by message name. A message is answered only when it comes from
 * this extension (content script in an AliExpress https tab for content messages, one of our own pages
 * for popup messages), names a known type, and its payload parses. Anything else gets no answer, no
 * state change and no exception: it is a page, another extension, or a bug, and none deserves a reply.
 */
import type { z } from '../rules/zod.ts';
import {
  CONTENT_TO_BACKGROUND,
  PageReadMessageSchema,
  POPUP_TO_BACKGROUND,
  PromoInputMessageSchema,
  PopupMessageSchema,
  WakeMessageSchema,
  type PopupMessage,
} from '../shared/protocol.ts';
import type { BrowserLike, MessageListener, SenderLike } from './browser-like.ts';
import type { BackgroundService } from './service.ts';

/** AliExpress storefronts whose cart and checkout the content script reads (see manifest matches). */
const ALIEXPRESS_HOSTS = ['aliexpress.com', 'aliexpress.us'];

export function isAliExpressPage(url: string | undefined): boolean {
  if (url === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '')
    return false;
  return ALIEXPRESS_HOSTS.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
}

type Origin = 'content' | 'popup';

interface Route<Schema extends z.ZodType> {
  readonly from: Origin;
  readonly schema: Schema;
  handle(service: BackgroundService, message: z.infer<Schema>, sender: CheckedSender): Promise<unknown>;
}

interface CheckedSender {
  /** For content messages: the sending tab. */
  readonly tabId: number;
  readonly url: string;
}

function route<Schema extends z.ZodType>(definition: Route<Schema>): Route<z.ZodType> {
  return definition as unknown as Route<z.ZodType>;
}

type PopupOf<Type extends PopupMessage['type']> = Extract<PopupMessage, { type: Type }>;
const PopupSchema = PopupMessageSchema as z.ZodType<PopupMessage>;

/** One entry per message name; a Map, so `__proto__` and friends are just unknown names. */
const ROUTES = new Map<string, Route<z.ZodType>>([
  [
    CONTENT_TO_BACKGROUND.page,
    route({
      from: 'content',
      schema: PageReadMessageSchema,
      // async: an exception while assembling becomes a rejected promise, answered with null.
      handle: async (service, message, sender) =>
        service.onPageRead(sender.tabId, sender.url, message.trigger, message.page),
    }),
  ],
  [
    CONTENT_TO_BACKGROUND.promoInput,
    route({
      from: 'content',
      schema: PromoInputMessageSchema,
      handle: async (service, message, sender) =>
        service.onPromoInput(sender.tabId, sender.url, message.capture),
    }),
  ],
  [
    CONTENT_TO_BACKGROUND.wake,
    route({
      from: 'content',
      schema: WakeMessageSchema,
      handle: async (service, _message, sender) => service.startMainScript(sender.tabId),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.getTabState,
    route({
      from: 'popup',
      schema: PopupSchema,
      handle: (service, message: PopupOf<typeof POPUP_TO_BACKGROUND.getTabState>) =>
        service.getTabState(message.tabId),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.setCodeUsed,
    route({
      from: 'popup',
      schema: PopupSchema,
      handle: (service, message: PopupOf<typeof POPUP_TO_BACKGROUND.setCodeUsed>) =>
        service.setCodeUsed(message.accountId, message.code, message.used),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.addCode,
    route({
      from: 'popup',
      schema: PopupSchema,
      handle: (service, message: PopupOf<typeof POPUP_TO_BACKGROUND.addCode>) =>
        service.addCode(message.promo),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.removeCode,
    route({
      from: 'popup',
      schema: PopupSchema,
      handle: (service, message: PopupOf<typeof POPUP_TO_BACKGROUND.removeCode>) =>
        service.removeCode(message.code),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.refreshFeed,
    route({ from: 'popup', schema: PopupSchema, handle: (service) => service.refreshFeed() }),
  ],
  [
    POPUP_TO_BACKGROUND.saveSettings,
    route({
      from: 'popup',
      schema: PopupSchema,
      handle: (service, message: PopupOf<typeof POPUP_TO_BACKGROUND.saveSettings>) =>
        service.saveSettings(message.feedUrl),
    }),
  ],
  [
    POPUP_TO_BACKGROUND.dismissNotices,
    route({ from: 'popup', schema: PopupSchema, handle: (service) => service.dismissNotices() }),
  ],
]);

/** The names the router answers; a test checks every protocol name has a route. */
export const ROUTED_MESSAGE_TYPES: readonly string[] = [...ROUTES.keys()];

function checkSender(
  from: Origin,
  sender: SenderLike,
  runtime: BrowserLike['runtime'],
): CheckedSender | null {
  if (sender.id !== runtime.id) return null;
  if (from === 'content') {
    const tabId = sender.tab?.id;
    const url = sender.url ?? sender.tab?.url;
    if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0 || !isAliExpressPage(url))
      return null;
    return { tabId, url: url as string };
  }
  const ownPages = runtime.getURL('');
  if (typeof sender.url !== 'string' || ownPages === '' || !sender.url.startsWith(ownPages)) return null;
  return { tabId: sender.tab?.id ?? -1, url: sender.url };
}

function messageType(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  // An own property only: a type inherited through a crafted prototype is not a message name.
  if (!Object.prototype.hasOwnProperty.call(message, 'type')) return null;
  const type: unknown = (message as { type: unknown }).type;
  return typeof type === 'string' ? type : null;
}

/**
 * The `runtime.onMessage` listener. Returns undefined (synchronously) for everything it ignores, so the
 * browser sends no reply; otherwise a Promise of the reply. Never throws.
 */
export function createRouter(service: BackgroundService, runtime: BrowserLike['runtime']): MessageListener {
  return (message, sender) => {
    try {
      const type = messageType(message);
      const entry = type === null ? undefined : ROUTES.get(type);
      if (!entry) return undefined;
      const checked = checkSender(entry.from, sender, runtime);
      if (checked === null) return undefined;
      const parsed = entry.schema.safeParse(message);
      if (!parsed.success) {
        console.warn(
          '[promo-code-doctor] ignored a malformed message',
          type,
          parsed.error.issues.slice(0, 3),
        );
        return undefined;
      }
      return entry.handle(service, parsed.data, checked).catch((error: unknown) => {
        console.error('[promo-code-doctor] handler failed', type, error);
        return entry.from === 'popup' ? { ok: false, error: 'internal error' } : null;
      });
    } catch (error) {
      // A getter on a hostile object, a zod edge case: still no crash and no state change.
      console.warn('[promo-code-doctor] ignored a message that could not be read', error);
      return undefined;
    }
  };
}
