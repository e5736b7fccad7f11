/**
 * Content script entry, injected on AliExpress cart, checkout and payment-result pages only (manifest
 * `content_scripts.matches`). It listens and offers the background a reader; see run.ts.
 *
 * Keep this bundle tiny (goal <= 10 KB gzip, issue 8) and its load path tinier: no zod, no rule engine, no
 * polyfill, and no extension API until the shopper does something. Types only from src/rules and src/shared.
 */
import { extensionSender } from './messaging.ts';
import { startContentScript } from './run.ts';

// The counters, for the benchmark's mutation storm: this is the isolated world, the page cannot see them.
(globalThis as { __pcdStats?: object }).__pcdStats = startContentScript({
  doc: document,
  send: extensionSender(),
}).stats;
