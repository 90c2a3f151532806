'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ColumnKind } from '@/lib/admin/admin-table';
import { formatMetric } from '@/lib/admin/format-metric';

import type { ChartSeries } from './chart-series';
type Row = Record<string, string | number | null | boolean>;

/** Values are formatted by kind, so a chart reads the same as its table. */
export function AdminChart({
  data,
  xKey,
  series,
  kind = 'line',
  valueKind,
  target,
  domain,
  height = 256,
  highlightKey,
  layout = 'horizontal',
}: {
  data: Row[];
  xKey: string;
  series: ChartSeries[];
  kind?: 'line' | 'bar' | 'stacked';
  valueKind: ColumnKind;
  target?: { value: number; label: string };
  domain?: [number | 'auto', number | 'auto'];
  height?: number;
  /** For a single-series bar chart: bars whose row has this field true are drawn in the danger colour. */
  highlightKey?: string;
  layout?: 'horizontal' | 'vertical';
}) {
  const format = (value: unknown) => formatMetric(typeof value === 'number' ? value : null, valueKind);
  const vertical = layout === 'vertical';
  const axisTick = { fill: 'var(--muted)', fontSize: 12 };
  const valueAxis = vertical ? (
    <XAxis type="number" tick={axisTick} tickFormatter={format} domain={domain} allowDecimals={valueKind !== 'count'} />
  ) : (
    <YAxis tick={axisTick} tickFormatter={format} width={64} domain={domain} allowDecimals={valueKind !== 'count'} />
  );
  const categoryAxis = vertical ? (
    <YAxis type="category" dataKey={xKey} tick={axisTick} width={110} />
  ) : (
    <XAxis
      dataKey={xKey}
      tick={axisTick}
      minTickGap={24}
      tickFormatter={(v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.slice(5) : v)}
    />
  );
  const common = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
      {categoryAxis}
      {valueAxis}
      <Tooltip
        contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }}
        formatter={(value, name) => [format(value), name]}
        cursor={{ fill: 'var(--card-muted)' }}
      />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {target &&
        (vertical ? (
          <ReferenceLine
            x={target.value}
            ifOverflow="extendDomain"
            stroke="var(--danger)"
            strokeDasharray="6 3"
            label={{ value: target.label, fill: 'var(--danger)', fontSize: 12, position: 'top' }}
          />
        ) : (
          <ReferenceLine
            y={target.value}
            ifOverflow="extendDomain"
            stroke="var(--danger)"
            strokeDasharray="6 3"
            label={{ value: target.label, fill: 'var(--danger)', fontSize: 12, position: 'insideTopRight' }}
          />
        ))}
    </>
  );
  return (
    <div className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'line' ? (
          <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            {common}
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={data.length <= 31}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} layout={layout} margin={{ top: 16, right: 16, bottom: 8, left: vertical ? 8 : 0 }}>
            {common}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={kind === 'stacked' ? 'stack' : undefined}
                isAnimationActive={false}
              >
                {highlightKey &&
                  data.map((row, i) => <Cell key={i} fill={row[highlightKey] === true ? 'var(--danger)' : s.color} />)}
              </Bar>
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
