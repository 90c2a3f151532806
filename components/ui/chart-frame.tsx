import type { ReactNode } from 'react';
import { Card } from './card';

/** `summary` is the chart in words, for screen readers and for anyone who prefers a sentence. */
export function ChartFrame({
  title,
  summary,
  children,
  actions,
}: {
  title: string;
  summary: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <figure>
        {children}
        <figcaption className="mt-2 text-xs text-muted">{summary}</figcaption>
      </figure>
    </Card>
  );
}
