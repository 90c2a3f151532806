'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { EXPORT_TYPES, TYPE_LABELS, type ExportType } from '@/lib/export/export-types';
import { ExportJobCard } from './export-job-card';
import { useExportJobs, useStartExport } from './use-export-jobs';

export function ExportPanel() {
  const jobs = useExportJobs();
  const start = useStartExport();
  const [types, setTypes] = useState<ExportType[]>([...EXPORT_TYPES]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includeTombstones, setIncludeTombstones] = useState(true);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    start.mutate({ types, from: from || null, to: to || null, includeTombstones });
  }
  const running = jobs.data?.some((job) => job.status === 'running') ?? false;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <Card>
        <CardTitle>What to export</CardTitle>
        <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Kinds of data</legend>
            {EXPORT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={(e) =>
                    setTypes((current) => (e.target.checked ? [...current, type] : current.filter((t) => t !== type)))
                  }
                />
                {TYPE_LABELS[type]}
              </label>
            ))}
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <Field label="From" htmlFor="export-from" hint="Optional">
              <Input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label="To" htmlFor="export-to" hint="Optional">
              <Input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={includeTombstones}
              onChange={(e) => setIncludeTombstones(e.target.checked)}
            />
            <span>
              Include deleted entries
              <span className="block text-xs text-muted">
                Kept as tombstones, so a restore tells your phones what was deleted.
              </span>
            </span>
          </label>
          {start.error && <Notice tone="error">{start.error.message}</Notice>}
          <Button type="submit" disabled={start.isPending || running || types.length === 0}>
            {start.isPending ? 'Starting…' : 'Prepare export'}
          </Button>
          <p className="text-xs text-muted">
            You get a ZIP with a complete JSON copy, a spreadsheet file per kind of data, and a README explaining every
            field.
          </p>
        </form>
      </Card>
      <section aria-labelledby="exports-title" className="flex flex-col gap-3">
        <h2 id="exports-title" className="text-base font-semibold">
          Your exports
        </h2>
        {jobs.isPending && <p className="text-sm text-muted">Loading…</p>}
        {jobs.error && <Notice tone="error">{jobs.error.message}</Notice>}
        {jobs.data?.length === 0 && (
          <p className="text-sm text-muted">No exports yet. Prepared exports can be downloaded again for 7 days.</p>
        )}
        {jobs.data?.map((job) => (
          <ExportJobCard key={job.id} job={job} />
        ))}
      </section>
    </div>
  );
}
