/**
 * Feed attacks through the whole background (router -> feed service -> storage -> tab state), as the popup
 * asks for a refresh: oversize, deeply nested, wrong types, duplicate codes, absurd dates, non-HTTPS,
 * a slow drip past the timeout, HTTP 500, HTML instead of JSON. Each is rejected with a status the popup
 * shows, and the last good feed stays in use, byte for byte.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_REFRESH_ALARM } from '../../src/background/feed.ts';
import { POPUP_TO_BACKGROUND, type ActionReply } from '../../src/shared/protocol.ts';
import { makeCheckoutSnapshot, makeFeed, makePromo } from '../background/builders.ts';
import { senders } from '../background/fake-browser.ts';
import { createHarness, quietWarnings, type Harness } from '../background/harness.ts';
import { deliverSnapshot, reportFigures, settle } from './helpers.ts';

const FEED_URL = 'https://feeds.example.org/aliexpress.json';
/** The harness's limits: 64 KB and 200 ms. */
const MAX_BYTES = 64 * 1024;

const goodFeed = makeFeed(
  [
    makePromo({
      code: 'GOOD12',
      discount: { kind: 'fixed', amount: { amountMinor: 1200, currency: 'USD' } },
      minSpend: { amountMinor: 5000, currency: 'USD' },
    }),
  ],
  { publisher: 'Good Publisher', generatedAt: '2026-11-20T08:00:00Z' },
);
const goodCode = makePromo({ code: 'GOOD12' });

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
}

/** A body that sends one byte every `everyMs`, forever (until cancelled). */
function slowDrip(everyMs: number): Response {
  let timer: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"version":1,'));
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), everyMs);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A body streamed in chunks without a Content-Length, so only the running count can stop it. */
function streamed(text: string, chunk = 8 * 1024): Response {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
  return new Response(body, { status: 200 });
}

function redirectedTo(url: string, response: Response): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

const feedWith = (override: Record<string, unknown>) => ({ ...goodFeed, ...override });
const codeWith = (override: Record<string, unknown>) => feedWith({ codes: [{ ...goodCode, ...override }] });

/** Each attack: what the server answers, and what the popup must say about it. */
const ATTACKS: [label: string, respond: () => Response | Promise<Response>, status: RegExp][] = [
  [
    'oversize, announced by Content-Length',
    () => new Response('x'.repeat(MAX_BYTES + 1), { headers: { 'content-length': String(MAX_BYTES + 1) } }),
    /larger than/,
  ],
  [
    'oversize, streamed without a length (a feed of 20,000 codes)',
    () => streamed(JSON.stringify(feedWith({ codes: Array.from({ length: 20_000 }, (_, i) => ({ ...goodCode, code: `BULK${i}` })) }))),
    /larger than/,
  ],
  ['deeply nested JSON (30,000 levels)', () => new Response('['.repeat(30_000) + ']'.repeat(30_000)), /not valid JSON|does not match/],
  [
    'deeply nested codes (5,000 levels inside a code)',
    () => new Response(`{"version":1,"publisher":"x","generatedAt":"2026-11-20T08:00:00Z","codes":[${'{"code":'.repeat(5_000)}1${'}'.repeat(5_000)}]}`),
    /not valid JSON|does not match/,
  ],
  ['the document is an array', () => json([goodFeed]), /does not match the feed format/],
  ['version as a string', () => json(feedWith({ version: '1' })), /does not match the feed format \(version/],
  ['codes as a string', () => json(feedWith({ codes: 'GOOD12' })), /does not match the feed format \(codes/],
  ['an amount as a string', () => json(codeWith({ minSpend: { amountMinor: '5000', currency: 'USD' } })), /codes\.0\.minSpend/],
  ['a negative discount', () => json(codeWith({ discount: { kind: 'fixed', amount: { amountMinor: -800, currency: 'USD' } } })), /codes\.0\.discount/],
  ['an absurd amount (1e300)', () => json(codeWith({ minSpend: { amountMinor: 1e300, currency: 'USD' } })), /codes\.0\.minSpend/],
  ['a percent above 100', () => json(codeWith({ discount: { kind: 'percent', percent: 250 } })), /codes\.0\.discount/],
  ['duplicate codes', () => json(feedWith({ codes: [goodCode, goodCode] })), /each code may appear only once/],
  ['duplicate codes differing only in case', () => json(feedWith({ codes: [goodCode, { ...goodCode, code: 'good12' }] })), /does not match the feed format/],
  ['validUntil in the year 275760', () => json(codeWith({ validUntil: '+275760-09-13T00:00:00.000Z' })), /codes\.0\.validUntil/],
  ['validFrom after validUntil', () => json(codeWith({ validFrom: '2026-12-31T00:00:00Z', validUntil: '2026-11-01T00:00:00Z' })), /validFrom must be before validUntil/],
  ['a date that is not a date', () => json(codeWith({ validUntil: 'soon' })), /codes\.0\.validUntil/],
  ['an unknown time zone', () => json(codeWith({ timeZone: 'Mars/Olympus_Mons' })), /codes\.0\.timeZone/],
  ['generatedAt five years ahead', () => json(feedWith({ generatedAt: '2031-11-20T08:00:00Z' })), /dated in the future/],
  ['generatedAt in the year 275760', () => json(feedWith({ generatedAt: '+275760-09-13T00:00:00.000Z' })), /generatedAt|dated in the future/],
  ['a redirect to http://', () => redirectedTo('http://feeds.example.org/aliexpress.json', json(goodFeed)), /non-HTTPS/],
  ['a slow drip past the timeout', () => slowDrip(20), /timed out/],
  ['no answer at all', () => new Promise<Response>(() => undefined), /timed out/],
  ['HTTP 500', () => json(goodFeed, { status: 500 }), /HTTP 500/],
  ['HTTP 404', () => new Response('Not Found', { status: 404 }), /HTTP 404/],
  [
    'HTML instead of JSON',
    () => new Response('<!DOCTYPE html><html><body><script>alert(1)</script>Login</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    /not valid JSON/,
  ],
  ['invalid UTF-8', () => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), /not valid JSON/],
  ['an empty body', () => new Response(''), /not valid JSON/],
  ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), /network error/],
  ['a fetch that throws synchronously', () => { throw new Error('broken fetch shim'); }, /network error|broken/],
]; // prettier-ignore

async function withGoodFeed(): Promise<Harness> {
  const harness = createHarness();
  harness.browser.fetchImpl = async () => json(goodFeed);
  const reply = (await harness.send(
    { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: FEED_URL },
    senders.popup(),
  )) as ActionReply;
  expect(reply).toEqual({ ok: true, attempt: expect.objectContaining({ ok: true }) });
  await deliverSnapshot(harness, 7, 'load', makeCheckoutSnapshot());
  return harness;
}

afterEach(() => {
  vi.restoreAllMocks();
});

let attacks = 0;

describe('feed attacks: rejected with a status, last good feed kept', () => {
  it.each(ATTACKS)('%s', async (_label, respond, status) => {
    quietWarnings();
    const harness = await withGoodFeed();
    const cachedBefore = JSON.stringify(harness.browser.storage.local.peek('feedCache'));
    harness.browser.fetchImpl = async () => respond();

    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.refreshFeed },
      senders.popup(),
    )) as ActionReply;
    expect(reply.ok).toBe(true);
    const attempt = reply.ok ? reply.attempt : undefined;
    expect(attempt?.ok).toBe(false);
    expect(attempt?.error).toMatch(status);

    // The stored copy is untouched, and the shopper still gets the good feed's codes.
    expect(JSON.stringify(harness.browser.storage.local.peek('feedCache'))).toBe(cachedBefore);
    const state = await harness.tabState(7);
    expect(state.feed).toEqual(
      expect.objectContaining({ activeSource: 'remote-feed', publisher: 'Good Publisher', codeCount: 1 }),
    );
    expect(state.feed.lastAttempt).toEqual(attempt);
    expect(state.matches?.fitting.map((match) => match.promo.code)).toContain('GOOD12');
    expect(Object.prototype).not.toHaveProperty('polluted');
    attacks++;
  });

  it('a __proto__ key in a feed pollutes nothing and adds nothing', async () => {
    const harness = await withGoodFeed();
    const body = JSON.stringify(goodFeed).replace('{', '{"__proto__":{"polluted":true,"codes":[]},');
    harness.browser.fetchImpl = async () => new Response(body);
    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.refreshFeed },
      senders.popup(),
    )) as ActionReply;
    expect(reply).toEqual({ ok: true, attempt: expect.objectContaining({ ok: true }) });
    expect(Object.prototype).not.toHaveProperty('polluted');
    const state = await harness.tabState(7);
    expect(state.feed.codeCount).toBe(1);
    attacks++;
  });

  it('the scheduled refresh meets the same attack and keeps the good feed too', async () => {
    quietWarnings();
    const harness = await withGoodFeed();
    harness.browser.fetchImpl = async () => new Response('<html>maintenance</html>');
    harness.browser.alarmListeners.forEach((listener) => listener({ name: FEED_REFRESH_ALARM }));
    for (let i = 0; i < 20 && harness.browser.storage.local.peek('feedStatus') === undefined; i++)
      await settle();
    await vi.waitFor(async () => expect((await harness.tabState(7)).feed.lastAttempt?.ok).toBe(false));
    const state = await harness.tabState(7);
    expect(state.feed.lastAttempt?.error).toBe('not valid JSON');
    expect(state.feed.activeSource).toBe('remote-feed');
    attacks++;
  });

  it('a non-HTTPS feed URL is refused at the door: nothing saved, nothing downloaded', async () => {
    quietWarnings();
    const harness = await withGoodFeed();
    let requests = 0;
    harness.browser.fetchImpl = async () => {
      requests++;
      return json(goodFeed);
    };
    for (const feedUrl of [
      'http://feeds.example.org/a.json',
      'ftp://feeds.example.org/a.json',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(
        harness.send({ type: POPUP_TO_BACKGROUND.saveSettings, feedUrl }, senders.popup()),
      ).toBeUndefined();
    }
    await settle();
    expect(requests).toBe(0);
    expect((await harness.tabState(7)).settings.feedUrl).toBe(FEED_URL);
    attacks++;
  });

  it('after every attack, a good feed is still taken', async () => {
    const harness = await withGoodFeed();
    harness.browser.fetchImpl = async () =>
      json(makeFeed([makePromo({ code: 'NEWER15' })], { publisher: 'Good Publisher' }));
    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.refreshFeed },
      senders.popup(),
    )) as ActionReply;
    expect(reply).toEqual({ ok: true, attempt: expect.objectContaining({ ok: true, error: null }) });
    expect((await harness.tabState(7)).matches?.fitting.map((match) => match.promo.code)).toContain(
      'NEWER15',
    );
    reportFigures('feed attacks', { attacks, rejected: attacks - 1, lastGoodFeedLost: 0 });
  });
});
