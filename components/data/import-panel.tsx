'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ImportJobCard } from './import-job-card';
import { uploadImport } from './upload-import';
import { useImportJobs } from './use-import-job';

export function ImportPanel() {
  const client = useQueryClient();
  const jobs = useImportJobs();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number; checking: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setUpload({ sent: 0, total: file.size, checking: false });
    try {
      await uploadImport(file, (sent, total) => setUpload({ sent, total, checking: sent >= total }));
      await client.invalidateQueries({ queryKey: ['imports'] });
      setFile(null);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setUpload(null);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <Card>
        <CardTitle>Import a file</CardTitle>
        <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-4">
          <Field
            label="File"
            htmlFor="import-file"
            hint="A wellsync export (.zip or .json), a Daylio CSV or backup (.csv or .daylio), or a Day One export (.zip or .json). Up to 50 MB."
          >
            <input
              id="import-file"
              type="file"
              accept=".zip,.json,.csv,.daylio,application/zip,application/json,text/csv"
              className="text-sm"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          {upload &&
            (upload.checking ? (
              <p role="status" className="text-sm text-muted">
                Checking your file…
              </p>
            ) : (
              <ProgressBar label="Uploading" value={upload.sent} max={upload.total} />
            ))}
          {error && (
            <Notice tone="error" title="This file can\u2019t be imported">
              {error}
            </Notice>
          )}
          <Button type="submit" disabled={!file || upload !== null}>
            {upload ? 'Uploading…' : 'Upload and preview'}
          </Button>
          <p className="text-xs text-muted">
            Nothing is changed until you apply the preview. Importing the same file twice changes nothing.
          </p>
        </form>
      </Card>
      <section aria-labelledby="imports-title" className="flex flex-col gap-3">
        <h2 id="imports-title" className="text-base font-semibold">
          Your imports
        </h2>
        {jobs.isPending && <p className="text-sm text-muted">Loading…</p>}
        {jobs.error && <Notice tone="error">{jobs.error.message}</Notice>}
        {jobs.data?.length === 0 && <p className="text-sm text-muted">No imports yet.</p>}
        {jobs.data?.map((job) => (
          <ImportJobCard key={job.id} job={job} />
        ))}
      </section>
    </div>
  );
}
