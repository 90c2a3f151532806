'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import type { SyncType } from '@/lib/contract/paths';
import { formatBytes } from '@/lib/format/format-quantities';
import { requestCloudCopyRemoval, type RemovalProgress } from './request-cloud-copy-removal';

/** Removes a switched-off type's cloud copy, after confirmation, reading the route's progress lines as they come. */
export function RemoveCloudCopy({
  type,
  label,
  docs,
  bytes,
  onRemoved,
}: {
  type: SyncType;
  label: string;
  docs: number;
  bytes: number;
  onRemoved: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<RemovalProgress | null>(null);
  const [result, setResult] = useState<{ deleted: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    setProgress({ deleted: 0, total: docs });
    try {
      const deleted = await requestCloudCopyRemoval(type, setProgress);
      if (deleted !== null) {
        setResult({ deleted });
        onRemoved();
      }
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <Card aria-labelledby={`remove-${type}`}>
      <h2 id={`remove-${type}`} className="text-base font-semibold">
        {label}: remove the cloud copy
      </h2>
      <p className="mt-1 text-sm text-muted" hidden={Boolean(result)}>
        {label} no longer syncs, but {docs.toLocaleString('en')} {docs === 1 ? 'document' : 'documents'} (
        {formatBytes(bytes)}) are still stored in the cloud. Removing them leaves your phones&rsquo; copies alone.
      </p>
      {progress && !result && !error && (
        <div className="mt-3">
          <progress
            className="w-full"
            max={Math.max(1, progress.total)}
            value={progress.deleted}
            aria-label={`Removing ${label}`}
          />
          <p className="text-sm text-muted" role="status">
            Removed {progress.deleted.toLocaleString('en')} of {progress.total.toLocaleString('en')}…
          </p>
        </div>
      )}
      {result && (
        <Notice tone="success" className="mt-3" title="Removed">
          {result.deleted.toLocaleString('en')} {result.deleted === 1 ? 'document was' : 'documents were'} removed from
          the cloud.
        </Notice>
      )}
      {error && (
        <Notice tone="error" className="mt-3">
          {error}
        </Notice>
      )}
      {!result && (
        <Button variant="danger" className="mt-3" onClick={() => setOpen(true)} disabled={Boolean(progress) && !error}>
          Remove cloud copy
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={`Remove the cloud copy of ${label.toLowerCase()}?`}>
        <p className="text-sm text-muted">
          {docs.toLocaleString('en')} documents will be deleted from the cloud, with the conflicts that hold versions of
          them. Export your data first if you want a copy. This cannot be undone.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setOpen(false);
              void remove();
            }}
          >
            Remove
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
