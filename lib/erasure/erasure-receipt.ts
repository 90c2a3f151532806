import type { LocatedData } from './user-data-locator';

/** The phrase a user types to confirm erasure. */
export const ERASE_PHRASE = 'erase my data';

export type ErasureReceipt = {
  id: string;
  startedAt: string;
  completedAt: string;
  items: LocatedData[];
  total: number;
};

/**
 * What wellsync keeps after the account is gone (`erasure_receipts/{id}`): the receipt's id, times and counts,
 * with the user id replaced by `{uid}` and nothing else about the person, so it can confirm an erasure happened
 * to whoever holds the receipt id without identifying anyone (docs/data-rights.md, "The receipt").
 */
export function keptReceipt(receipt: ErasureReceipt, uid: string): ErasureReceipt {
  return { ...receipt, items: receipt.items.map((item) => ({ ...item, path: item.path.split(uid).join('{uid}') })) };
}

export const ERASURE_RECEIPTS = 'erasure_receipts';
