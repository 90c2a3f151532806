import { z } from 'zod';
import { progressLines } from '@/lib/ndjson/progress-lines';

/** The phrase a user types to confirm erasure. */
export const ERASE_PHRASE = 'erase my data';

export const ZErasureReceipt = z.object({
  id: z.string(),
  startedAt: z.string(),
  completedAt: z.string(),
  items: z.array(z.object({ path: z.string(), count: z.number(), what: z.string() })),
  total: z.number(),
});
export type ErasureReceipt = z.infer<typeof ZErasureReceipt>;

/** The erasure route's progress lines, ending with the receipt. */
export const ZErasureLine = progressLines({ receipt: ZErasureReceipt });

/**
 * What wellsync keeps after the account is gone (`erasure_receipts/{id}`): the receipt's id, times and counts,
 * with the user id replaced by `{uid}` and nothing else about the person, so it can confirm an erasure happened
 * to whoever holds the receipt id without identifying anyone (docs/data-rights.md, "The receipt").
 */
export function keptReceipt(receipt: ErasureReceipt, uid: string): ErasureReceipt {
  return { ...receipt, items: receipt.items.map((item) => ({ ...item, path: item.path.split(uid).join('{uid}') })) };
}

export const ERASURE_RECEIPTS = 'erasure_receipts';
