'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/api/client-fetch';
import type { FieldChange } from '@/lib/conflicts/describe-changes';
import { ChangeList } from './change-list';
import { Side, type ConflictSide } from './conflict-card';

export type AutoMergeView = {
  id: string;
  title: string;
  merged: string;
  /** The cloud's version now: the merge, or what was written on top of it since. */
  current: ConflictSide | null;
  setAside: ConflictSide;
  setAsideChanges: FieldChange[];
  /** Undo towards the other side, previewed; null with `otherRefusal` when it cannot be rebuilt. */
  other: ConflictSide | null;
  otherRefusal: string | null;
};

export function AutoMergeCard({ merge }: { merge: AutoMergeView }) {
  const router = useRouter();
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const undo = async (keep: 'set-aside' | 'other') => {
    setError(null);
    try {
      await apiFetch(`/api/conflicts/${encodeURIComponent(merge.id)}/undo`, { method: 'POST', body: { keep } });
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
      throw caught;
    }
  };

  return (
    <article
      aria-label={`Merged automatically: ${merge.title}`}
      className="rounded-xl border border-border bg-card p-5 shadow-sm"
    >
      <h3 className="font-semibold">{merge.title}</h3>
      <p className="text-sm text-muted">Merged {merge.merged}. Both devices&apos; changes were kept.</p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <ChangeList heading="Changes from the set-aside version" changes={merge.setAsideChanges} />
        <Side heading="In your journal now" side={merge.current} />
      </div>
      {error && (
        <Notice tone="error" className="mt-3">
          {error}
        </Notice>
      )}
      {!undoing ? (
        <div className="mt-4">
          <Button variant="secondary" onClick={() => setUndoing(true)}>
            Undo
          </Button>
        </div>
      ) : (
        <section aria-label="Undo the merge" className="mt-4 flex flex-col gap-4">
          <div className="grid gap-4 md:grid-cols-2">
            <Side heading="Keep only the set-aside version" side={merge.setAside} />
            {merge.other ? (
              <Side heading="Keep only the other changes" side={merge.other} />
            ) : (
              <section aria-label="Keep only the other changes" className="rounded-lg border border-border p-4">
                <h3 className="text-sm font-semibold">Keep only the other changes</h3>
                <p className="mt-2 text-sm text-muted">{merge.otherRefusal}</p>
              </section>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            <ConfirmButton
              label="Keep the set-aside version"
              title="Undo the merge, keep the set-aside version?"
              confirmLabel="Keep it"
              variant="primary"
              onConfirm={() => undo('set-aside')}
            >
              It becomes the current version on every device. The merged version stays in your history.
            </ConfirmButton>
            {merge.other && (
              <ConfirmButton
                label="Keep the other changes"
                title="Undo the merge, keep the other changes?"
                confirmLabel="Keep them"
                variant="primary"
                onConfirm={() => undo('other')}
              >
                The set-aside changes are taken back out on every device. They stay in your data export.
              </ConfirmButton>
            )}
            <Button variant="ghost" onClick={() => setUndoing(false)}>
              Cancel
            </Button>
          </div>
        </section>
      )}
    </article>
  );
}
