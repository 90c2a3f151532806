import type { ColumnKind } from '@/lib/admin/admin-table';

/** How admin pages write numbers. Pure, so client charts and server tables read the same. */
export function formatMetric(value: string | number | null | undefined, kind: ColumnKind): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return `${(value * 100).toFixed(value > 0.99 && value < 1 ? 2 : 1)}%`;
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
    case 'usd':
      return value === 0
        ? '$0'
        : value >= 0.01
          ? `$${value.toFixed(2)}`
          : value >= 0.0001
            ? `$${value.toFixed(4)}`
            : `$${value.toFixed(6)}`;
    case 'bytes':
      return value >= 1024 ** 2
        ? `${(value / 1024 ** 2).toFixed(1)} MB`
        : value >= 1024
          ? `${(value / 1024).toFixed(1)} KB`
          : `${Math.round(value)} B`;
    case 'ratio':
      return value.toFixed(2);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}
