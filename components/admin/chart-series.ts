/** A chart's series. Kept out of the client chart module so that server pages can build them. */
export type ChartSeries = { key: string; label: string; color: string };

export const PLATFORM_SERIES: ChartSeries[] = [
  { key: 'ios', label: 'iOS', color: 'var(--chart-1)' },
  { key: 'android', label: 'Android', color: 'var(--chart-2)' },
  { key: 'web', label: 'Web', color: 'var(--chart-3)' },
];
