import { z } from 'zod';
import { progressLines } from '@/lib/ndjson/progress-lines';

export const ERASE_PHRASE = 'erase my data';

export const ZErasureReceipt = z.object({
  id: z.string(),
  startedAt: z.string(),
  completedAt: z.string(),
  items: z.array(z.object({ path: z.string(), count: z.number(), what: z.string() })),
  total: z.number(),
});
export type ErasureReceipt = z.infer<typeof ZErasureReceipt>;

export const ZErasureLine = progressLines({ receipt: ZErasureReceipt });

/** Without the user id, so it confirms an erasure happened without identifying anyone (docs/data-rights.md). */
export function keptReceipt(receipt: ErasureReceipt, uid: string): ErasureReceipt {
  return { ...receipt, items: receipt.items.map((item) => ({ ...item, path: item.path.split(uid).join('{uid}') })) };
}

export const ERASURE_RECEIPTS = 'erasure_receipts';
