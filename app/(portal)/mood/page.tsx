import type { Metadata } from 'next';
import Link from 'next/link';
import { ActivityTable } from '@/components/mood/activity-table';
import { RecentCheckIns } from '@/components/mood/recent-check-ins';
import { ButtonLink } from '@/components/ui/button';
import { MoodBarChart, MoodTrendChart } from '@/components/mood/mood-charts';
import { moodLabel } from '@/components/mood/mood-badge';
import { YearInPixels } from '@/components/mood/year-in-pixels';
import { Card } from '@/components/ui/card';
import { ChartFrame } from '@/components/ui/chart-frame';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { MIN_DAYS_EACH_SIDE, MOOD_RANGES, type MoodRange } from '@/lib/mood/compute-mood-stats';
import { getMoodHistory } from '@/lib/mood/get-mood-history';
import { listRecentCheckIns } from '@/lib/mood/list-recent-check-ins';

export const metadata: Metadata = { title: 'Mood' };

const RANGE_LABELS: Record<MoodRange, string> = { '30d': '30 days', '90d': '90 days', '1y': '1 year', all: 'All time' };

export default async function MoodPage({ searchParams }: PageProps<'/mood'>) {
  const caller = await requireUser();
  const params = await searchParams;
  const range = MOOD_RANGES.find((r) => r === params.range) ?? '30d';
  const yearParam = Number(params.year);
  const year = Number.isInteger(yearParam) && yearParam >= 1970 && yearParam <= 9999 ? yearParam : undefined;
  const [stats, recent] = await Promise.all([getMoodHistory(caller, { range, year }), listRecentCheckIns(caller)]);
  const addButton = (
    <ButtonLink href="/mood/new" variant="primary">
      Add check-in
    </ButtonLink>
  );
  const href = (next: { range?: MoodRange; year?: number }) =>
    `/mood?${new URLSearchParams({ range: next.range ?? range, ...((next.year ?? year) ? { year: String(next.year ?? year) } : {}) })}`;

  if (stats.years.length === 0) {
    return (
      <>
        <PageHeader title="Mood" actions={addButton} />
        <EmptyState title="No check-ins yet">
          Mood check-ins from the app (or added here) appear charted once they sync.
        </EmptyState>
      </>
    );
  }

  const { summary } = stats;
  return (
    <>
      <PageHeader
        title="Mood"
        description={`Days are counted in your time zone, ${stats.timeZone}.`}
        actions={addButton}
      />
      <nav aria-label="Range" className="mb-6 flex flex-wrap gap-2">
        {MOOD_RANGES.map((r) => (
          <Link
            key={r}
            href={href({ range: r })}
            aria-current={r === range ? 'page' : undefined}
            className={cn(
              'rounded-lg border px-3 py-1.5 text-sm',
              r === range
                ? 'border-accent bg-accent-soft font-medium'
                : 'border-border bg-card text-muted hover:text-fg',
            )}
          >
            {RANGE_LABELS[r]}
          </Link>
        ))}
      </nav>

      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-muted">Average mood</p>
          <p className="mt-1 text-2xl font-semibold">
            {summary.average === null ? '—' : `${summary.average.toFixed(2)} · ${moodLabel(summary.average)}`}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted">Check-ins</p>
          <p className="mt-1 text-2xl font-semibold">{summary.checkIns}</p>
        </Card>
        <Card>
          <p className="text-sm text-muted">Days with a check-in</p>
          <p className="mt-1 text-2xl font-semibold">{summary.days}</p>
        </Card>
      </div>

      <div className="grid gap-6">
        <ChartFrame
          title={stats.granularity === 'week' ? 'Weekly average mood' : 'Daily average mood'}
          summary={
            summary.days === 0
              ? `No check-ins in the last ${RANGE_LABELS[range]}.`
              : `Average ${summary.average?.toFixed(2)} over ${summary.days} days, from ${stats.from} to ${stats.to}.`
          }
        >
          {stats.series.length > 0 ? (
            <MoodTrendChart series={stats.series} granularity={stats.granularity} />
          ) : (
            <p className="py-12 text-center text-sm text-muted">No check-ins in this range.</p>
          )}
        </ChartFrame>

        <div className="grid gap-6 lg:grid-cols-2">
          <ChartFrame
            title={`Year in Pixels, ${stats.pixels.year}`}
            summary={`${Object.keys(stats.pixels.days).length} days with a check-in in ${stats.pixels.year}.`}
            actions={
              <nav aria-label="Year" className="flex flex-wrap gap-1 text-sm">
                {stats.years.map((y) => (
                  <Link
                    key={y}
                    href={href({ year: y })}
                    aria-current={y === stats.pixels.year ? 'page' : undefined}
                    className={cn(
                      'rounded px-2 py-1',
                      y === stats.pixels.year ? 'bg-accent-soft font-medium' : 'text-muted hover:text-fg',
                    )}
                  >
                    {y}
                  </Link>
                ))}
              </nav>
            }
          >
            <YearInPixels year={stats.pixels.year} days={stats.pixels.days} />
          </ChartFrame>

          <ChartFrame title="Average mood by weekday" summary={weekdaySummary(stats.weekdays)}>
            <MoodBarChart
              data={stats.weekdays.map((w) => ({ label: w.label, value: w.average }))}
              valueLabel="Average mood"
              domain={[0, 5]}
            />
          </ChartFrame>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <ChartFrame
            title="Emotions"
            summary={
              stats.emotions.length
                ? `Most often: ${stats.emotions
                    .slice(0, 3)
                    .map((e) => `${e.emotion} (${e.count})`)
                    .join(', ')}.`
                : 'No emotions recorded in this range.'
            }
          >
            <MoodBarChart
              data={stats.emotions.slice(0, 10).map((e) => ({ label: e.emotion, value: e.count }))}
              valueLabel="Check-ins"
              layout="vertical"
              height={Math.max(160, Math.min(10, stats.emotions.length) * 30)}
            />
          </ChartFrame>

          <Card aria-labelledby="activities-title">
            <h2 id="activities-title" className="text-base font-semibold">
              Activities and mood
            </h2>
            <p className="mb-3 mt-1 text-xs text-muted">
              Average daily mood on days with each activity against days without it. Shown only with at least{' '}
              {MIN_DAYS_EACH_SIDE} days on each side; a difference is a pattern, not a cause.
            </p>
            {stats.activities.length > 0 ? (
              <ActivityTable activities={stats.activities} />
            ) : (
              <p className="text-sm text-muted">Not enough days yet to compare activities in this range.</p>
            )}
          </Card>
        </div>

        <RecentCheckIns
          entries={recent.map((entry) => ({
            id: entry.id,
            score: entry.score,
            emotions: entry.emotions,
            activities: entry.activities,
            note: entry.note ?? null,
            recordedAtMs: entry.recordedAt.toMillis(),
          }))}
          timeZone={stats.timeZone}
        />
      </div>
    </>
  );
}

function weekdaySummary(weekdays: { label: string; average: number | null }[]): string {
  const known = weekdays.filter((w): w is { label: string; average: number } => w.average !== null);
  if (known.length === 0) return 'No check-ins in this range.';
  const best = known.reduce((a, b) => (b.average > a.average ? b : a));
  const worst = known.reduce((a, b) => (b.average < a.average ? b : a));
  return `Highest on ${best.label} (${best.average.toFixed(2)}), lowest on ${worst.label} (${worst.average.toFixed(2)}).`;
}
