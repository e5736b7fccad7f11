/**
 * Captures the code the shopper puts in AliExpress's promo field. AliExpress re-renders the field's nodes
 * and clears the input once a code is accepted ([ZEN] 2026: cleared "only when … SUCCESS"), so listeners sit
 * on `document` in the capture phase and the last code seen is kept, with how and when it was seen.
 */
import type { SnapshotTrigger } from '../shared/protocol.ts';
import { FIELD_EVENT_TYPES, fieldEvent, type FieldEvent } from './early-events.ts';
import { closestAny, containsAny, queryFirst, textOf } from './dom.ts';
import { APPLY_WORDS, CHECKOUT, PROMO } from './selectors.ts';
import {
  LIMITS,
  NO_CAPTURE,
  type CaptureVia,
  type CapturedCode,
  type PromoCaptureState,
} from '../shared/page-model/raw.ts';

export { NO_CAPTURE, type PromoCaptureState };

/** Longest code kept; the snapshot field allows 200. */
const MAX_CODE_LENGTH = LIMITS.shortText;

export interface PromoCapture {
  readonly state: () => PromoCaptureState;
  /** Takes in a field event seen before these listeners existed (the small script's, replayed in order). */
  readonly handle: (event: FieldEvent) => void;
}

/**
 * Listen for paste, input and the Apply / Pay-now clicks; `onTrigger` is told after the state changed.
 * Everything is removed when `signal` aborts.
 */
export function capturePromoField(
  doc: Document,
  signal: AbortSignal,
  onTrigger: (trigger: Extract<SnapshotTrigger, 'promo-input' | 'apply-click' | 'pay-click'>) => void,
  now: () => number = Date.now,
): PromoCapture {
  let state: PromoCaptureState = NO_CAPTURE;
  const options = { capture: true, passive: true, signal } as const;

  const record = (code: string, via: CaptureVia): CapturedCode => ({
    code: code.slice(0, MAX_CODE_LENGTH),
    via,
    at: now(),
  });

  // A paste is followed by an input event in the same task, unless the page cancelled it: one trigger
  // for the two, so the background is asked once.
  let pasteTimer: ReturnType<typeof setTimeout> | undefined;
  const onPaste = ({ target, text }: FieldEvent): void => {
    if (!isPromoInput(target)) return;
    // The input event that follows carries the field's real value; the clipboard is the fallback.
    if (text) state = { ...state, lastCode: record(text, 'paste') };
    clearTimeout(pasteTimer);
    pasteTimer = setTimeout(() => signal.aborted || onTrigger('promo-input'));
  };

  const onInput = ({ target, text }: FieldEvent): void => {
    if (!isPromoInput(target)) return;
    clearTimeout(pasteTimer);
    const pastedJustNow = state.lastCode?.via === 'paste' && now() - state.lastCode.at < 1000;
    // A shopper emptying the field drops the code; AliExpress's own clear after Apply fires no event.
    state = { ...state, lastCode: text ? record(text, pastedJustNow ? 'paste' : 'input') : null };
    onTrigger('promo-input');
  };

  const onClick = (event: FieldEvent): void => {
    const target = event.target as Element | null;
    if (!target || typeof target.closest !== 'function') return;
    if (closestAny(target, CHECKOUT.payButton)) {
      const value = currentFieldValue(doc);
      if (value) state = { ...state, lastCode: record(value, 'pay-click') };
      onTrigger('pay-click');
      return;
    }
    if (isApplyButton(target)) {
      const value = currentFieldValue(doc) ?? state.lastCode?.code ?? '';
      if (value) {
        const seen = record(value, 'apply-click');
        state = { lastCode: seen, appliedCode: seen };
      }
      onTrigger('apply-click');
    }
  };

  const handlers = { paste: onPaste, input: onInput, click: onClick };
  const handle = (event: FieldEvent): void => {
    if (!signal.aborted) handlers[event.type](event);
  };
  for (const type of FIELD_EVENT_TYPES)
    doc.addEventListener(type, (event) => handle(fieldEvent(event)), options);

  return { state: () => state, handle };
}

function isPromoInput(target: EventTarget | null): boolean {
  const element = target as Element | null;
  return Boolean(
    element && typeof element.matches === 'function' && PROMO.input.some((s) => element.matches(s)),
  );
}

function isApplyButton(target: Element): boolean {
  if (closestAny(target, PROMO.applyButton.slice(0, 1))) return true;
  // A button inside the promo wrapper that says "Apply" in some language, should the class be renamed.
  const button = target.closest('button, [role=button]');
  return Boolean(button && closestAny(button, PROMO.wrapper) && containsAny(textOf(button), APPLY_WORDS));
}

function currentFieldValue(doc: Document): string | null {
  const input = queryFirst(doc, PROMO.input) as HTMLInputElement | null;
  return input?.value ? input.value : null;
}
