'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { describeSyncSwitch } from '@/components/sync-settings/describe-sync-switch';
import { RemoveCloudCopy } from '@/components/sync-settings/remove-cloud-copy';
import { Toggle } from '@/components/sync-settings/toggle';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/api/client-fetch';
import { formatBytes, formatUsd } from '@/lib/format/format-quantities';
import type { FirestorePrices } from '@/lib/metrics/estimate-cost';
import { previewSyncChange, type CloudStats, type SyncChoice } from '@/lib/sync-settings/preview-sync-change';

const TYPES = [
  { key: 'journal', label: 'Journal', unit: 'entries' },
  { key: 'mood', label: 'Mood check-ins', unit: 'check-ins' },
  { key: 'profile', label: 'Profile (name and time zone)', unit: 'profile' },
] as const;
type TypeKey = (typeof TYPES)[number]['key'];

/** Shows storage and estimated cost before and after, before anything is saved. */
export function SyncSettingsForm({
  saved,
  stats,
  prices,
}: {
  saved: SyncChoice;
  stats: CloudStats;
  prices: FirestorePrices;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<SyncChoice>(saved);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const preview = useMemo(() => previewSyncChange(saved, draft, stats, prices), [saved, draft, stats, prices]);
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  // A type whose copy was just removed keeps its card, so the result stays on screen after the stats refresh to 0.
  const [removed, setRemoved] = useState<ReadonlySet<TypeKey>>(new Set());
  const removable = TYPES.filter(
    (t) => (!saved.enabled || !saved.collections[t.key]) && (stats[t.key].docs > 0 || removed.has(t.key)),
  );

  async function save() {
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/sync-settings', { method: 'PUT', body: draft });
      setConfirming(false);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="what-syncs">
        <h2 id="what-syncs" className="text-base font-semibold">
          What syncs
        </h2>
        <div className="mt-4 flex flex-col gap-4">
          <Toggle
            id="sync-enabled"
            label="Cloud sync"
            status={describeSyncSwitch(draft.enabled, { kind: 'cloud' })}
            checked={draft.enabled}
            onChange={(enabled) => setDraft({ ...draft, enabled })}
          />
          <fieldset
            disabled={!draft.enabled}
            className="flex flex-col gap-3 border-t border-border pt-4 disabled:opacity-60"
          >
            <legend className="sr-only">Data types</legend>
            {TYPES.map((type) => {
              const row = preview.types.find((t) => t.type === type.key)!;
              return (
                <Toggle
                  key={type.key}
                  id={`sync-${type.key}`}
                  label={type.label}
                  status={describeSyncSwitch(draft.enabled, { kind: 'type', on: draft.collections[type.key] })}
                  hint={`${row.docs.toLocaleString('en')} ${row.docs === 1 && type.key !== 'profile' ? type.unit.replace(/s$/, '') : type.unit} in the cloud · ${formatBytes(row.bytes)} · storage ${formatUsd(row.storageCostMonth)} a month`}
                  checked={draft.collections[type.key]}
                  onChange={(on) => setDraft({ ...draft, collections: { ...draft.collections, [type.key]: on } })}
                />
              );
            })}
          </fieldset>
        </div>
        <p className="mt-4 text-sm text-muted">
          Estimated monthly cost of your data: <strong className="text-fg">{formatUsd(preview.monthlyCostNow)}</strong>
          {changed && (
            <>
              {' '}
              → <strong className="text-fg">{formatUsd(preview.monthlyCostAfter)}</strong> after this change
            </>
          )}
          .
        </p>
        <div className="mt-4 flex gap-2">
          <Button disabled={!changed} onClick={() => setConfirming(true)}>
            Review change
          </Button>
          {changed && (
            <Button variant="ghost" onClick={() => setDraft(saved)}>
              Undo
            </Button>
          )}
        </div>
      </Card>

      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Change what syncs?">
        <ul className="flex flex-col gap-2 text-sm">
          {preview.types
            .filter((t) => t.syncingNow !== t.syncingAfter)
            .map((t) => (
              <li key={t.type}>
                <strong>{TYPES.find((x) => x.key === t.type)!.label}</strong>:{' '}
                {t.syncingAfter
                  ? 'your phones will send and receive it again.'
                  : `your phones stop syncing it. The ${t.docs.toLocaleString('en')} stored in the cloud (${formatBytes(t.bytes)}) stay until you remove them.`}
              </li>
            ))}
        </ul>
        <p className="mt-3 text-sm text-muted">
          Estimated monthly cost: {formatUsd(preview.monthlyCostNow)} → {formatUsd(preview.monthlyCostAfter)}. Storage
          is priced by Firestore&rsquo;s storage-size rules; sync operations are your last 30 days, shared between types
          by their number of documents.
        </p>
        {error && (
          <Notice tone="error" className="mt-3">
            {error}
          </Notice>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button onClick={save} disabled={pending}>
            {pending ? 'Saving…' : 'Save change'}
          </Button>
        </div>
      </Dialog>

      {removable.map((type) => (
        <RemoveCloudCopy
          key={type.key}
          type={type.key}
          label={type.label}
          docs={stats[type.key].docs}
          bytes={stats[type.key].bytes}
          onRemoved={() => setRemoved((r) => new Set(r).add(type.key))}
        />
      ))}
    </div>
  );
}
