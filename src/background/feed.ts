/**
 * The remote code feed: the only network request the extension makes. HTTPS only, no cookies, a size
 * limit checked on Content-Length and while reading, one timeout over the whole download (a slow drip
 * times out too), then JSON and the feed schema. Only a feed that passed everything replaces the cached
 * copy; every attempt's outcome is stored for the popup.
 */
import type { z } from '../rules/zod.ts';
import { FeedSchema, type Feed } from '../rules/schemas/catalog.ts';
import type { BrowserLike } from './browser-like.ts';
import { HttpsUrlSchema, type FeedAttempt } from './storage/schemas.ts';
import type { Store } from './storage/store.ts';

export const FEED_REFRESH_ALARM = 'feed-refresh';
export const FEED_REFRESH_PERIOD_MINUTES = 12 * 60;
export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;
/** A feed dated further ahead than this is refused: a publisher's clock or data is wrong. */
const FEED_MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface FeedLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { maxBytes: FEED_MAX_BYTES, timeoutMs: FEED_TIMEOUT_MS };

export type DownloadResult =
  { readonly ok: true; readonly feed: Feed } | { readonly ok: false; readonly error: string };

class FeedError extends Error {}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Rejects when `signal` aborts: raced against every wait, so a server (or fetch) that ignores the abort cannot hang us. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new FeedError('timeout'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  return aborted;
}

/** Reads the body up to `maxBytes`, giving up when `signal` aborts even if the server stops sending. */
async function readLimited(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (!response.body) {
    const whole = new Uint8Array(await Promise.race([response.arrayBuffer(), whenAborted(signal)]));
    if (whole.byteLength > maxBytes) throw new FeedError(`larger than ${megabytes(maxBytes)}`);
    return whole;
  }
  const reader = response.body.getReader();
  const aborted = whenAborted(signal);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new FeedError(`larger than ${megabytes(maxBytes)}`);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'does not match the feed format';
  const where = first.path.map(String).join('.') || 'the document';
  return `does not match the feed format (${where}: ${first.message})`.slice(0, 300);
}

/** Downloads and validates a feed; never throws. */
export async function downloadFeed(
  fetchFeed: typeof fetch,
  url: string,
  now: Date,
  limits: FeedLimits = DEFAULT_FEED_LIMITS,
): Promise<DownloadResult> {
  if (!HttpsUrlSchema.safeParse(url).success)
    return { ok: false, error: 'the feed URL must start with https://' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let response: Response;
    try {
      const request = fetchFeed(url, {
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      response = await Promise.race([request, whenAborted(controller.signal)]);
    } catch {
      return {
        ok: false,
        error: controller.signal.aborted ? `timed out after ${limits.timeoutMs / 1000} s` : 'network error',
      };
    }
    if (response.url && !response.url.startsWith('https://')) {
      return { ok: false, error: 'the feed was redirected to a non-HTTPS address' };
    }
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      response.body?.cancel().catch(() => undefined);
      return { ok: false, error: `larger than ${megabytes(limits.maxBytes)}` };
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, limits.maxBytes, controller.signal);
    } catch (error) {
      if (error instanceof FeedError && error.message !== 'timeout')
        return { ok: false, error: error.message };
      return {
        ok: false,
        error: controller.signal.aborted ? `timed out after ${limits.timeoutMs / 1000} s` : 'network error',
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      // Also catches invalid UTF-8 and nesting too deep for the parser.
      return { ok: false, error: 'not valid JSON' };
    }
    const parsed = FeedSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: describeSchemaError(parsed.error) };
    if (Date.parse(parsed.data.generatedAt) > now.getTime() + FEED_MAX_FUTURE_MS) {
      return { ok: false, error: 'the feed is dated in the future' };
    }
    return { ok: true, feed: parsed.data };
  } catch (error) {
    // Anything unforeseen (a stack overflow deep in validation, a broken fetch shim) is still just a bad feed.
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 200) : 'unexpected error' };
  } finally {
    clearTimeout(timer);
  }
}

export interface FeedServiceOptions {
  readonly now: () => Date;
  readonly limits?: FeedLimits;
}

/** Scheduled and on-demand refresh, sharing one download when both ask at once. */
export class FeedService {
  private inFlight: Promise<FeedAttempt> | null = null;

  constructor(
    private readonly browser: Pick<BrowserLike, 'alarms' | 'fetch'>,
    private readonly store: Store,
    private readonly options: FeedServiceOptions,
  ) {}

  /** Creates the refresh alarm unless it exists (alarms outlive the worker but not every browser restart). */
  async ensureSchedule(): Promise<void> {
    const existing = await this.browser.alarms.get(FEED_REFRESH_ALARM);
    if (!existing) {
      await this.browser.alarms.create(FEED_REFRESH_ALARM, {
        delayInMinutes: 1,
        periodInMinutes: FEED_REFRESH_PERIOD_MINUTES,
      });
    }
  }

  /** The scheduled refresh is silent when no feed URL is set; the on-demand one reports it. */
  async onAlarm(name: string): Promise<void> {
    if (name !== FEED_REFRESH_ALARM) return;
    const { feedUrl } = await this.store.read('settings');
    if (feedUrl !== '') await this.refresh();
  }

  refresh(): Promise<FeedAttempt> {
    this.inFlight ??= this.refreshOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshOnce(): Promise<FeedAttempt> {
    const { feedUrl } = await this.store.read('settings');
    const startedAt = this.options.now();
    const result: DownloadResult =
      feedUrl === ''
        ? { ok: false, error: 'no feed URL is set' }
        : await downloadFeed(this.browser.fetch, feedUrl, startedAt, this.options.limits);
    const at = this.options.now().toISOString();
    if (result.ok) {
      const cached = await this.store.update('feedCache', () => ({
        feed: result.feed,
        fetchedAt: at,
        url: feedUrl,
      }));
      if (!cached.ok) {
        const attempt: FeedAttempt = {
          at,
          ok: false,
          error: `could not be stored: ${cached.error}`.slice(0, 500),
        };
        await this.store.update('feedStatus', () => attempt);
        return attempt;
      }
    }
    const attempt: FeedAttempt = { at, ok: result.ok, error: result.ok ? null : result.error };
    await this.store.update('feedStatus', () => attempt);
    return attempt;
  }
}
