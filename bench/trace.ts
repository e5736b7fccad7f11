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
    readonly data?: { readonly url?: string; readonly functionName?: string; readonly type?: string };
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
      if (!SCRIPT_EVENTS.has(event.name)) continue;
      if (!event.args?.data?.url?.startsWith(scriptUrlPrefix)) continue;
      if (event.ts < coveredUntil) continue;
      ours.push(event);
      coveredUntil = event.ts + (event.dur ?? 0);
    }
    for (const event of ours) {
      const ms = (event.dur ?? 0) / 1000;
      const entry = `${event.name}${event.args?.data?.functionName ? ` ${event.args.data.functionName}` : ''}`;
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
