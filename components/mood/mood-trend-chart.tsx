'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MOOD_DOMAIN, MOOD_LINE_CURVE, MOOD_TICKS } from '@/components/mood/mood-scale';
import type { MoodPoint } from '@/lib/mood/compute-mood-stats';

export function MoodTrendChart({ series, granularity }: { series: MoodPoint[]; granularity: 'day' | 'week' }) {
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="day"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            minTickGap={32}
            tickFormatter={(day: string) => day.slice(5)}
          />
          <YAxis
            domain={MOOD_DOMAIN}
            allowDataOverflow={false}
            ticks={MOOD_TICKS}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            width={28}
          />
          <Tooltip
            contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            formatter={(value) => [
              Number(value).toFixed(2),
              granularity === 'week' ? 'Weekly average' : 'Daily average',
            ]}
            labelFormatter={(day) => (granularity === 'week' ? `Week of ${String(day)}` : String(day))}
          />
          <Line
            type={MOOD_LINE_CURVE}
            dataKey="average"
            stroke="var(--chart-1)"
            strokeWidth={2}
            dot={series.length <= 90}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
