import type { ErasureInventory } from '@/lib/erasure/take-erasure-inventory';

/** Inventory counts per kind of data, for charts: "Journal entries, including…" is charted as "Journal entries". */
export function groupInventory(inventory: ErasureInventory): { label: string; count: number }[] {
  const byKind = new Map<string, number>();
  for (const item of inventory.items) {
    const label = item.what.split(/[,(:]/)[0]!.trim();
    byKind.set(label, (byKind.get(label) ?? 0) + item.count);
  }
  return [...byKind].map(([label, count]) => ({ label: label.length > 24 ? `${label.slice(0, 23)}…` : label, count }));
}
