/**
 * The content script's life: read the page on load and when it changes (at most once per
 * `MUTATION_READ_GAP_MS`: a framework re-rendering the cart must not cost a read per frame), send the
 * read (text and structure; the background assembles the snapshot) only when it changed, and show the
 * background's hint after a paste or Apply.
 *
 * What a read covers (issue 8): on load only the summary, the promo field and the address, which is what
 * the badge needs; the cart lines (500 on a big cart) once the shopper works the promo field or the
 * background asks for them because the popup opened, and on every read after that. Once the background
 * holds the lines, a paste or keystroke sends only the code, so the hint comes at once.
 *
 * AliExpress hydrates in stages (items first, totals later, facts §9), so one MutationObserver drives
 * re-reads; a read while the page is loading says `ready: false`, never "cart is empty". Everything is
 * torn down through one AbortController: on `pagehide`, and quietly when messaging fails (the extension
 * was reloaded or updated: "Extension context invalidated").
 */
import type { HintModel, SnapshotTrigger } from '../shared/protocol.ts';
import { HINT_HOST_ATTRIBUTE, removeHint, showHint } from './hint/index.ts';
import type { PageRead } from '../shared/page-model/raw.ts';
import { readPage } from './extract/read-page.ts';
import { BACKGROUND_TO_CONTENT, CONTENT_TO_BACKGROUND } from '../shared/message-names.ts';
import type { AnswerRequests, SendPageRead } from './messaging.ts';
import { capturePromoField } from './promo-capture.ts';
import { queryFirst } from './dom.ts';
import { CHECKOUT, PROMO } from './selectors.ts';

/** The one attribute we set on the page: tests wait on it instead of sleeping. */
export const READY_ATTRIBUTE = 'data-promo-code-doctor';

/** Page changes are read at most this often; shoppers see the hint and badge no later than this. */
export const MUTATION_READ_GAP_MS = 100;

/** Runs `callback` after `ms` (0: the next frame) and returns a cancel function. */
export type Later = (callback: () => void, ms: number) => () => void;

/** The slice of the async Cookie Store API used here (Chrome 87+; absent in some browsers and in tests). */
export interface CookieStoreLike {
  get(name: string): Promise<{ readonly value?: string } | null>;
  addEventListener(
    type: 'change',
    listener: (event: {
      readonly changed?: readonly { readonly name?: string; readonly value?: string }[];
    }) => void,
    options?: { readonly signal?: AbortSignal },
  ): void;
}

const REGION_COOKIE = 'aep_usuc_f';

export interface ContentScriptOptions {
  readonly doc: Document;
  readonly send: SendPageRead;
  /** Where the background's requests arrive (`BACKGROUND_TO_CONTENT`); none in tests that do not need it. */
  readonly answer?: AnswerRequests | null;
  readonly now?: () => Date;
  readonly later?: Later;
  readonly hint?: { readonly show: typeof showHint; readonly remove: typeof removeHint };
  /** Defaults to the page's `cookieStore`; without one, `document.cookie` is read. */
  readonly cookieStore?: CookieStoreLike | null;
}

export interface ContentScript {
  readonly signal: AbortSignal;
  readonly stop: () => void;
  /** How often the page was read and a message sent: the mutation-storm test and the benchmark read it. */
  readonly stats: { extractions: number; sends: number };
}

/** A page read's identity without its read time: equal keys mean nothing the background cares about changed. */
export function pageReadKey(page: PageRead): string {
  return JSON.stringify([page.url, page.cookie, page.raw, page.capture]);
}

function defaultLater(doc: Document): Later {
  return (callback, ms) => {
    const win = doc.defaultView;
    // Hidden tabs get no animation frames; the popup may still ask about them, so fall back to a timer.
    if (ms > 0 || doc.visibilityState === 'hidden' || !win?.requestAnimationFrame) {
      const timer = setTimeout(callback, ms || 50);
      return () => clearTimeout(timer);
    }
    const id = win.requestAnimationFrame(() => callback());
    return () => win.cancelAnimationFrame(id);
  };
}

export function startContentScript(options: ContentScriptOptions): ContentScript {
  const { doc, send } = options;
  const now = options.now ?? (() => new Date());
  const later = options.later ?? defaultLater(doc);
  const hint = options.hint ?? { show: showHint, remove: removeHint };
  const controller = new AbortController();
  const { signal } = controller;
  const stats = { extractions: 0, sends: 0 };

  let cancelRead: (() => void) | null = null;
  // The last read sent, and its key once one was needed: a page that never changes never pays for a key.
  let lastPage: PageRead | null = null;
  let lastKey: string | null = null;
  let marked = false;
  // Whether reads include the cart lines, and whether the background has received a read with them.
  let linesWanted = false;
  let linesDelivered = false;
  let hintShown = false;
  let userSequence = 0;
  // The region cookie as `aep_usuc_f=<value>`, from the async Cookie Store where there is one, kept current
  // by its change events: `document.cookie` is a synchronous round trip to the browser's cookie store,
  // milliseconds of the shopper's main thread while the page loads (issue 8).
  let regionCookie: string | null = null;
  const cookieStore =
    options.cookieStore !== undefined
      ? options.cookieStore
      : ((doc.defaultView as { cookieStore?: CookieStoreLike } | null)?.cookieStore ?? null);

  const stop = (): void => {
    if (signal.aborted) return;
    controller.abort();
    cancelRead?.();
    if (hintShown) hint.remove();
    hintShown = false;
  };

  const capture = capturePromoField(doc, signal, (trigger) => {
    // Until the background holds a full read of this page, a paste needs one. Apply and Pay are read at
    // once: the page may navigate right after Pay now.
    if (trigger === 'promo-input' && linesDelivered) {
      deliver(trigger, () =>
        send({ type: CONTENT_TO_BACKGROUND.promoInput, trigger, capture: capture.state() }),
      );
    } else read(trigger);
  });

  function schedule(trigger: 'load' | 'mutation'): void {
    if (signal.aborted) return;
    cancelRead ??= later(() => read(trigger), trigger === 'load' ? 0 : MUTATION_READ_GAP_MS);
  }

  /** Read the page now; null when a page change left the read as it was (nothing to send). */
  function take(trigger: SnapshotTrigger): PageRead | null {
    cancelRead?.();
    cancelRead = null;
    const pageChange = trigger === 'load' || trigger === 'mutation';
    if (!pageChange) linesWanted = true;
    stats.extractions++;
    const page = readPage(doc, doc.location.href, regionCookie ?? doc.cookie, capture.state(), now(), {
      lines: linesWanted,
    });
    // A paste, click or request always gets an answer (the shopper may have dismissed the last hint);
    // page changes are sent only when the page read changed.
    if (lastPage && pageChange) {
      const before = (lastKey ??= pageReadKey(lastPage));
      lastKey = pageReadKey(page);
      if (lastKey === before) return null;
    } else lastKey = null;
    lastPage = page;
    return page;
  }

  function read(trigger: SnapshotTrigger): void {
    if (signal.aborted) return;
    const page = take(trigger);
    if (!page) return;
    const withLines = linesWanted;
    deliver(trigger, () => send({ type: CONTENT_TO_BACKGROUND.page, trigger, page }), withLines);
  }

  // The popup opened: the background wants the whole page, lines included, as the reply.
  options.answer?.((message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== BACKGROUND_TO_CONTENT.readPage || signal.aborted) return undefined;
    // The reply carries the read: the background holds the lines from here on.
    linesDelivered = true;
    return take('popup-open') ?? undefined;
  }, signal);

  function deliver(
    trigger: SnapshotTrigger,
    sendIt: () => Promise<HintModel | null>,
    withLines = false,
  ): void {
    if (signal.aborted) return;
    stats.sends++;
    const sequence = trigger === 'load' || trigger === 'mutation' ? userSequence : ++userSequence;
    let sent: Promise<HintModel | null>;
    try {
      sent = sendIt();
    } catch {
      stop();
      return;
    }
    sent.then(
      (reply) => {
        if (signal.aborted) return;
        if (withLines) linesDelivered = true;
        if (!marked) {
          marked = true;
          doc.documentElement.setAttribute(READY_ATTRIBUTE, 'ready');
        }
        // A reply to an older paste must not replace the hint for a newer one.
        if (sequence !== userSequence) return;
        onReply(trigger, reply);
      },
      () => stop(),
    );
  }

  function onReply(trigger: SnapshotTrigger, reply: HintModel | null): void {
    const forField = trigger === 'promo-input' || trigger === 'apply-click';
    // Page changes (AliExpress's own error appearing) only update a hint the shopper is already looking at.
    if (!forField && !(hintShown && reply)) return;
    const anchor = queryFirst(doc, [...PROMO.input, ...PROMO.wrapper]);
    if (reply && anchor) {
      hint.show(anchor, reply, {
        signal,
        avoid: [queryFirst(doc, CHECKOUT.payButton)].filter(
          (element): element is Element => element !== null,
        ),
        onDismiss: () => {
          hintShown = false;
        },
      });
      hintShown = true;
    } else if (hintShown) {
      hint.remove();
      hintShown = false;
    }
  }

  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)((records) => {
    if (records.every(isOwnMutation)) return;
    schedule('mutation');
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Ticking a line toggles classes; quantities and the promo field change values.
    attributeFilter: ['class', 'value', 'checked', 'aria-label', 'hidden'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  doc.defaultView?.addEventListener('pagehide', stop, { signal });

  if (cookieStore) {
    cookieStore.addEventListener(
      'change',
      (event) => {
        const changed = event.changed?.find((cookie) => cookie.name === REGION_COOKIE);
        if (changed) regionCookie = `${REGION_COOKIE}=${changed.value ?? ''}`;
      },
      { signal },
    );
    cookieStore.get(REGION_COOKIE).then(
      (cookie) => {
        regionCookie = cookie ? `${REGION_COOKIE}=${cookie.value ?? ''}` : '';
        schedule('load');
      },
      () => schedule('load'),
    );
  } else schedule('load');
  return { signal, stop, stats };
}

/** Mutations inside our own hint (its host on <body>) are not page changes. */
function isOwnMutation(record: MutationRecord): boolean {
  const target = record.target as Element;
  const element = target.nodeType === 1 ? target : target.parentElement;
  if (element?.closest(`[${HINT_HOST_ATTRIBUTE}]`)) return true;
  if (record.type !== 'childList') return false;
  const changed = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return (
    changed.length > 0 &&
    changed.every((node) => node.nodeType === 1 && (node as Element).hasAttribute(HINT_HOST_ATTRIBUTE))
  );
}
