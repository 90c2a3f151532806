import { moodLabel } from './mood-badge';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CELL = 14;
const GAP = 3;

/** Every square has a text title, and a legend names each colour. */
export function YearInPixels({ year, days }: { year: number; days: Record<string, number> }) {
  const left = 34;
  const top = 18;
  const width = left + 12 * (CELL + GAP);
  const height = top + 31 * (CELL + GAP);
  return (
    <div>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-md"
        role="group"
        aria-label={`Mood for each day of ${year}`}
      >
        {MONTHS.map((month, m) => (
          <text
            key={month}
            x={left + m * (CELL + GAP) + CELL / 2}
            y={12}
            textAnchor="middle"
            fontSize={9}
            fill="var(--muted)"
          >
            {month[0]}
          </text>
        ))}
        {[1, 10, 20, 31].map((d) => (
          <text
            key={d}
            x={left - 6}
            y={top + (d - 1) * (CELL + GAP) + CELL - 3}
            textAnchor="end"
            fontSize={9}
            fill="var(--muted)"
          >
            {d}
          </text>
        ))}
        {MONTHS.flatMap((month, m) => {
          const daysInMonth = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
          return Array.from({ length: daysInMonth }, (_, d) => {
            const key = `${year}-${String(m + 1).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`;
            const score = days[key];
            return (
              <rect
                key={key}
                x={left + m * (CELL + GAP)}
                y={top + d * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={3}
                fill={score === undefined ? 'var(--card-muted)' : `var(--mood-${Math.round(score)})`}
                stroke="var(--border)"
                strokeWidth={0.5}
              >
                <title>
                  {score === undefined
                    ? `${month} ${d + 1}: no check-in`
                    : `${month} ${d + 1}: ${score.toFixed(1)} (${moodLabel(score)})`}
                </title>
              </rect>
            );
          });
        })}
      </svg>
      <ul className="mt-3 flex flex-wrap gap-3 text-xs text-muted" aria-label="Legend">
        {[1, 2, 3, 4, 5].map((score) => (
          <li key={score} className="flex items-center gap-1">
            <span aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ background: `var(--mood-${score})` }} />
            {score} {moodLabel(score)}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="h-3 w-3 rounded-sm border border-border bg-card-muted" />
          No check-in
        </li>
      </ul>
    </div>
  );
}
