import Link from 'next/link';
import { cn } from '@/components/ui/cn';

export type StatStatus = 'met' | 'missed' | 'unknown' | 'neutral';

const STATUS_TEXT: Record<StatStatus, string> = {
  met: 'On target',
  missed: 'Off target',
  unknown: 'No data yet',
  neutral: '',
};
const STATUS_CLASS: Record<StatStatus, string> = {
  met: 'bg-accent-soft text-fg',
  missed: 'bg-danger-soft text-fg',
  unknown: 'bg-card-muted text-muted',
  neutral: '',
};

/** A headline number with its target; the status is written out, not only coloured. */
export function StatCard({
  label,
  value,
  target,
  status = 'neutral',
  detail,
  href,
}: {
  label: string;
  value: string;
  target?: string;
  status?: StatStatus;
  detail?: string;
  href?: string;
}) {
  const body = (
    <>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        {status !== 'neutral' && (
          <span className={cn('rounded px-2 py-0.5 font-medium', STATUS_CLASS[status])}>{STATUS_TEXT[status]}</span>
        )}
        {target && <span className="text-muted">Target: {target}</span>}
      </div>
      {detail && <p className="mt-1 text-xs text-muted">{detail}</p>}
    </>
  );
  const className = cn(
    'block rounded-xl border bg-card p-5 shadow-sm',
    status === 'missed' ? 'border-danger/60' : 'border-border',
  );
  return href ? (
    <Link href={href} className={cn(className, 'hover:bg-card-muted')}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
