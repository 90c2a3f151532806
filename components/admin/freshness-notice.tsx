import { Notice } from '@/components/ui/notice';
import type { Freshness } from '@/lib/metrics/read-rollups';

/** Says how current the rollups are: admin pages show rollups, never live scans. */
export function FreshnessNotice({ freshness, nowMs }: { freshness: Freshness; nowMs: number }) {
  if (freshness.lastRunAtMs === null) {
    return (
      <Notice tone="warning" title="No rollups yet" className="mb-6">
        The metrics aggregator has not run on this database. Run <code>npm run metrics:rollup</code>, or schedule{' '}
        <code>/api/cron/rollup</code>.
      </Notice>
    );
  }
  const minutes = Math.max(0, Math.round((nowMs - freshness.lastRunAtMs) / 60_000));
  const ago =
    minutes < 90 ? `${minutes} minute${minutes === 1 ? '' : 's'} ago` : `${Math.round(minutes / 60)} hours ago`;
  return freshness.stale ? (
    <Notice tone="warning" title="These rollups are out of date" className="mb-6">
      The aggregator last ran {ago}. Check the scheduler, or run <code>npm run metrics:rollup</code>.
    </Notice>
  ) : (
    <p className="mb-6 text-xs text-muted">Rollups updated {ago}. Days are UTC.</p>
  );
}
