/**
 * The main content script's life (injected by the background once needed, see early-events.ts): take over
 * from the small script, read the page, re-read when the page changes (at most once per
 * `MUTATION_READ_GAP_MS`: a framework re-rendering the cart must not cost a read per frame), send a read
 * (text and structure; the background assembles the snapshot) only when it changed, and show the
 * background's hint after a paste or Apply.
 *
 * The first read comes in the page's next idle period after the shopper's first move (issue 8: the page's
 * load has the main thread to itself), or at once for a paste or click. The background can also read the
 * page through the reader this script offers in its isolated world (src/shared/page-reader.ts): a payment
 * result when it completes loading, the whole page when the popup opens. The region cookie is read by the
 * background itself.
 *
 * What a read covers: the first only the summary, the promo field and the address, which is what the badge
 * needs, plus the lines on a checkout (a dozen, and the paste comes next); a cart's lines (500 on a big
 * cart) once the shopper works the promo field or the popup opens, and on every read after that. Once the
 * background holds the lines, a paste or keystroke sends only the code, so the hint comes at once.
 *
 * AliExpress hydrates in stages (items first, totals later, facts §9), so once the page was read one
 * MutationObserver drives re-reads; a read while the page is loading says `ready: false`, never "cart is
 * empty". Everything is torn down through one AbortController: on `pagehide`, and quietly when messaging
 * fails (the extension was reloaded or updated: "Extension context invalidated").
 */
import type { HintModel, SnapshotTrigger } from '../shared/protocol.ts';
import { HINT_HOST_ATTRIBUTE, removeHint, showHint } from './hint/index.ts';
import type { PageRead, ReadScope } from '../shared/page-model/raw.ts';
import { readPage } from './extract/read-page.ts';
import { CONTENT_TO_BACKGROUND } from '../shared/message-names.ts';
import { offerPageReader, withdrawPageReader } from '../shared/page-reader.ts';
import type { SendPageRead } from './messaging.ts';
import { capturePromoField } from './promo-capture.ts';
import type { FieldEvent } from './early-events.ts';
import { queryFirst } from './dom.ts';
import { identifyPage } from '../shared/page-model/page-kind.ts';
import { CHECKOUT, PROMO } from './selectors.ts';

/** Page changes are read at most this often; shoppers see the hint and badge no later than this. */
export const MUTATION_READ_GAP_MS = 100;

/** Runs `callback` after `ms` (0: the next frame) and returns a cancel function. */
export type Later = (callback: () => void, ms: number) => () => void;

/** Runs `callback` in the page's next idle period and returns a cancel function. */
export type WhenIdle = (callback: () => void) => () => void;

/** The first read waits at most this long for an idle period after the shopper's first move. */
export const FIRST_READ_IDLE_TIMEOUT_MS = 500;

export interface ContentScriptOptions {
  readonly doc: Document;
  readonly send: SendPageRead;
  readonly now?: () => Date;
  readonly later?: Later;
  readonly whenIdle?: WhenIdle;
  /**
   * What the small content script saw before this one started: field events to replay, and whether the
   * shopper has moved on the page (then the first read is due). None when started on its own (tests).
   */
  readonly early?: { readonly events: readonly FieldEvent[]; readonly engaged: boolean };
  readonly hint?: { readonly show: typeof showHint; readonly remove: typeof removeHint };
}

export interface ContentScript {
  readonly signal: AbortSignal;
  readonly stop: () => void;
  /** How often the page was read and a message sent: the mutation-storm test and the benchmark read it. */
  readonly stats: { extractions: number; sends: number };
}

/** A page read's identity without its read time: equal keys mean nothing the background cares about changed. */
export function pageReadKey(page: PageRead): string {
  return JSON.stringify([page.url, page.raw, page.capture]);
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

function defaultWhenIdle(doc: Document): WhenIdle {
  return (callback) => {
    const win = doc.defaultView;
    if (!win?.requestIdleCallback) {
      const timer = setTimeout(callback, 0);
      return () => clearTimeout(timer);
    }
    const id = win.requestIdleCallback(() => callback(), { timeout: FIRST_READ_IDLE_TIMEOUT_MS });
    return () => win.cancelIdleCallback(id);
  };
}

export function startContentScript(options: ContentScriptOptions): ContentScript {
  const { doc, send } = options;
  const now = options.now ?? (() => new Date());
  const later = options.later ?? defaultLater(doc);
  const whenIdle = options.whenIdle ?? defaultWhenIdle(doc);
  const hint = options.hint ?? { show: showHint, remove: removeHint };
  const controller = new AbortController();
  const { signal } = controller;
  const stats = { extractions: 0, sends: 0 };

  let cancelRead: (() => void) | null = null;
  let cancelFirstRead: (() => void) | null = null;
  let watching = false;
  // The last read sent, and its key once one was needed: a page that never changes never pays for a key.
  let lastPage: PageRead | null = null;
  let lastKey: string | null = null;
  // Whether reads include the cart lines, and whether the background has received a read with them.
  let linesWanted = false;
  let linesDelivered = false;
  let hintShown = false;
  let userSequence = 0;

  const stop = (): void => {
    if (signal.aborted) return;
    controller.abort();
    withdrawPageReader(readForBackground);
    cancelRead?.();
    cancelFirstRead?.();
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

  function scheduleMutationRead(): void {
    if (signal.aborted) return;
    cancelRead ??= later(() => read('mutation'), MUTATION_READ_GAP_MS);
  }

  /** Read the page now; null when a page change left the read as it was (nothing to send). */
  function take(trigger: SnapshotTrigger): PageRead | null {
    cancelRead?.();
    cancelRead = null;
    if (!watching) watchPage();
    const pageChange = trigger === 'mutation';
    if (trigger !== 'load' && !pageChange) linesWanted = true;
    stats.extractions++;
    // No cookie: the background reads the region cookie itself (`cookies.get`), off the page's thread.
    const page = readPage(doc, doc.location.href, '', capture.state(), now(), { lines: linesWanted });
    // A paste, click or the background's call always gets an answer (the shopper may have dismissed the
    // last hint); page changes are sent only when the page read changed.
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

  /**
   * The background's call (`callPageReader`): a payment result that completed loading, or an open tab when
   * the worker started (the summary), or the popup opened (the whole page, lines included). The return
   * value is the background's reply.
   */
  function readForBackground(scope: ReadScope): PageRead | null {
    if (signal.aborted) return null;
    const page = take(scope.lines ? 'popup-open' : 'load');
    if (page && linesWanted) linesDelivered = true;
    return page;
  }

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

  /**
   * From the first read on, page changes are read again. Not before: until then there is nothing to update,
   * and the first read will see them.
   */
  function watchPage(): void {
    watching = true;
    cancelFirstRead?.();
    cancelFirstRead = null;
    const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)((records) => {
      if (!records.every(isOwnMutation)) scheduleMutationRead();
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
  }

  doc.defaultView?.addEventListener('pagehide', stop, { signal });
  offerPageReader(readForBackground);
  // What the shopper did before this script was injected, in order; a paste or click reads at once.
  for (const event of options.early?.events ?? []) capture.handle(event);
  if (options.early?.engaged && !lastPage) {
    cancelFirstRead = whenIdle(() => {
      if (lastPage) return;
      // A checkout's lines are few and its promo field is where the shopper is headed: with them read now,
      // the paste sends only the code.
      if (identifyPage(doc.location.href).pageKind === 'checkout') linesWanted = true;
      read('load');
    });
  }
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
