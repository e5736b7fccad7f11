/**
 * Shared by the hardening suite: hostile strings as pages and feeds really carry them, what a message or a
 * fault could change (both storage areas and the badges), and one line per test with the figures the
 * README's "Reliability" section quotes (`[reliability] ...`, printed to the test log).
 */
import type { SnapshotTrigger } from '../../src/shared/protocol.ts';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import type { Harness } from '../background/harness.ts';

/** Markup that would run or load something if it ever became HTML. */
export const HTML_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
] as const;

/** U+202E flips the rest of the line ("moc.sserpxeila" reads as "aliexpress.com"). */
export const RTL_OVERRIDE = '\u202Eexe.FDP_eciovni\u202C';
/** Zero-width space, non-joiner, joiner, word joiner, BOM: invisible, and they break naive comparisons. */
export const ZERO_WIDTH = 'SA\u200BVE\u200C8\u200D\u2060\uFEFF';

/** A string of exactly `bytes` ASCII characters with no space to wrap at. */
export function unbroken(bytes: number, unit = 'W'): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Hostile text of each kind, labelled, for table tests. The long one is 100 KB. */
export function hostileTexts(): [label: string, text: string][] {
  return [
    ['an <img onerror> tag', `Charger ${HTML_PAYLOADS[0]} 65W`],
    ['a <script> tag', `${HTML_PAYLOADS[1]} Baseus Store`],
    ['an attribute breakout', `Cable ${HTML_PAYLOADS[2]}`],
    ['an RTL override', `Buds ${RTL_OVERRIDE} Pro`],
    ['zero-width characters', `Hub ${ZERO_WIDTH} 7-in-1`],
    ['100 KB without a space', unbroken(100 * 1024)],
  ];
}

/** Everything a message could change: both storage areas and the toolbar badges, as comparable text. */
export function observable(harness: Harness): string {
  return JSON.stringify({
    local: harness.browser.storage.local.snapshot(),
    session: harness.browser.storage.session.snapshot(),
    badges: [...harness.browser.badges.entries()],
  });
}

/** Lets every queued task and timer of the fake browser run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One line of figures for the README's "Reliability" section. */
export function reportFigures(topic: string, figures: Record<string, number | string>): void {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  console.info(`[reliability] ${topic}: ${text}`);
}

/**
 * A snapshot of tab `tabId` handled as if its content script had sent it (past the router's door, which
 * message-fuzz.test.ts covers): the service's own entry, so these tests do not depend on the wire format.
 */
export function deliverSnapshot(
  harness: Harness,
  tabId: number,
  trigger: SnapshotTrigger,
  snapshot: CartSnapshot,
): Promise<unknown> {
  return harness.service.onSnapshot(tabId, snapshot.url, trigger, snapshot);
}
