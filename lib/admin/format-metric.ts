import { formatBytes, formatUsd } from '@/lib/format/format-quantities';
import type { ColumnKind } from './admin-table';

export function formatMetric(value: string | number | null | undefined, kind: ColumnKind): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return `${(value * 100).toFixed(value > 0.99 && value < 1 ? 2 : 1)}%`;
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
    case 'usd':
      return formatUsd(value);
    case 'bytes':
      // One decimal in every row, so a table's column lines up.
      return formatBytes(value, { decimals: 1 });
    case 'ratio':
      return value.toFixed(2);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}
