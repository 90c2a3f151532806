import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { RANGE_PRESETS, type AdminRange } from '@/lib/admin/admin-range';

const LABELS: Record<(typeof RANGE_PRESETS)[number], string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '180d': '180 days',
  '365d': '1 year',
};

/** GET links and form: the range lives in the URL, shareable and working without JavaScript. Days are UTC. */
export function DateRangePicker({ path, range, today }: { path: string; range: AdminRange; today: string }) {
  return (
    <div className="mb-6 flex flex-wrap items-end gap-4">
      <nav aria-label="Date range" className="flex flex-wrap gap-2">
        {RANGE_PRESETS.map((preset) => (
          <Link
            key={preset}
            href={`${path}?range=${preset}`}
            aria-current={range.preset === preset ? 'page' : undefined}
            className={cn(
              'rounded-lg border px-3 py-1.5 text-sm',
              range.preset === preset
                ? 'border-accent bg-accent-soft font-medium'
                : 'border-border bg-card text-muted hover:text-fg',
            )}
          >
            {LABELS[preset]}
          </Link>
        ))}
      </nav>
      <form method="get" action={path} className="flex flex-wrap items-end gap-2" aria-label="Custom date range">
        <label className="flex flex-col gap-1 text-xs text-muted">
          From (UTC)
          <input
            type="date"
            name="from"
            defaultValue={range.from}
            max={today}
            required
            className="rounded-lg border border-border bg-card px-2 py-1.5 text-sm text-fg"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-muted">
          To (UTC)
          <input
            type="date"
            name="to"
            defaultValue={range.to}
            max={today}
            required
            className="rounded-lg border border-border bg-card px-2 py-1.5 text-sm text-fg"
          />
        </label>
        <button
          type="submit"
          className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg hover:bg-accent-hover"
        >
          Apply
        </button>
      </form>
    </div>
  );
}
