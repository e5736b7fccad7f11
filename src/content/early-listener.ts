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
        if (events.length < EARLY_EVENT_LIMIT) events.push(fieldEvent(event));
        engage();
      },
      options,
    );
  for (const type of ENGAGEMENT_EVENTS) doc.defaultView?.addEventListener(type, engage, options);

  const early: EarlyListener = {
    takeOver() {
      listening.abort();
      return { events: events.splice(0), engaged };
    },
  };
  world[EARLY_GLOBAL] = early;
  return early;
}
