import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FEED_REFRESH_ALARM,
  FEED_REFRESH_PERIOD_MINUTES,
  FeedService,
  downloadFeed,
} from '../../src/background/feed.ts';
import { Store } from '../../src/background/storage/store.ts';
import { createFakeBrowser, type FakeBrowser } from './fake-browser.ts';
import { makeFeed, makePromo } from './builders.ts';

const NOW = new Date('2026-11-24T18:00:00Z');
const FEED_URL = 'https://feeds.example.org/aliexpress.json';
const LIMITS = { maxBytes: 64 * 1024, timeoutMs: 200 };

const goodFeed = makeFeed([makePromo({ code: 'SAVE8' }), makePromo({ code: 'SAVE12' })], {
  publisher: 'Good Feed',
});
const newerFeed = makeFeed([makePromo({ code: 'WINTER10' })], {
  publisher: 'Good Feed',
  generatedAt: '2026-11-24T06:00:00Z',
});

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
}

/** A response whose body arrives in `chunks`, `delayMs` apart: a server dripping bytes. */
function dripping(chunks: string[], delayMs: number): Response {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, { status: 200 });
}

async function setUp(): Promise<{
  browser: FakeBrowser;
  store: Store;
  service: FeedService;
  requests: RequestInit[];
}> {
  const browser = createFakeBrowser();
  const requests: RequestInit[] = [];
  browser.fetchImpl = async (_url, init) => {
    requests.push(init ?? {});
    return json(goodFeed);
  };
  const store = new Store(browser.storage.local, browser.storage.session, { now: () => NOW });
  await store.update('settings', () => ({ feedUrl: FEED_URL }));
  const service = new FeedService(browser, store, { now: () => NOW, limits: LIMITS });
  expect(await service.refresh()).toEqual({ at: NOW.toISOString(), ok: true, error: null });
  return { browser, store, service, requests };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('feed refresh', () => {
  it('stores a good feed, with where and when it came from, and sends no cookies', async () => {
    const { store, requests } = await setUp();
    expect(await store.read('feedCache')).toEqual({
      feed: goodFeed,
      fetchedAt: NOW.toISOString(),
      url: FEED_URL,
    });
    expect(requests[0]).toEqual(expect.objectContaining({ credentials: 'omit', cache: 'no-store' }));
  });

  it('a newer good feed replaces the last one', async () => {
    const { browser, store, service } = await setUp();
    browser.fetchImpl = async () => json(newerFeed);
    expect(await service.refresh()).toEqual(expect.objectContaining({ ok: true }));
    expect((await store.read('feedCache'))?.feed.codes.map((code) => code.code)).toEqual(['WINTER10']);
  });

  const slowBody = () =>
    dripping(['{"version":1,', '"publisher":"x",', '"generatedAt":"2026-11-24T06:00:00Z",'], 90);
  const hugeBody = '{"version":1,"publisher":"' + 'x'.repeat(70 * 1024) + '"}';

  it.each<[string, () => Promise<Response>, RegExp]>([
    ['bad JSON', async () => new Response('{"version":1,"publisher":', { status: 200 }), /not valid JSON/],
    [
      'a schema violation',
      async () => json({ ...goodFeed, codes: [{ code: 'save 8', discount: 5 }] }),
      /does not match the feed format \(codes\.0/,
    ],
    [
      'duplicate codes',
      async () => json({ ...goodFeed, codes: [makePromo(), makePromo()] }),
      /does not match the feed format/,
    ],
    ['wrong types', async () => json([1, 2, 3]), /does not match the feed format/],
    [
      'a feed dated in the future',
      async () => json({ ...goodFeed, generatedAt: '2031-01-01T00:00:00Z' }),
      /dated in the future/,
    ],
    [
      'an oversize body announced by Content-Length',
      async () => new Response(hugeBody, { headers: { 'content-length': String(hugeBody.length) } }),
      /larger than/,
    ],
    [
      'an oversize body without Content-Length',
      async () => dripping([hugeBody.slice(0, 40_000), hugeBody.slice(40_000)], 1),
      /larger than/,
    ],
    ['a timeout before any answer', () => new Promise<Response>(() => undefined), /timed out/],
    ['a slow drip that never finishes in time', async () => slowBody(), /timed out/],
    ['HTTP 404', async () => new Response('Not Found', { status: 404 }), /HTTP 404/],
    ['HTTP 500', async () => json(goodFeed, { status: 500 }), /HTTP 500/],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), /network error/],
    [
      'deep nesting',
      async () => new Response('['.repeat(20_000) + ']'.repeat(20_000)),
      /not valid JSON|does not match/,
    ],
  ])('%s: last good feed kept, status shows the error', async (_label, respond, error) => {
    const { browser, store, service } = await setUp();
    browser.fetchImpl = respond;
    const attempt = await service.refresh();
    expect(attempt.ok).toBe(false);
    expect(attempt.error).toMatch(error);
    expect((await store.read('feedCache'))?.feed).toEqual(goodFeed);
    expect(await store.read('feedStatus')).toEqual(attempt);
  });

  it('refuses a non-HTTPS feed URL without a request', async () => {
    let requested = false;
    const result = await downloadFeed(
      async () => {
        requested = true;
        return json(goodFeed);
      },
      'http://feeds.example.org/aliexpress.json',
      NOW,
      LIMITS,
    );
    expect(result).toEqual({ ok: false, error: 'the feed URL must start with https://' });
    expect(requested).toBe(false);
  });

  it('on demand with no URL set says so; on schedule it stays quiet', async () => {
    const browser = createFakeBrowser();
    let requests = 0;
    browser.fetchImpl = async () => {
      requests += 1;
      return json(goodFeed);
    };
    const store = new Store(browser.storage.local, browser.storage.session, { now: () => NOW });
    const service = new FeedService(browser, store, { now: () => NOW, limits: LIMITS });
    await service.onAlarm(FEED_REFRESH_ALARM);
    expect(await store.read('feedStatus')).toBeNull();
    expect(await service.refresh()).toEqual({
      at: NOW.toISOString(),
      ok: false,
      error: 'no feed URL is set',
    });
    expect(requests).toBe(0);
  });

  it('refreshes on its alarm, which is created once every 12 hours', async () => {
    const { browser, service, requests } = await setUp();
    await service.ensureSchedule();
    await service.ensureSchedule();
    expect(browser.alarmsCreated).toEqual([
      { name: FEED_REFRESH_ALARM, info: { delayInMinutes: 1, periodInMinutes: FEED_REFRESH_PERIOD_MINUTES } },
    ]);
    expect(FEED_REFRESH_PERIOD_MINUTES).toBe(720);
    await service.onAlarm('some-other-alarm');
    expect(requests).toHaveLength(1);
    await service.onAlarm(FEED_REFRESH_ALARM);
    expect(requests).toHaveLength(2);
  });

  it('asked twice at once, downloads once', async () => {
    const { browser, service } = await setUp();
    let requests = 0;
    browser.fetchImpl = async () => {
      requests += 1;
      return json(newerFeed);
    };
    const [first, second] = await Promise.all([service.refresh(), service.refresh()]);
    expect(first).toEqual(second);
    expect(requests).toBe(1);
  });

  it('a feed that cannot be stored (quota) is reported and the last good copy stays', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { browser, store, service } = await setUp();
    browser.fetchImpl = async () => json(newerFeed);
    browser.storage.local.failWrites = new Error('QUOTA_BYTES quota exceeded');
    const attempt = await service.refresh();
    expect(attempt).toEqual(
      expect.objectContaining({ ok: false, error: 'could not be stored: QUOTA_BYTES quota exceeded' }),
    );
    browser.storage.local.failWrites = null;
    expect((await store.read('feedCache'))?.feed).toEqual(goodFeed);
  });
});
