'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { apiFetch } from '@/lib/api/client-fetch';
import type { FieldChange } from '@/lib/conflicts/describe-changes';
import { ChangeList } from './change-list';

export type ConflictSide = {
  label: string;
  deleted: boolean;
  title?: string;
  body?: string;
  tags?: string[];
  mood?: number | null;
  score?: number;
  emotions?: string[];
  activities?: string[];
  note?: string | null;
};

export type ConflictView = {
  id: string;
  kind: 'journal' | 'mood';
  detected: string;
  winner: ConflictSide | null;
  loser: ConflictSide;
  /** What each side changed against the version both started from; null when the conflict has no `base`. */
  changes: { winner: FieldChange[]; loser: FieldChange[] } | null;
  /** The automatic merge of both, previewed; null when it cannot merge (`mergeRefusal` says why, if it has a base). */
  merged: ConflictSide | null;
  mergeRefusal: string | null;
};

export function ConflictCard({ conflict }: { conflict: ConflictView }) {
  const router = useRouter();
  const [merging, setMerging] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      await apiFetch(`/api/conflicts/${encodeURIComponent(conflict.id)}/resolve`, { method: 'POST', body });
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
      throw caught;
    }
  };

  return (
    <article
      aria-label={`Conflict on ${conflict.winner?.title ?? conflict.loser.title ?? 'a check-in'}`}
      className="rounded-xl border border-border bg-card p-5 shadow-sm"
    >
      <p className="text-sm text-muted">Detected {conflict.detected}. Both versions are kept until you choose.</p>
      {conflict.changes && (
        <section aria-labelledby={`changes-${conflict.id}`} className="mt-4">
          <h3 id={`changes-${conflict.id}`} className="text-sm font-semibold">
            What each side changed since the version both started from
          </h3>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <ChangeList heading="Changed in your journal now" changes={conflict.changes.winner} />
            <ChangeList heading="Changed in the set-aside version" changes={conflict.changes.loser} />
          </div>
        </section>
      )}
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Side heading="In your journal now" side={conflict.winner} />
        <Side heading="Set aside" side={conflict.loser} />
      </div>
      {conflict.mergeRefusal && <p className="mt-3 text-sm text-muted">{conflict.mergeRefusal}</p>}
      {previewing && conflict.merged && (
        <div className="mt-4 flex flex-col gap-3">
          <Side heading="Both merged (preview)" side={conflict.merged} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => resolve({ choice: 'merged' }).catch(() => undefined)}>Save the merge</Button>
            <Button variant="ghost" onClick={() => setPreviewing(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {error && (
        <Notice tone="error" className="mt-3">
          {error}
        </Notice>
      )}
      {previewing ? null : merging ? (
        <MergeForm
          conflict={conflict}
          onCancel={() => setMerging(false)}
          onSave={(fields) => resolve({ choice: 'merged', fields })}
        />
      ) : (
        <div className="mt-4 flex flex-wrap gap-2">
          {conflict.merged && <Button onClick={() => setPreviewing(true)}>Merge both</Button>}
          <ConfirmButton
            label="Keep this version"
            title="Keep the version in your journal?"
            confirmLabel="Keep it"
            variant="primary"
            buttonVariant="secondary"
            onConfirm={() => resolve({ choice: 'kept-winner' })}
          >
            The set-aside version is marked resolved. It stays in your data export.
          </ConfirmButton>
          <ConfirmButton
            label="Restore the other"
            title="Restore the set-aside version?"
            confirmLabel="Restore it"
            variant="primary"
            buttonVariant="secondary"
            onConfirm={() => resolve({ choice: 'restored' })}
          >
            It becomes the current version on every device. The version it replaces stays in your history.
          </ConfirmButton>
          <Button variant="secondary" onClick={() => setMerging(true)}>
            Merge by hand
          </Button>
        </div>
      )}
    </article>
  );
}

export function Side({ heading, side }: { heading: string; side: ConflictSide | null }) {
  return (
    <section className="rounded-lg border border-border p-4" aria-label={heading}>
      <h3 className="text-sm font-semibold">{heading}</h3>
      {!side ? (
        <p className="mt-2 text-sm text-muted">Not in the cloud any more.</p>
      ) : (
        <div className="mt-2 flex flex-col gap-2 text-sm">
          <p className="text-xs text-muted">{side.label}</p>
          {side.deleted && <p className="font-medium text-danger">Deleted</p>}
          {side.title !== undefined && <p className="font-medium">{side.title || 'Untitled entry'}</p>}
          {side.body !== undefined && (
            <ScrollRegion
              label={`${heading}, full text`}
              className="max-h-64 overflow-auto whitespace-pre-wrap break-words"
            >
              {side.body}
            </ScrollRegion>
          )}
          {side.tags && side.tags.length > 0 && <p className="text-muted">{side.tags.map((t) => `#${t}`).join(' ')}</p>}
          {side.score !== undefined && <p>Mood {side.score}/5</p>}
          {side.emotions && side.emotions.length > 0 && (
            <p className="text-muted">{[...side.emotions, ...(side.activities ?? [])].join(' · ')}</p>
          )}
          {side.note && <p>{side.note}</p>}
        </div>
      )}
    </section>
  );
}

function MergeForm({
  conflict,
  onCancel,
  onSave,
}: {
  conflict: ConflictView;
  onCancel: () => void;
  onSave: (fields: Record<string, unknown>) => Promise<void>;
}) {
  const winner = conflict.winner ?? conflict.loser;
  const loser = conflict.loser;
  const [title, setTitle] = useState(winner.title ?? '');
  const [body, setBody] = useState(
    conflict.kind === 'journal' ? [winner.body, loser.body].filter(Boolean).join(`\n\n---\n\n`) : '',
  );
  const [score, setScore] = useState(String(winner.score ?? 3));
  const [note, setNote] = useState([winner.note, loser.note].filter(Boolean).join(' / '));
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const union = (a?: string[], b?: string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
    const fields =
      conflict.kind === 'journal'
        ? { title, body, tags: union(winner.tags, loser.tags).slice(0, 30), mood: winner.mood ?? loser.mood ?? null }
        : {
            score: Number(score),
            emotions: union(winner.emotions, loser.emotions),
            activities: union(winner.activities, loser.activities),
            note: note || null,
          };
    await onSave(fields).catch(() => setPending(false));
  }

  return (
    <form onSubmit={submit} className="mt-4 flex flex-col gap-3">
      {conflict.kind === 'journal' ? (
        <>
          <Field label="Merged title" htmlFor={`title-${conflict.id}`}>
            <Input
              id={`title-${conflict.id}`}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
            />
          </Field>
          <Field
            label="Merged entry"
            htmlFor={`body-${conflict.id}`}
            hint="Both versions are here; keep what you want."
          >
            <textarea
              id={`body-${conflict.id}`}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={10}
              className="w-full rounded-lg border border-border bg-card px-3 py-2 font-mono text-sm"
            />
          </Field>
        </>
      ) : (
        <>
          <Field label="Mood (1 to 5)" htmlFor={`score-${conflict.id}`}>
            <Input
              id={`score-${conflict.id}`}
              type="number"
              min={1}
              max={5}
              value={score}
              onChange={(e) => setScore(e.target.value)}
            />
          </Field>
          <Field label="Note" htmlFor={`note-${conflict.id}`}>
            <Input id={`note-${conflict.id}`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save merge'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
