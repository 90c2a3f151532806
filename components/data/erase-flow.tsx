'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { useOptionalSync } from '@/components/sync/sync-provider';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import { apiFetch } from '@/lib/api/client-fetch';
import { ERASE_PHRASE, type ErasureReceipt } from '@/lib/erasure/erasure-receipt';
import type { ErasureInventory } from '@/lib/erasure/take-erasure-inventory';
import { EXPORT_TYPES } from '@/lib/export/export-types';
import { eraseAccount } from './erase-account';
import { ErasureReceiptView } from './erasure-receipt-view';
import { ExportJobCard } from './export-job-card';
import { InventoryView } from './inventory-view';
import { useExportJobs, useStartExport } from './use-export-jobs';

/** Keep a copy, see what goes, confirm with password and phrase, keep the receipt. */
export function EraseFlow({ uid, email }: { uid: string; email: string }) {
  const config = useFirebaseConfig();
  const sync = useOptionalSync();
  const exports = useExportJobs();
  const startExport = useStartExport();
  const [copyDone, setCopyDone] = useState<'downloaded' | 'skipped' | null>(null);
  const inventory = useQuery({
    queryKey: ['erasure-inventory'],
    queryFn: () => apiFetch<{ inventory: ErasureInventory }>('/api/data/erasure').then((r) => r.inventory),
    enabled: copyDone !== null,
  });
  const [password, setPassword] = useState('');
  const [phrase, setPhrase] = useState('');
  const [progress, setProgress] = useState<{ deleted: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ErasureReceipt | null>(null);

  if (receipt) return <ErasureReceiptView receipt={receipt} />;

  const fullExport = exports.data?.find(
    (job) =>
      job.scope.types.length === EXPORT_TYPES.length &&
      job.scope.includeTombstones &&
      !job.scope.from &&
      !job.scope.to &&
      (job.status === 'running' || job.status === 'ready'),
  );
  const phraseOk = phrase.trim().toLowerCase() === ERASE_PHRASE;

  async function onErase(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProgress({ deleted: 0, total: inventory.data?.total ?? 0 });
    try {
      const erase = () =>
        eraseAccount(config, email, password, phrase, (deleted, total) => setProgress({ deleted, total }));
      // Through forget: the session's end is expected (the receipt stays on screen), and the browser's copy goes too.
      setReceipt(await (sync ? sync.forget(erase) : erase()));
    } catch (caught) {
      setError((caught as Error).message);
      setProgress(null);
    }
  }

  return (
    <ol className="flex flex-col gap-6">
      <li>
        <Card aria-labelledby="step-copy">
          <h2 id="step-copy" className="text-base font-semibold">
            1. Keep a copy
          </h2>
          <p className="mt-1 text-sm text-muted">
            Erasure cannot be undone. Download a complete export first: you can import it into wellsync again later.
          </p>
          <div className="mt-4 flex flex-col gap-3">
            {fullExport ? (
              <ExportJobCard job={fullExport} onDownload={() => setCopyDone('downloaded')} />
            ) : (
              <Button
                className="self-start"
                disabled={startExport.isPending}
                onClick={() => startExport.mutate({ types: [...EXPORT_TYPES], includeTombstones: true })}
              >
                Prepare a complete export
              </Button>
            )}
            {startExport.error && <Notice tone="error">{startExport.error.message}</Notice>}
            {copyDone === 'downloaded' && (
              <Notice tone="success">Copy downloaded. Check that the file opens before you continue.</Notice>
            )}
            {copyDone === null && (
              <Button variant="ghost" className="self-start" onClick={() => setCopyDone('skipped')}>
                Continue without a copy
              </Button>
            )}
          </div>
        </Card>
      </li>
      {copyDone && (
        <li>
          <Card aria-labelledby="step-inventory">
            <h2 id="step-inventory" className="text-base font-semibold">
              2. What will be erased
            </h2>
            <p className="mb-4 mt-1 text-sm text-muted">
              Everything wellsync holds about you, found by looking, not from a list. All of it is deleted, then your
              sign-in account.
            </p>
            {inventory.isPending && <p className="text-sm text-muted">Looking through your data…</p>}
            {inventory.error && <Notice tone="error">{inventory.error.message}</Notice>}
            {inventory.data && <InventoryView inventory={inventory.data} uid={uid} />}
          </Card>
        </li>
      )}
      {copyDone && inventory.data && (
        <li>
          <Card aria-labelledby="step-confirm">
            <h2 id="step-confirm" className="text-base font-semibold">
              3. Confirm
            </h2>
            <form onSubmit={onErase} className="mt-4 flex max-w-md flex-col gap-4">
              <Field label="Your password" htmlFor="erase-password" hint={`To confirm it is you (${email}).`}>
                <Input
                  id="erase-password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  disabled={progress !== null}
                />
              </Field>
              <Field label={`Type \u201c${ERASE_PHRASE}\u201d`} htmlFor="erase-phrase">
                <Input
                  id="erase-phrase"
                  autoComplete="off"
                  value={phrase}
                  onChange={(e) => setPhrase(e.target.value)}
                  disabled={progress !== null}
                />
              </Field>
              {progress && <ProgressBar label="Erasing" value={progress.deleted} max={progress.total} />}
              {error && <Notice tone="error">{error}</Notice>}
              <Button type="submit" variant="danger" disabled={!password || !phraseOk || progress !== null}>
                {progress ? 'Erasing…' : 'Erase my account and data'}
              </Button>
            </form>
          </Card>
        </li>
      )}
    </ol>
  );
}
