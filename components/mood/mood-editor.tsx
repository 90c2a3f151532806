'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { useSyncedSave } from '@/components/sync/use-synced-save';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, Input } from '@/components/ui/field';
import { ZMoodEdit } from '@/lib/mood/mood-edit';
import { ACTIVITIES, EMOTIONS } from '@/lib/mood/vocabulary';
import type { WireVersion } from '@/lib/sync/wire';
import { moodLabel } from './mood-badge';

type Initial = { score: number | null; emotions: string[]; activities: string[]; note: string };

/** A mood check-in, written through the browser's sync client like a journal entry. */
export function MoodEditor(props: { id: string; base: WireVersion | null; initial: Initial }) {
  const { base, initial } = props;
  // Chosen once: a refresh while the form is open renders a fresh id, which must not move the save elsewhere.
  const [id] = useState(props.id);
  const router = useRouter();
  const onSynced = useCallback(() => {
    router.push('/mood');
    router.refresh();
  }, [router]);
  const { save, status, now } = useSyncedSave('mood_entries', id, base, onSynced);
  const [score, setScore] = useState<number | null>(initial.score);
  const [emotions, setEmotions] = useState<string[]>(initial.emotions);
  const [activities, setActivities] = useState<string[]>(initial.activities);
  const [note, setNote] = useState(initial.note);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZMoodEdit.safeParse({ score: score ?? NaN, emotions, activities, note: note.trim() ? note : null });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    await save(base ? parsed.data : { ...parsed.data, recordedAt: now() });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <fieldset>
        <legend className="text-sm font-medium">How are you feeling?</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {[1, 2, 3, 4, 5].map((value) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm',
                score === value ? 'border-accent bg-accent-soft' : 'border-border bg-card',
              )}
            >
              <input
                type="radio"
                name="score"
                value={value}
                checked={score === value}
                onChange={() => setScore(value)}
                className="accent-[var(--accent)]"
              />
              <span
                aria-hidden="true"
                className="h-3 w-3 rounded-full"
                style={{ background: `var(--mood-${value})` }}
              />
              {value} · {moodLabel(value)}
            </label>
          ))}
        </div>
        {errors.score && (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errors.score}
          </p>
        )}
      </fieldset>
      <WordPicker
        legend="Emotions"
        options={EMOTIONS}
        value={emotions}
        onChange={setEmotions}
        error={errors.emotions}
      />
      <WordPicker
        legend="Activities"
        options={ACTIVITIES}
        value={activities}
        onChange={setActivities}
        error={errors.activities}
      />
      <Field label="Note" htmlFor="note" error={errors.note}>
        <textarea
          id="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
          className="w-full rounded-lg border border-border bg-card px-3 py-2 text-sm text-fg"
        />
      </Field>
      {status}
      <div className="flex gap-2">
        <Button type="submit">{base ? 'Save changes' : 'Save check-in'}</Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function WordPicker({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: readonly string[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const [custom, setCustom] = useState('');
  const all = [...new Set([...options, ...value])];
  const toggle = (word: string) => onChange(value.includes(word) ? value.filter((w) => w !== word) : [...value, word]);
  const inputId = `add-${legend.toLowerCase()}`;
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {all.map((word) => (
          <button
            key={word}
            type="button"
            aria-pressed={value.includes(word)}
            onClick={() => toggle(word)}
            className={cn(
              'rounded-full border px-3 py-1 text-sm',
              value.includes(word) ? 'border-accent bg-accent-soft' : 'border-border bg-card text-muted',
            )}
          >
            {word}
          </button>
        ))}
      </div>
      <div className="mt-2 flex max-w-sm gap-2">
        <label htmlFor={inputId} className="sr-only">
          Add your own {legend.toLowerCase()}
        </label>
        <Input
          id={inputId}
          value={custom}
          placeholder={`Add your own`}
          onChange={(e) => setCustom(e.target.value)}
          maxLength={40}
        />
        <Button
          variant="secondary"
          onClick={() => {
            const word = custom.trim().toLowerCase();
            if (word && !value.includes(word)) onChange([...value, word]);
            setCustom('');
          }}
        >
          Add
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
