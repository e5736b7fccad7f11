/**
 * The main content script, injected by the background into a cart, checkout or payment-result tab once it
 * is needed (early-events.ts). It takes over from the small script the manifest injects: the field events
 * it saw and whether the shopper moved. Injected twice (two wake-ups racing), it starts once.
 *
 * Keep this bundle small too (goal <= 10 KB gzip for both scripts, issue 8): no zod, no rule engine, no
 * polyfill. Types only from src/rules and src/shared.
 */
import { EARLY_GLOBAL, type EarlyListener } from './early-events.ts';
import { extensionSender } from './messaging.ts';
import { startContentScript } from './run.ts';

const world = globalThis as Record<string, unknown>;
// null: this script is running already (see the end).
if (world[EARLY_GLOBAL] !== null) {
  const early = world[EARLY_GLOBAL] as EarlyListener | undefined;
  // The counters, for the benchmark's mutation storm: this is the isolated world, the page cannot see them.
  world.__pcdStats = startContentScript({
    doc: document,
    send: extensionSender(),
    early: early?.takeOver() ?? { events: [], engaged: false },
  }).stats;
  // Tells a small script that starts after this one (the background injected this first) not to listen.
  world[EARLY_GLOBAL] = null;
}
