import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  neutral: 'border-border bg-card-muted text-fg',
  accent: 'border-accent/40 bg-accent-soft text-fg',
  warning: 'border-warning/40 bg-warning-soft text-fg',
  danger: 'border-danger/40 bg-danger-soft text-fg',
} as const;

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={cn('inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium', TONES[tone])}>
      {children}
    </span>
  );
}
