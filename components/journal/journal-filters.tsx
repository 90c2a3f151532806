import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { JournalQuery } from '@/lib/journal/journal-query';

/** A plain GET form: filters live in the URL, so they can be shared, bookmarked and used without JavaScript. */
export function JournalFilters({
  query,
  tags,
  errors,
}: {
  query: Partial<JournalQuery>;
  tags: readonly { tag: string; count: number }[];
  errors: Record<string, string>;
}) {
  const hasFilters = Boolean(query.q || query.tag || query.from || query.to);
  return (
    <form
      method="get"
      action="/journal"
      role="search"
      aria-label="Search and filter the journal"
      className="mb-6 grid gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <Field label="Search" htmlFor="q" error={errors.q}>
        <Input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          placeholder="Words in titles, entries or tags"
          maxLength={200}
        />
      </Field>
      <Field label="Tag" htmlFor="tag" error={errors.tag}>
        <Select id="tag" name="tag" defaultValue={query.tag ?? ''}>
          <option value="">All tags</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From" htmlFor="from" error={errors.from}>
        <Input id="from" name="from" type="date" defaultValue={query.from ?? ''} />
      </Field>
      <Field label="To" htmlFor="to" error={errors.to}>
        <Input id="to" name="to" type="date" defaultValue={query.to ?? ''} />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Search</Button>
        {hasFilters && (
          <Link href="/journal" className="px-2 py-2 text-sm text-muted underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
