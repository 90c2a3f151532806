import type { Metadata } from 'next';
import Link from 'next/link';
import { JournalEntryCard } from '@/components/journal/journal-entry-card';
import { JournalFilters } from '@/components/journal/journal-filters';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { listJournalEntries, type JournalPage } from '@/lib/journal/list-journal-entries';
import { listJournalTags } from '@/lib/journal/list-journal-tags';
import { ZJournalQuery, type JournalQuery } from '@/lib/journal/journal-query';
import { searchJournal } from '@/lib/journal/search-journal';
import { getProfile } from '@/lib/profile/get-profile';
import { endOfDay, startOfDay } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Journal' };

export default async function JournalPage({ searchParams }: PageProps<'/journal'>) {
  const caller = await requireUser();
  // A GET form sends empty fields (`tag=&from=`): those mean "no filter".
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
  const parsed = ZJournalQuery.safeParse(raw);
  const query: Partial<JournalQuery> = parsed.success ? parsed.data : {};
  const errors = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'q'), issue.message]));

  const [profile, tags] = await Promise.all([getProfile(caller), listJournalTags(caller)]);
  const tz = profile.timezone;
  const options = {
    tag: query.tag,
    fromMs: query.from ? startOfDay(query.from, tz) : undefined,
    toMs: query.to ? endOfDay(query.to, tz) : undefined,
    cursor: query.cursor,
  };
  const isSearch = Boolean(query.q && query.q.trim());
  const page: JournalPage & { total?: number; queryTokens?: string[] } = !parsed.success
    ? { entries: [], nextCursor: null, skipped: [] }
    : isSearch
      ? await searchJournal(caller, query.q!, options)
      : await listJournalEntries(caller, options);

  const filtered = Boolean(query.q || query.tag || query.from || query.to);
  const nextHref = page.nextCursor
    ? `/journal?${new URLSearchParams({ ...stripUndefined(query), cursor: page.nextCursor })}`
    : null;

  return (
    <>
      <PageHeader
        title="Journal"
        actions={
          <ButtonLink href="/journal/new" variant="primary">
            New entry
          </ButtonLink>
        }
        description={
          isSearch && page.total !== undefined
            ? `${page.total} ${page.total === 1 ? 'entry matches' : 'entries match'} \u201c${query.q}\u201d.`
            : 'Everything you wrote on your phones, newest first. Times are shown in ' + tz + '.'
        }
      />
      {!profile.hasProfile && (
        <Notice className="mb-4" title="No profile synced yet">
          Your phone has not synced your profile, so times are shown in UTC.
        </Notice>
      )}
      <JournalFilters query={query} tags={tags} errors={errors} />
      {!parsed.success && (
        <Notice tone="error" title="Those filters don\u2019t work">
          Fix the highlighted field and search again.
        </Notice>
      )}
      {page.skipped.length > 0 && (
        <Notice
          tone="warning"
          className="mb-4"
          title={`${page.skipped.length} ${page.skipped.length === 1 ? 'entry' : 'entries'} could not be shown`}
        >
          They are still safe in your cloud copy; a phone app version wrote them in a shape this page does not
          understand.
        </Notice>
      )}
      {parsed.success && page.entries.length === 0 ? (
        filtered ? (
          <EmptyState title="No entries match" action={<ButtonLink href="/journal">Clear the filters</ButtonLink>}>
            Try fewer words, another tag, or a wider date range.
          </EmptyState>
        ) : query.cursor ? (
          <EmptyState
            title="That\u2019s everything"
            action={<ButtonLink href="/journal">Back to the newest</ButtonLink>}
          />
        ) : (
          <EmptyState title="Your journal is empty">
            Entries you write in the app appear here after your phone syncs.
          </EmptyState>
        )
      ) : (
        <ol className="flex flex-col gap-4" aria-label="Journal entries">
          {page.entries.map((entry) => (
            <li key={entry.id}>
              <JournalEntryCard entry={entry} timeZone={tz} highlight={page.queryTokens} />
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-6 flex justify-between text-sm">
        {query.cursor ? (
          <Link
            href={`/journal?${new URLSearchParams(stripUndefined({ ...query, cursor: undefined }))}`}
            className="underline"
          >
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextHref && (
          <Link href={nextHref} className="underline" rel="next">
            Older entries →
          </Link>
        )}
      </nav>
    </>
  );
}

function stripUndefined(query: Partial<JournalQuery>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}
