'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { ErasureReceipt } from '@/lib/erasure/erasure-receipt';

/** The receipt after erasure: shown, and downloadable as JSON (the only full copy: wellsync keeps none with your id). */
export function ErasureReceiptView({ receipt }: { receipt: ErasureReceipt }) {
  function download() {
    const blob = new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `wellsync-erasure-receipt-${receipt.id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section aria-labelledby="receipt-title" className="flex flex-col gap-4">
      <Notice tone="success" title="Your account and data have been erased">
        Every session was signed out. Keep this receipt: it is the only copy that names your account.
      </Notice>
      <h2 id="receipt-title" className="text-lg font-semibold">
        Erasure receipt
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Receipt</dt>
        <dd className="font-mono break-all">{receipt.id}</dd>
        <dt className="text-muted">Started</dt>
        <dd>{receipt.startedAt}</dd>
        <dt className="text-muted">Completed</dt>
        <dd>{receipt.completedAt}</dd>
        <dt className="text-muted">Documents erased</dt>
        <dd>{receipt.total.toLocaleString('en')}</dd>
      </dl>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What was erased, by place</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col">Where</th>
            <th scope="col" className="text-right">
              Erased
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.items.map((item) => (
            <tr key={item.path} className="border-t border-border">
              <td className="py-1 pr-3 font-mono text-xs break-all">{item.path}</td>
              <td className="py-1 text-right tabular-nums">{item.count.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        <Button onClick={download}>Download receipt</Button>
        <Link href="/signin" className="inline-flex items-center rounded-lg px-4 py-2 text-sm text-muted hover:text-fg">
          Go to the sign-in page
        </Link>
      </div>
    </section>
  );
}
