'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type PreviewRow = { label: string; new: number; updated: number; conflicting: number; unchanged: number };

const SERIES = [
  { key: 'new', name: 'New', color: 'var(--chart-1)' },
  { key: 'updated', name: 'Updated', color: 'var(--chart-2)' },
  { key: 'conflicting', name: 'Conflicting', color: 'var(--warning)' },
  { key: 'unchanged', name: 'Unchanged', color: 'var(--border)' },
] as const;

export function ImportPreviewChart({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="w-full" style={{ height: Math.max(160, rows.length * 40 + 70) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fill: 'var(--muted)', fontSize: 12 }} />
          <Tooltip
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            cursor={{ fill: 'var(--card-muted)' }}
          />
          <Legend wrapperStyle={{ color: 'var(--fg)', fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
