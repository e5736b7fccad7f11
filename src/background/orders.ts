/**
 * Order recording: Pay pressed on a checkout with a code, then a payment-result page in the same tab soon
 * after, means the code was used on that account. Pure functions; `snapshots.ts` does the storage.
 */
import type { CartSnapshot } from '../rules/schemas/snapshot.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../rules/schemas/history.ts';
import type { PendingOrder } from './tab-state.ts';

/** A payment result later than this after Pay is another order (or a retry): nothing is recorded. */
export const ORDER_WINDOW_MS = 30 * 60 * 1000;

/** Zero-width and bidi marks that ride along when a code is copied from a web page. */
const INVISIBLE = /[\s\u200B-\u200F\u2060\uFEFF\u202A-\u202E]/gu;

/** The code as AliExpress would compare it: no spaces or invisible marks, upper case; null if nothing fits. */
export function normaliseCode(text: string): string | null {
  const code = text.replace(INVISIBLE, '').toUpperCase();
  return code.length > 0 && code.length <= 40 ? code : null;
}

export function accountIdOf(snapshot: CartSnapshot): string {
  const account = snapshot.accountId;
  return account.known && account.value.length > 0 ? account.value : UNKNOWN_ACCOUNT;
}

/** The code typed or pasted in this snapshot, if any (an empty field is "none", not a code). */
export function capturedCode(snapshot: CartSnapshot): string | null {
  const entered = snapshot.promo.enteredCode;
  return entered.known && entered.value.trim().length > 0 ? entered.value : null;
}

/**
 * What to remember when Pay is pressed: the applied code as the page shows it, else the last code the
 * shopper entered in this tab. Nothing when the page says no code is applied: a rejected code was not used.
 */
export function pendingOrderAtPay(
  snapshot: CartSnapshot,
  lastEnteredCode: string | null,
  now: Date,
): PendingOrder | null {
  if (snapshot.pageKind !== 'checkout') return null;
  const applied = snapshot.promo.applied;
  if (applied.known && applied.value === null) return null;
  const shown = applied.known ? applied.value?.code : null;
  const code = normaliseCode(shown ?? lastEnteredCode ?? '');
  if (code === null) return null;
  return { code, accountId: accountIdOf(snapshot), at: now.toISOString() };
}

export function isPendingOrderFresh(pending: PendingOrder, now: Date): boolean {
  const age = now.getTime() - Date.parse(pending.at);
  return age >= 0 && age <= ORDER_WINDOW_MS;
}

/** The usage entry to record when `snapshot` is the payment result of `pending`; null otherwise. */
export function usageFromOrder(
  pending: PendingOrder | null,
  snapshot: CartSnapshot,
  now: Date,
): UsageEntry | null {
  if (pending === null || snapshot.pageKind !== 'order-placed' || !isPendingOrderFresh(pending, now))
    return null;
  // The result page may show the member id when checkout did not: prefer what checkout said.
  const accountId = pending.accountId === UNKNOWN_ACCOUNT ? accountIdOf(snapshot) : pending.accountId;
  return { accountId, code: pending.code, usedAt: now.toISOString(), source: 'order' };
}

/**
 * The history with `entry` added, or null when this order is already in it (the result page sends several
 * snapshots, and a worker stopped mid-way may replay one).
 */
export function withOrderRecorded(
  history: readonly UsageEntry[],
  entry: UsageEntry,
  pending: PendingOrder,
): UsageEntry[] | null {
  const pendingAt = Date.parse(pending.at);
  const already = history.some(
    (existing) =>
      existing.source === 'order' &&
      existing.code === entry.code &&
      existing.accountId === entry.accountId &&
      Date.parse(existing.usedAt) >= pendingAt,
  );
  return already ? null : [...history, entry];
}

/** Marking by hand: add a manual entry (once), or remove every entry of that code for that account. */
export function withCodeMarked(
  history: readonly UsageEntry[],
  accountId: string,
  code: string,
  used: boolean,
  now: Date,
): UsageEntry[] | null {
  const matches = (entry: UsageEntry) => entry.accountId === accountId && entry.code === code;
  if (used) {
    return history.some(matches)
      ? null
      : [...history, { accountId, code, usedAt: now.toISOString(), source: 'manual' }];
  }
  return history.some(matches) ? history.filter((entry) => !matches(entry)) : null;
}
