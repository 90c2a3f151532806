'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { useSyncedSave } from '@/components/sync/use-synced-save';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { parseTags, ZJournalEdit } from '@/lib/journal/journal-edit';
import type { WireVersion } from '@/lib/sync/wire';

type Initial = { title: string; body: string; tags: string[]; mood: number | null };

/** Saved on this device first, so it survives going offline; the page moves on once the cloud has it. */
export function JournalEditor(props: { id: string; base: WireVersion | null; initial: Initial }) {
  const { base, initial } = props;
  // Chosen once: a refresh while the form is open renders a fresh id, which must not move the save elsewhere.
  const [id] = useState(props.id);
  const router = useRouter();
  const onSynced = useCallback(() => {
    router.push(`/journal/${id}`);
    router.refresh();
  }, [router, id]);
  const { save, status, now } = useSyncedSave('journal_entries', id, base, onSynced);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [mood, setMood] = useState(initial.mood === null ? '' : String(initial.mood));
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZJournalEdit.safeParse({
      title,
      body,
      tags: parseTags(tags),
      mood: mood === '' ? null : Number(mood),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    await save(base ? parsed.data : { ...parsed.data, createdAt: now() });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Title" htmlFor="title" error={errors.title}>
        <Input id="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </Field>
      <Field
        label="Entry"
        htmlFor="body"
        hint="Markdown works: **bold**, *italic*, lists, headings."
        error={errors.body}
      >
        <textarea
          id="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={14}
          maxLength={100_000}
          className="w-full rounded-lg border border-border bg-card px-3 py-2 font-mono text-sm text-fg"
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Tags" htmlFor="tags" hint="Separate tags with commas." error={errors.tags}>
          <Input id="tags" value={tags} onChange={(e) => setTags(e.target.value)} />
        </Field>
        <Field label="Mood" htmlFor="mood" error={errors.mood}>
          <Select id="mood" value={mood} onChange={(e) => setMood(e.target.value)}>
            <option value="">No mood</option>
            {[1, 2, 3, 4, 5].map((score) => (
              <option key={score} value={score}>
                {score}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {status}
      <div className="flex gap-2">
        <Button type="submit">{base ? 'Save changes' : 'Save entry'}</Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
