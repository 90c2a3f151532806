'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { MoodBarChart as EagerBarChart } from './bar-chart';

// Browser only: server rendering cost a third of the mood page's CPU for nothing (docs/benchmarks.md, "Profile first").
const LazyTrendChart = dynamic(() => import('./mood-trend-chart').then((m) => m.MoodTrendChart), {
  ssr: false,
  loading: () => <div className="h-72 w-full" />,
});
const LazyBarChart = dynamic(() => import('./bar-chart').then((m) => m.MoodBarChart), { ssr: false });

export const MoodTrendChart = LazyTrendChart;

/** Holds the chart's height while it loads, so the page does not jump. */
export function MoodBarChart(props: ComponentProps<typeof EagerBarChart>) {
  return (
    <div style={{ minHeight: props.height ?? 256 }}>
      <LazyBarChart {...props} />
    </div>
  );
}
