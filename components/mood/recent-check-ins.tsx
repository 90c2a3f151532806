import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/time/zoned';
import { MoodBadge } from './mood-badge';

type CheckIn = {
  id: string;
  score: number;
  emotions: string[];
  activities: string[];
  note: string | null;
  recordedAtMs: number;
};

export function RecentCheckIns({ entries, timeZone }: { entries: CheckIn[]; timeZone: string }) {
  return (
    <Card aria-labelledby="recent-title">
      <h2 id="recent-title" className="text-base font-semibold">
        Recent check-ins
      </h2>
      <ul className="mt-3 divide-y divide-border">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <MoodBadge score={entry.score} />
                <time dateTime={new Date(entry.recordedAtMs).toISOString()} className="text-muted">
                  {formatDateTime(entry.recordedAtMs, timeZone)}
                </time>
              </div>
              <p className="text-muted">
                {[...entry.emotions, ...entry.activities].join(' · ') || 'No emotions or activities'}
              </p>
              {entry.note && <p>{entry.note}</p>}
            </div>
            <Link
              href={`/mood/${encodeURIComponent(entry.id)}/edit`}
              className="text-accent underline"
              aria-label={`Edit the check-in of ${formatDateTime(entry.recordedAtMs, timeZone)}`}
            >
              Edit
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
