/**
 * What the two content scripts share (issue 8). The manifest injects a small one on cart, checkout and
 * payment-result pages (index.ts): it only listens. The rest (main.ts: reading the page, the hint, page
 * changes) is injected by the background once it is needed: at the shopper's first move on the page, a
 * paste or click in the promo field, or when the background itself reads the tab. A page nobody touches
 * costs the parse of a few hundred bytes, not of the whole reader.
 *
 * Both run in the same isolated world; the page and other extensions cannot see this global.
 */

/** The small script's global: main.ts takes over from it, then sets it to null (main is running). */
export const EARLY_GLOBAL = '__promoCodeDoctorEarly';

/** The shopper's first move on the page, any of these, asks for main.ts and the first read. */
export const ENGAGEMENT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'focusin'];

/**
 * A paste, input or click seen on the page, with the text it carried at the time (the clipboard's text is
 * readable only during the event; a field's value may change after): main.ts's promo capture reads these,
 * live or replayed from before it started.
 */
export interface FieldEvent {
  readonly type: 'paste' | 'input' | 'click';
  readonly target: EventTarget | null;
  readonly text: string;
}

/** Events main.ts replays, at most: a shopper's first seconds on a page, not a keyboard's worth. */
export const EARLY_EVENT_LIMIT = 50;

/** The field events that matter, in the capture phase: AliExpress re-renders the field's nodes. */
export const FIELD_EVENT_TYPES = ['paste', 'input', 'click'] as const;

/** What a field holds now ('' for anything without a value). */
export function fieldValue(target: EventTarget | null): string {
  return String((target as HTMLInputElement | null)?.value ?? '');
}

/** A DOM event as a `FieldEvent`. */
export function fieldEvent(event: Event): FieldEvent {
  const type = event.type as FieldEvent['type'];
  const target = event.target;
  const text =
    type === 'paste'
      ? ((event as ClipboardEvent).clipboardData?.getData('text') ?? '')
      : type === 'input'
        ? fieldValue(target)
        : '';
  return { type, target, text };
}

/** What the small script offers main.ts. */
export interface EarlyListener {
  /** Stops listening and hands over what was seen: field events in order, and whether the shopper moved. */
  takeOver(): { readonly events: FieldEvent[]; readonly engaged: boolean };
}
