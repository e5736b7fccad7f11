/**
 * The content script's life: read the page when it changes, at most once per animation frame, send the
 * read (text and structure; the background assembles the snapshot) only when it changed, and show the
 * background's hint after a paste or Apply.
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
import { PAGE_MESSAGE } from './messages.ts';
import type { SendPageRead } from './messaging.ts';
import { capturePromoField } from './promo-capture.ts';
import { queryFirst } from './dom.ts';
import { CHECKOUT, PROMO } from './selectors.ts';

/** The one attribute we set on the page: tests wait on it instead of sleeping. */
export const READY_ATTRIBUTE = 'data-promo-code-doctor';

export interface ContentScriptOptions {
  readonly doc: Document;
  readonly send: SendPageRead;
  readonly now?: () => Date;
  /** Schedules `callback` for the next frame and returns a cancel function. */
  readonly requestFrame?: (callback: () => void) => () => void;
  readonly hint?: { readonly show: typeof showHint; readonly remove: typeof removeHint };
}

export interface ContentScript {
  readonly signal: AbortSignal;
  readonly stop: () => void;
  /** How often the page was read and a read sent: the mutation-storm test and the benchmark read it. */
  readonly stats: { extractions: number; sends: number };
}

type UserTrigger = Extract<SnapshotTrigger, 'promo-input' | 'apply-click' | 'pay-click'>;
const PRIORITY: Record<SnapshotTrigger, number> = {
  load: 0,
  mutation: 1,
  'promo-input': 2,
  'apply-click': 3,
  'pay-click': 4,
};

/** A page read's identity without its read time: equal keys mean nothing the background cares about changed. */
export function pageReadKey(page: PageRead): string {
  return JSON.stringify({ ...page, readAt: null });
}

function defaultFrame(doc: Document): (callback: () => void) => () => void {
  return (callback) => {
    const win = doc.defaultView;
    // Hidden tabs get no animation frames; the popup may still ask about them, so fall back to a timer.
    if (doc.visibilityState === 'hidden' || !win?.requestAnimationFrame) {
      const timer = setTimeout(callback, 50);
      return () => clearTimeout(timer);
    }
    const id = win.requestAnimationFrame(() => callback());
    return () => win.cancelAnimationFrame(id);
  };
}

export function startContentScript(options: ContentScriptOptions): ContentScript {
  const { doc, send } = options;
  const now = options.now ?? (() => new Date());
  const requestFrame = options.requestFrame ?? defaultFrame(doc);
  const hint = options.hint ?? { show: showHint, remove: removeHint };
  const controller = new AbortController();
  const { signal } = controller;
  const stats = { extractions: 0, sends: 0 };

  let pending: SnapshotTrigger | null = null;
  let cancelFrame: (() => void) | null = null;
  let lastKey = '';
  let marked = false;
  let hintShown = false;
  let userSequence = 0;

  const stop = (): void => {
    if (signal.aborted) return;
    controller.abort();
    cancelFrame?.();
    cancelFrame = null;
    if (hintShown) hint.remove();
    hintShown = false;
  };

  const capture = capturePromoField(doc, signal, (trigger: UserTrigger) => {
    // The page may navigate right after Pay now: read and send at once, not a frame later.
    if (trigger === 'pay-click') flush(trigger);
    else schedule(trigger);
  });

  function schedule(trigger: SnapshotTrigger): void {
    if (signal.aborted) return;
    if (!pending || PRIORITY[trigger] > PRIORITY[pending]) pending = trigger;
    cancelFrame ??= requestFrame(() => {
      cancelFrame = null;
      const next = pending;
      pending = null;
      if (next) flush(next);
    });
  }

  function flush(trigger: SnapshotTrigger): void {
    if (signal.aborted) return;
    stats.extractions++;
    const page = readPage(doc, doc.location.href, doc.cookie, capture.state(), now());
    const key = pageReadKey(page);
    const userTriggered = PRIORITY[trigger] >= PRIORITY['promo-input'];
    // A paste or click always gets an answer (the shopper may have dismissed the last hint); page changes
    // are sent only when the page read changed.
    if (key === lastKey && !userTriggered) return;
    lastKey = key;
    stats.sends++;
    const sequence = userTriggered ? ++userSequence : userSequence;
    let sent: Promise<HintModel | null>;
    try {
      sent = send({ type: PAGE_MESSAGE, trigger, page });
    } catch {
      stop();
      return;
    }
    sent.then(
      (reply) => {
        if (signal.aborted) return;
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

  schedule('load');
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
