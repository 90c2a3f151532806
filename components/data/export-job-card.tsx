'use client';

import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ExportJobView } from '@/lib/export/export-job';
import { TYPE_LABELS } from '@/lib/export/export-types';
import { useExportAction } from './use-export-jobs';
import { formatBytes } from '@/lib/format/format-quantities';

const when = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One export: progress while it is prepared, then a download link valid for a week. */
export function ExportJobCard({ job, onDownload }: { job: ExportJobView; onDownload?: () => void }) {
  const action = useExportAction();
  const range =
    job.scope.from || job.scope.to ? `${job.scope.from ?? 'start'} – ${job.scope.to ?? 'today'}` : 'all dates';
  return (
    <article
      aria-label={`Export of ${when(job.createdAt)}`}
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">Export of {when(job.createdAt)}</h3>
        <span className="text-xs text-muted">
          {job.scope.types.map((t) => TYPE_LABELS[t]).join(', ')} · {range}
          {job.scope.includeTombstones ? '' : ' · without deleted entries'}
        </span>
      </div>
      {job.status === 'running' && (
        <ProgressBar label="Preparing your export" value={job.progress.done} max={job.progress.total} />
      )}
      {job.status === 'ready' && (
        <div className="flex flex-wrap items-center gap-3">
          <a
            href={`/api/data/exports/${job.id}/download`}
            download
            onClick={onDownload}
            className="inline-flex items-center justify-center rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:bg-accent-hover"
          >
            Download ZIP{job.bytes !== null ? ` (${formatBytes(job.bytes)})` : ''}
          </a>
          <span className="text-xs text-muted">
            {Object.values(job.counts ?? {})
              .reduce((a, b) => a + b, 0)
              .toLocaleString('en')}{' '}
            documents · available until {when(job.expiresAt)}
          </span>
        </div>
      )}
      {(job.status === 'failed' || job.status === 'interrupted') && (
        <Notice tone="error" title={job.status === 'failed' ? 'This export failed' : 'This export was interrupted'}>
          {job.error ?? 'The server stopped while preparing it. Nothing partial was kept.'}
        </Notice>
      )}
      {job.status === 'expired' && (
        <p className="text-sm text-muted">This export has expired and its file was deleted.</p>
      )}
      <div className="flex gap-2">
        {(job.status === 'failed' || job.status === 'interrupted') && (
          <Button
            variant="secondary"
            disabled={action.isPending}
            onClick={() => action.mutate({ id: job.id, action: 'retry' })}
          >
            Try again
          </Button>
        )}
        {job.status !== 'running' && (
          <Button
            variant="ghost"
            disabled={action.isPending}
            onClick={() => action.mutate({ id: job.id, action: 'delete' })}
            aria-label={`Delete the export of ${when(job.createdAt)}`}
          >
            Delete
          </Button>
        )}
      </div>
      {action.error && <Notice tone="error">{action.error.message}</Notice>}
    </article>
  );
}
