/**
 * The small content script's work (index.ts; see early-events.ts): listen for the shopper's first move and
 * the promo field's events, keep those events for the main script, and ask for it once.
 */
import {
  EARLY_EVENT_LIMIT,
  EARLY_GLOBAL,
  ENGAGEMENT_EVENTS,
  FIELD_EVENT_TYPES,
  fieldEvent,
  fieldValue,
  type EarlyListener,
  type FieldEvent,
} from './early-events.ts';

/**
 * Listens in `doc` and its window; `askForMain` is called once, at the first move, paste, input or click.
 * The listener is offered to the main script on `world` (the isolated world's global).
 */
export function listenEarly(
  world: Record<string, unknown>,
  doc: Document,
  askForMain: () => void,
): EarlyListener {
  const listening = new AbortController();
  const options = { capture: true, passive: true, signal: listening.signal };
  const events: FieldEvent[] = [];
  let engaged = false;

  const engage = (): void => {
    if (engaged) return;
    engaged = true;
    askForMain();
  };
  for (const type of FIELD_EVENT_TYPES)
    doc.addEventListener(
      type,
      (event) => {
        if (events.length < EARLY_EVENT_LIMIT) events.push(withoutTypedText(fieldEvent(event)));
        engage();
      },
      options,
    );
  for (const type of ENGAGEMENT_EVENTS) doc.defaultView?.addEventListener(type, engage, options);

  const early: EarlyListener = {
    takeOver() {
      listening.abort();
      // What a field holds is read now, at the hand-over, rather than kept from each keystroke.
      return { events: events.splice(0).map(withTextNow), engaged };
    },
  };
  world[EARLY_GLOBAL] = early;
  return early;
}

/**
 * This script keeps no typed text: the events it sees may be in any field of the page (an address, a card
 * number) before anyone knows which one is the promo field. A paste keeps its clipboard text (readable
 * only during the event) unless it went into a password field.
 */
function withoutTypedText(event: FieldEvent): FieldEvent {
  const target = event.target as HTMLInputElement | null;
  const secret = event.type === 'paste' && target?.type === 'password';
  return event.type === 'input' || secret ? { ...event, text: '' } : event;
}

function withTextNow(event: FieldEvent): FieldEvent {
  return event.type === 'input' ? { ...event, text: fieldValue(event.target) } : event;
}
