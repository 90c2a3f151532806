import type { Metadata } from 'next';
import { AutoMergeCard, type AutoMergeView } from '@/components/conflicts/auto-merge-card';
import { ConflictCard, type ConflictSide, type ConflictView } from '@/components/conflicts/conflict-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { describeChanges } from '@/lib/conflicts/describe-changes';
import { listRecentAutoMerges, listUnresolvedConflicts } from '@/lib/conflicts/list-conflicts';
import { REVERT_REFUSALS, revertSetAside, UNDO_DAYS } from '@/lib/conflicts/revert-set-aside';
import { MERGE_REFUSALS, tryMergeConflict } from '@/lib/conflicts/try-merge-conflict';
import { listDevices } from '@/lib/devices/list-devices';
import { getProfile } from '@/lib/profile/get-profile';
import { formatDateTime } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Conflicts' };

export default async function ConflictsPage() {
  const caller = await requireUser();
  const [conflicts, autoMerges, devices, profile] = await Promise.all([
    listUnresolvedConflicts(caller),
    listRecentAutoMerges(caller),
    listDevices(caller),
    getProfile(caller),
  ]);
  const deviceName = new Map(devices.map((d) => [d.id, d.name]));
  const side = (data: Record<string, unknown>, kind: ConflictView['kind'], label?: string): ConflictSide => {
    const when = data.updatedAt as { toMillis?: () => number } | undefined;
    const at = when?.toMillis ? `, ${formatDateTime(when.toMillis(), profile.timezone)}` : '';
    label ??= `${deviceName.get(String(data.deviceId)) ?? String(data.deviceId)}${at}`;
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
    return kind === 'journal'
      ? {
          label,
          deleted: data.deletedAt != null,
          title: String(data.title ?? ''),
          body: String(data.body ?? ''),
          tags: list(data.tags),
          mood: typeof data.mood === 'number' ? data.mood : null,
        }
      : {
          label,
          deleted: data.deletedAt != null,
          score: Number(data.score),
          emotions: list(data.emotions),
          activities: list(data.activities),
          note: typeof data.note === 'string' ? data.note : null,
        };
  };
  const kindOf = (collection: string) =>
    (collection === 'journal_entries' ? 'journal' : 'mood') as ConflictView['kind'];
  const when = (ms: number) => formatDateTime(ms, profile.timezone);

  const views: ConflictView[] = conflicts.map((conflict) => {
    const kind = kindOf(conflict.collection);
    const base = conflict.base ?? null;
    // The preview is the same pure merge the server writes when "Save the merge" is pressed.
    const outcome = base ? tryMergeConflict(conflict, conflict.winner) : null;
    return {
      id: conflict.id,
      kind,
      detected: when(conflict.detectedAt.toMillis()),
      winner: conflict.winner ? side(conflict.winner, kind) : null,
      loser: side(conflict.data, kind),
      changes:
        base && conflict.winner
          ? {
              winner: describeChanges(conflict.collection, base, conflict.winner),
              loser: describeChanges(conflict.collection, base, conflict.data),
            }
          : null,
      merged: outcome?.ok ? side(outcome.fields, kind, 'Both changes combined') : null,
      mergeRefusal: outcome && !outcome.ok ? `Cannot merge both: ${MERGE_REFUSALS[outcome.reason]}` : null,
    };
  });
  const merges: AutoMergeView[] = autoMerges.map((conflict) => {
    const kind = kindOf(conflict.collection);
    const other = revertSetAside(conflict, conflict.winner);
    const current = conflict.winner ?? conflict.data;
    return {
      id: conflict.id,
      title: kind === 'journal' ? String(current.title || 'Untitled entry') : 'A check-in',
      merged: when(conflict.resolvedAt?.toMillis() ?? conflict.detectedAt.toMillis()),
      current: conflict.winner ? side(conflict.winner, kind) : null,
      setAside: side(conflict.data, kind),
      setAsideChanges: conflict.base ? describeChanges(conflict.collection, conflict.base, conflict.data) : [],
      other: other.ok ? side(other.fields, kind, 'Your journal now, without the set-aside changes') : null,
      otherRefusal: other.ok ? null : REVERT_REFUSALS[other.reason],
    };
  });

  return (
    <>
      <PageHeader
        title="Conflicts"
        description="When two devices changed the same entry before syncing, the newer change wins and the other is kept here. Nothing is lost."
      />
      <section aria-labelledby="open-conflicts" className="flex flex-col gap-4">
        <h2 id="open-conflicts" className="text-lg font-semibold">
          Waiting for you
        </h2>
        {views.length === 0 ? (
          <EmptyState title="No conflicts">
            Everything your devices wrote agrees. If two of them ever change the same entry at once, both versions wait
            here for you.
          </EmptyState>
        ) : (
          <ul className="flex flex-col gap-6" aria-label="Unresolved conflicts">
            {views.map((view) => (
              <li key={view.id}>
                <ConflictCard conflict={view} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {merges.length > 0 && (
        <section aria-labelledby="auto-merged" className="mt-10 flex flex-col gap-4">
          <h2 id="auto-merged" className="text-lg font-semibold">
            Merged automatically
          </h2>
          <p className="text-sm text-muted">
            Two devices changed different parts of these entries, so both changes were kept. You can undo a merge for{' '}
            {UNDO_DAYS} days.
          </p>
          <ul className="flex flex-col gap-6" aria-label="Merged automatically">
            {merges.map((merge) => (
              <li key={merge.id}>
                <AutoMergeCard merge={merge} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
