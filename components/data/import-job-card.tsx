'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ImportJobView } from '@/lib/import/import-job';
import { IMPORT_KINDS, type ImportCounts, type ImportKind } from '@/lib/import/import-plan';
import { choicesOf, ImportChoicesForm, moodMapOf, type Choices } from './import-choices-form';
import { ImportPreviewChart } from './import-preview-chart';
import { ImportReportView } from './import-report-view';
import { useImportAction } from './use-import-job';

const KIND_LABELS: Record<ImportKind, string> = {
  profile: 'Profile',
  settings: 'Sync settings',
  devices: 'Devices',
  journal: 'Journal entries',
  mood: 'Mood check-ins',
  conflicts: 'Sync conflicts',
  sync_events: 'Sync history',
};
const SOURCES = { wellsync: 'wellsync export', daylio: 'Daylio', dayone: 'Day One export' } as const;

function rowsOf(counts: ImportCounts) {
  return IMPORT_KINDS.filter((kind) => counts[kind]).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    ...counts[kind]!,
  }));
}

export function ImportJobCard({ job }: { job: ImportJobView }) {
  const action = useImportAction();
  const shown = job.status === 'completed' && job.result ? job.result : job.preview;
  const rows = rowsOf(shown);
  const canApply = job.status === 'previewed' || job.status === 'failed' || job.status === 'interrupted';
  const { report } = job;
  const previewed = choicesOf(report.moods, job.timeZone);
  // Edits are held here until "Preview again"; they are dropped when the server's preview changes under them.
  const [edit, setEdit] = useState<{ base: string; choices: Choices } | null>(null);
  const base = JSON.stringify(previewed);
  const choices = edit && edit.base === base ? edit.choices : previewed;
  const isDirty = JSON.stringify(choices) !== base;
  const canChoose =
    job.status === 'previewed' && (report.moods.some((m) => m.basis !== 'backup') || report.timeZone !== null);
  // What the user reviewed goes with Apply, so a preview changed meanwhile (another tab) is refused, not applied.
  const reviewed = { timeZone: job.timeZone, moodMap: moodMapOf(report.moods, previewed.levels) };
  const previewAgain = () =>
    action.mutate({
      id: job.id,
      action: 'preview',
      choices: { timeZone: choices.timeZone.trim(), moodMap: moodMapOf(report.moods, choices.levels) },
    });
  return (
    <article
      aria-label={`Import of ${job.fileName}`}
      className="flex flex-col gap-4 rounded-lg border border-border p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">{job.fileName}</h3>
        <span className="text-xs text-muted">{SOURCES[job.source]}</span>
      </div>
      <p className="text-sm">
        {job.status === 'completed'
          ? 'Imported. What happened:'
          : 'Dry run: nothing has been written yet. Applying this file would do the following.'}
      </p>
      <ImportPreviewChart rows={rows} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          {job.status === 'completed' ? 'Import result' : 'Import preview'} per kind of data
        </caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">New</th>
            <th scope="col">Updated</th>
            <th scope="col">Conflicting</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind} className="border-t border-border">
              <th scope="row" className="py-1 font-medium">
                {row.label}
              </th>
              <td>{row.new}</td>
              <td>{row.updated}</td>
              <td>{row.conflicting}</td>
              <td>{row.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-muted">
        Conflicting entries were changed on both sides: the newer version is kept and the other is saved under sync
        conflicts, so nothing is lost.
      </p>
      {(report.moods.length > 0 || report.timeZone !== null) && (
        <section
          aria-label="Review before applying"
          className="flex flex-col gap-3 rounded-lg border border-border p-3"
        >
          <ImportChoicesForm
            moods={report.moods}
            timeZone={report.timeZone}
            timeZoneSource={job.timeZoneSource}
            choices={choices}
            readOnly={!canChoose}
            onChange={(next) => setEdit({ base, choices: next })}
          />
          {canChoose && (
            <div className="flex flex-wrap items-center gap-2">
              <Button variant="ghost" disabled={!isDirty || action.isPending} onClick={previewAgain}>
                Preview again with these choices
              </Button>
              {isDirty && <p className="text-xs text-muted">Preview again to see the effect before you apply.</p>}
            </div>
          )}
        </section>
      )}
      <ImportReportView report={report} />
      {job.status === 'applying' && (
        <ProgressBar label="Applying the import" value={job.progress.done} max={job.progress.total} />
      )}
      {(job.status === 'failed' || job.status === 'interrupted') && (
        <Notice tone="error" title={job.status === 'failed' ? 'The import stopped' : 'The import was interrupted'}>
          {job.error ?? 'The server stopped while applying it.'} {job.progress.done} of {job.progress.total} done.
        </Notice>
      )}
      {job.status === 'expired' && (
        <p className="text-sm text-muted">This upload expired before it was applied. Upload the file again.</p>
      )}
      {job.status === 'completed' && (
        <Notice tone="success">Import complete. Your phones will receive the new entries on their next sync.</Notice>
      )}
      <div className="flex gap-2">
        {canApply && (
          <Button
            disabled={action.isPending || isDirty}
            onClick={() => action.mutate({ id: job.id, action: 'apply', reviewed })}
          >
            {job.status === 'previewed' ? 'Apply import' : 'Resume'}
          </Button>
        )}
        {job.status !== 'applying' && job.status !== 'completed' && (
          <Button
            variant="ghost"
            disabled={action.isPending}
            onClick={() => action.mutate({ id: job.id, action: 'discard' })}
          >
            Discard
          </Button>
        )}
      </div>
      {action.error && <Notice tone="error">{action.error.message}</Notice>}
    </article>
  );
}
