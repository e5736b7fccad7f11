/**
 * What the background remembers about one tab, in storage.session (the worker may be stopped between
 * any two messages, so nothing lives only in memory). Cleared when the tab closes.
 */
import { z } from '../rules/zod.ts';
import { CartSnapshotSchema, type CartSnapshot } from '../rules/schemas/snapshot.ts';
import type { SnapshotTrigger } from '../shared/protocol.ts';
import { capturedCode, isPendingOrderFresh, pendingOrderAtPay } from './orders.ts';

/** A checkout where the shopper pressed Pay with a code: recorded as used if a payment result follows. */
export const PendingOrderSchema = z.object({
  code: z.string().min(1).max(40),
  accountId: z.string().min(1).max(40),
  at: z.iso.datetime({ offset: true }),
});
export type PendingOrder = z.infer<typeof PendingOrderSchema>;

export const TabRecordSchema = z.object({
  /** The latest snapshot the tab's content script sent; null once the tab navigated since. */
  snapshot: CartSnapshotSchema.nullable(),
  /** The sender's URL (what the browser says, not what the page claims). */
  pageUrl: z.string().max(4000),
  /**
   * The last code captured in the promo field. Kept when a later snapshot has none, because AliExpress
   * clears the field when a code applies.
   */
  enteredCode: z.string().max(200).nullable(),
  pendingOrder: PendingOrderSchema.nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

/**
 * The tab's record after a snapshot. The entered code survives snapshots without one (a successful Apply
 * clears the field) and ends with the order. A pending order lives until its window closes or a newer Pay
 * replaces it; the service clears it once its payment result is recorded.
 */
export function nextTabRecord(
  previous: TabRecord | null,
  snapshot: CartSnapshot,
  pageUrl: string,
  trigger: SnapshotTrigger,
  now: Date,
): TabRecord {
  const orderPlaced = snapshot.pageKind === 'order-placed';
  const enteredCode = orderPlaced ? null : (capturedCode(snapshot) ?? previous?.enteredCode ?? null);
  let pendingOrder = previous?.pendingOrder ?? null;
  if (pendingOrder !== null && !isPendingOrderFresh(pendingOrder, now)) pendingOrder = null;
  if (trigger === 'pay-click') pendingOrder = pendingOrderAtPay(snapshot, enteredCode, now);
  return { snapshot, pageUrl, enteredCode, pendingOrder, updatedAt: now.toISOString() };
}

/** After a navigation the old snapshot no longer describes the tab; the code and a pending order do. */
export function withoutSnapshot(record: TabRecord): TabRecord {
  return { ...record, snapshot: null };
}
