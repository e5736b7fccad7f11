/**
 * Service worker entry: the real `browser` and the real rule engine into `startBackground`. Everything
 * else lives in modules that take a `BrowserLike`, so it runs under test with a fake browser.
 */
import browser from 'webextension-polyfill';
import bundledFeedJson from '../data/bundled-feed.json' with { type: 'json' };
import {
  createMessages,
  diagnose,
  FeedSchema,
  matchingCodes,
  mergeCatalog,
  type Feed,
} from '../rules/index.ts';
import type { BrowserLike } from './browser-like.ts';
import { startBackground } from './start.ts';

/** The bundled feed is checked by its own test; if a broken one ever ships, run on no codes rather than crash. */
function bundledFeed(): Feed {
  const parsed = FeedSchema.safeParse(bundledFeedJson);
  if (parsed.success) return parsed.data;
  console.error('[promo-code-doctor] the bundled feed is invalid', parsed.error.issues.slice(0, 3));
  return { version: 1, publisher: 'none', generatedAt: new Date(0).toISOString(), codes: [] };
}

const extensionApi: BrowserLike = {
  runtime: browser.runtime as unknown as BrowserLike['runtime'],
  storage: { local: browser.storage.local, session: browser.storage.session },
  action: browser.action,
  alarms: browser.alarms,
  tabs: browser.tabs as unknown as BrowserLike['tabs'],
  scripting: browser.scripting as unknown as BrowserLike['scripting'],
  cookies: browser.cookies,
  i18n: browser.i18n,
  // Bound: a bare `fetch` reference called off its global throws "Illegal invocation".
  fetch: (input, init) => fetch(input, init),
};

startBackground({
  browser: extensionApi,
  engine: { diagnose, matchingCodes, mergeCatalog, createMessages },
  bundledFeed: bundledFeed(),
});
