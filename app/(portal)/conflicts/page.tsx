import type { Metadata } from 'next';
import { ConflictCard, type ConflictSide, type ConflictView } from '@/components/conflicts/conflict-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { listUnresolvedConflicts } from '@/lib/conflicts/list-conflicts';
import { listDevices } from '@/lib/devices/list-devices';
import { getProfile } from '@/lib/profile/get-profile';
import { formatDateTime } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Conflicts' };

export default async function ConflictsPage() {
  const caller = await requireUser();
  const [conflicts, devices, profile] = await Promise.all([listUnresolvedConflicts(caller), listDevices(caller), getProfile(caller)]);
  const deviceName = new Map(devices.map((d) => [d.id, d.name]));
  const side = (data: Record<string, unknown>, kind: ConflictView['kind']): ConflictSide => {
    const when = data.updatedAt as { toMillis?: () => number } | undefined;
    const label = `${deviceName.get(String(data.deviceId)) ?? String(data.deviceId)}${when?.toMillis ? `, ${formatDateTime(when.toMillis(), profile.timezone)}` : ''}`;
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
    return kind === 'journal'
      ? { label, deleted: data.deletedAt != null, title: String(data.title ?? ''), body: String(data.body ?? ''), tags: list(data.tags), mood: typeof data.mood === 'number' ? data.mood : null }
      : { label, deleted: data.deletedAt != null, score: Number(data.score), emotions: list(data.emotions), activities: list(data.activities), note: typeof data.note === 'string' ? data.note : null };
  };
  const views: ConflictView[] = conflicts.map((conflict) => {
    const kind = conflict.collection === 'journal_entries' ? 'journal' : 'mood';
    return { id: conflict.id, kind, detected: formatDateTime(conflict.detectedAt.toMillis(), profile.timezone), winner: conflict.winner ? side(conflict.winner, kind) : null, loser: side(conflict.data, kind) };
  });
  return (
    <>
      <PageHeader title="Conflicts" description="When two devices changed the same entry before syncing, the newer change wins and the other is kept here. Nothing is lost." />
      {views.length === 0 ? (
        <EmptyState title="No conflicts">Everything your devices wrote agrees. If two of them ever change the same entry at once, both versions wait here for you.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-6" aria-label="Unresolved conflicts">
          {views.map((view) => (
            <li key={view.id}>
              <ConflictCard conflict={view} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
