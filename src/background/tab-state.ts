/**
 * What the background remembers about one tab, in storage.session (the worker may be stopped between
 * any two messages, so nothing lives only in memory). Cleared when the tab closes.
 */
import { z } from '../rules/zod.ts';
import { CartSnapshotSchema } from '../rules/schemas/snapshot.ts';

/** A checkout where the shopper pressed Pay with a code: recorded as used if a payment result follows. */
export const PendingOrderSchema = z.object({
  code: z.string().min(1).max(40),
  accountId: z.string().min(1).max(40),
  at: z.iso.datetime({ offset: true }),
});
export type PendingOrder = z.infer<typeof PendingOrderSchema>;

export const TabRecordSchema = z.object({
  /** The latest snapshot the tab's content script sent. */
  snapshot: CartSnapshotSchema,
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
