import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  info: 'border-border bg-card-muted text-fg',
  warning: 'border-warning/40 bg-warning-soft text-fg',
  error: 'border-danger/40 bg-danger-soft text-fg',
  success: 'border-accent/40 bg-accent-soft text-fg',
} as const;

/** A callout. Errors are announced to screen readers; the rest are polite status messages. */
export function Notice({
  tone = 'info',
  title,
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-lg border px-4 py-3 text-sm', TONES[tone], className)}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? 'mt-1' : undefined}>{children}</div>}
    </div>
  );
}
