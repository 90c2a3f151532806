'use client';

import type { ErasureInventory } from '@/lib/erasure/take-erasure-inventory';
import { groupInventory } from './group-inventory';
import { HeldDataChart } from './held-data-chart';

export function InventoryView({ inventory, uid }: { inventory: ErasureInventory; uid: string }) {
  return (
    <div className="flex flex-col gap-4">
      <HeldDataChart data={groupInventory(inventory)} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Every place wellsync holds your data, with counts</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col">What</th>
            <th scope="col">Where</th>
            <th scope="col" className="text-right">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {inventory.items.map((item) => (
            <tr key={item.path} className="border-t border-border align-top">
              <td className="py-1 pr-3">{item.what}</td>
              <td className="py-1 pr-3 font-mono text-xs break-all text-muted">{item.path.split(uid).join('{you}')}</td>
              <td className="py-1 text-right tabular-nums">{item.count.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-border font-semibold">
            <td className="py-1" colSpan={2}>
              Total
            </td>
            <td className="py-1 text-right tabular-nums">{inventory.total.toLocaleString('en')}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
