import { z } from '../zod.ts';

export const UsageEntrySchema = z.object({
  /** AliExpress member id, or "unknown-account" when the page did not show one. */
  accountId: z.string().min(1).max(40),
  code: z.string().min(1).max(40),
  usedAt: z.iso.datetime({ offset: true }),
  /** `order`: recorded when a paid order followed a checkout with the code applied. */
  source: z.enum(['order', 'manual', 'aliexpress']),
});
export type UsageEntry = z.infer<typeof UsageEntrySchema>;
export const UsageHistorySchema = z.array(UsageEntrySchema).max(10000);
export type UsageHistory = z.infer<typeof UsageHistorySchema>;

export { UNKNOWN_ACCOUNT } from '../account.ts';
