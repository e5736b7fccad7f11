/**
 * Content script entry, injected on AliExpress cart, checkout and payment-result pages only (manifest
 * `content_scripts.matches`). It reads the page and talks to the background; see run.ts.
 *
 * Keep this bundle tiny (goal <= 10 KB gzip, issue 8): no zod, no rule engine, no polyfill. Types only
 * from src/rules and src/shared.
 */
import { extensionAnswerer, extensionSender } from './messaging.ts';
import { startContentScript } from './run.ts';

const send = extensionSender();
// The counters, for the benchmark's mutation storm: this is the isolated world, the page cannot see them.
if (send)
  (globalThis as { __pcdStats?: object }).__pcdStats = startContentScript({ doc: document, send, answer: extensionAnswerer() }).stats;
