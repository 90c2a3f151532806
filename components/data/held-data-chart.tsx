'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function HeldDataChart({ data }: { data: { label: string; count: number }[] }) {
  const height = Math.max(140, data.length * 34 + 40);
  return (
    <div className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fill: 'var(--muted)', fontSize: 12 }} />
          <Tooltip
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            formatter={(value) => [value, 'Documents']}
            cursor={{ fill: 'var(--card-muted)' }}
          />
          <Bar dataKey="count" fill="var(--chart-1)" radius={4} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
