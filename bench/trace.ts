/**
 * Attribution of main-thread time to an extension from a Chromium trace. The page's own PerformanceObserver
 * cannot do it: long-task entries say only "self/unknown", and long-animation-frame entries leave content
 * scripts out of `scripts`. The trace names the script URL of every EvaluateScript and FunctionCall.
 */
import type { CDPSession } from 'playwright-core';

export const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: {
    readonly name?: string;
    readonly chrome_mojo_event_info?: { readonly mojo_interface_tag?: string };
    readonly data?: {
      readonly url?: string;
      readonly functionName?: string;
      readonly type?: string;
      readonly message?: string;
    };
  };
}

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface ExtensionTaskReport {
  /** Renderer main-thread tasks longer than 50 ms in which the extension's code ran. */
  readonly longTasksWithExtension: { readonly taskMs: number; readonly extensionMs: number }[];
  /** Every long task on the page's main thread, with or without the extension. */
  readonly longTasksTotal: number;
  /** Time in the extension's scripts on the page's main thread, by entry point (event + function). */
  readonly extensionMsByEntry: Record<string, number>;
  readonly extensionMsTotal: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.evaluateModule']);

/**
 * The background's `scripting.executeScript` into the page (our page read) shows in the trace as no script
 * event with a URL, only as the frame receiving an `extensions.mojom.LocalFrame` message, the injected
 * function running inside it. The benchmark's browsers hold one extension each, so in ours' runs those
 * messages are ours.
 */
const INJECTION_EVENT = 'Receive mojo message';
const INJECTION_INTERFACE = 'extensions.mojom.LocalFrame';

function isOurs(event: TraceEvent, scriptUrlPrefix: string): boolean {
  if (SCRIPT_EVENTS.has(event.name)) return event.args?.data?.url?.startsWith(scriptUrlPrefix) === true;
  return (
    event.name === INJECTION_EVENT &&
    event.args?.chrome_mojo_event_info?.mojo_interface_tag === INJECTION_INTERFACE
  );
}

/** How an event of ours is named in the report: the script event and function, or the injection. */
function entryName(event: TraceEvent): string {
  if (event.name === INJECTION_EVENT) return `executeScript (${INJECTION_INTERFACE})`;
  return `${event.name}${event.args?.data?.functionName ? ` ${event.args.data.functionName}` : ''}`;
}

/** `scriptUrlPrefix`: e.g. `chrome-extension://<id>/`. Only renderer main threads (CrRendererMain) count. */
export function attributeToExtension(
  events: readonly TraceEvent[],
  scriptUrlPrefix: string,
): ExtensionTaskReport {
  const rendererMain = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') {
      rendererMain.add(`${event.pid}:${event.tid}`);
    }
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X') continue;
    const key = `${event.pid}:${event.tid}`;
    if (!rendererMain.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(event);
  }
  const longTasksWithExtension: { taskMs: number; extensionMs: number }[] = [];
  const extensionMsByEntry: Record<string, number> = {};
  let longTasksTotal = 0;
  let extensionMsTotal = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // Outermost extension script events only: a FunctionCall inside an EvaluateScript is not counted twice.
    const ours: TraceEvent[] = [];
    let coveredUntil = -1;
    for (const event of list) {
      if (!isOurs(event, scriptUrlPrefix)) continue;
      if (event.ts < coveredUntil) continue;
      ours.push(event);
      coveredUntil = event.ts + (event.dur ?? 0);
    }
    for (const event of ours) {
      const ms = (event.dur ?? 0) / 1000;
      const entry = entryName(event);
      extensionMsByEntry[entry] = (extensionMsByEntry[entry] ?? 0) + ms;
      extensionMsTotal += ms;
    }
    for (const task of list) {
      if (task.name !== 'RunTask' || (task.dur ?? 0) <= 50_000) continue;
      longTasksTotal++;
      const end = task.ts + (task.dur ?? 0);
      const inside = ours.filter((event) => event.ts >= task.ts && event.ts < end);
      if (inside.length === 0) continue;
      longTasksWithExtension.push({
        taskMs: (task.dur ?? 0) / 1000,
        extensionMs: inside.reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0),
      });
    }
  }
  return { longTasksWithExtension, longTasksTotal, extensionMsByEntry, extensionMsTotal };
}

export interface TimelineEntry {
  /** ms after the marker. */
  readonly atMs: number;
  readonly durationMs: number;
  readonly thread: string;
  readonly what: string;
}

/**
 * The extension's script activity on every thread (page, service worker, popup) in the `windowMs` after
 * the `console.timeStamp(marker)` the benchmark left in the trace: how a paste becomes a hint, step by step.
 */
export function timelineAfter(
  events: readonly TraceEvent[],
  scriptUrlPrefix: string,
  marker: string,
  windowMs: number,
): TimelineEntry[] {
  const stamp = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === marker);
  if (!stamp) return [];
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name)
      threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const end = stamp.ts + windowMs * 1000;
  const candidates = events
    .filter((event) => event.ph === 'X' && event.ts >= stamp.ts && event.ts <= end)
    .filter((event) => isOurs(event, scriptUrlPrefix))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const covered = new Map<string, number>();
  const timeline: TimelineEntry[] = [];
  for (const event of candidates) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ts < (covered.get(thread) ?? -1)) continue;
    covered.set(thread, event.ts + (event.dur ?? 0));
    const url = event.args?.data?.url ?? '';
    timeline.push({
      atMs: (event.ts - stamp.ts) / 1000,
      durationMs: (event.dur ?? 0) / 1000,
      thread: threadNames.get(thread) ?? thread,
      what: `${entryName(event)} ${url.slice(scriptUrlPrefix.length)}`
        .replace(/\s+/g, ' ')
        .trim(),
    });
  }
  return timeline;
}

const BREAKDOWN_EVENTS = new Set([
  'RunTask',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.compile',
  'EvaluateScript',
  'FunctionCall',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MinorGC',
  'MajorGC',
]);

/**
 * Main-thread and service-worker time, by kind of work, in the processes where our extension's code ran,
 * during `windowMs` after the marker: says whether a slow step is module loading, the engine (microtasks in
 * the worker), layout or garbage collection. Nested kinds overlap (RunTask contains the others).
 */
export function threadBreakdownAfter(
  events: readonly TraceEvent[],
  scriptUrlPrefix: string,
  marker: string,
  windowMs: number,
): { readonly thread: string; readonly what: string; readonly ms: number }[] {
  const stamp = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === marker);
  if (!stamp) return [];
  const end = stamp.ts + windowMs * 1000;
  const inWindow = events.filter((event) => event.ph === 'X' && event.ts >= stamp.ts && event.ts <= end);
  const pids = new Set(
    inWindow.filter((event) => event.args?.data?.url?.startsWith(scriptUrlPrefix)).map((event) => event.pid),
  );
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name)
      threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const totals = new Map<string, { thread: string; what: string; ms: number }>();
  for (const event of inWindow) {
    if (!pids.has(event.pid) || !BREAKDOWN_EVENTS.has(event.name)) continue;
    const threadName = threadNames.get(`${event.pid}:${event.tid}`) ?? '';
    if (threadName !== 'CrRendererMain' && !/ServiceWorker/i.test(threadName)) continue;
    const url = event.args?.data?.url ?? '';
    const what = url.startsWith(scriptUrlPrefix)
      ? `${event.name} ${url.slice(scriptUrlPrefix.length)}`
      : event.name;
    const thread = `${threadName} (pid ${event.pid})`;
    const key = `${thread}|${what}`;
    const entry = totals.get(key) ?? { thread, what, ms: 0 };
    entry.ms += (event.dur ?? 0) / 1000;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}
