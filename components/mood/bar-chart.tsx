'use client';

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function MoodBarChart({
  data,
  valueLabel,
  domain,
  layout = 'horizontal',
  height = 256,
}: {
  data: { label: string; value: number | null }[];
  valueLabel: string;
  domain?: [number, number];
  layout?: 'horizontal' | 'vertical';
  height?: number;
}) {
  const vertical = layout === 'vertical';
  return (
    <div className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart
          data={data}
          layout={layout}
          margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 24 : 0 }}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          {vertical ? (
            <>
              <XAxis
                type="number"
                domain={domain}
                tick={{ fill: 'var(--muted)', fontSize: 12 }}
                allowDecimals={false}
              />
              <YAxis type="category" dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 12 }} width={96} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 12 }} />
              <YAxis domain={domain} tick={{ fill: 'var(--muted)', fontSize: 12 }} width={28} />
            </>
          )}
          <Tooltip
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            formatter={(value) => [value, valueLabel]}
            cursor={{ fill: 'var(--card-muted)' }}
          />
          <Bar dataKey="value" fill="var(--chart-1)" radius={4} isAnimationActive={false} />
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
