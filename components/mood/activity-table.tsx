import { ScrollRegion } from '@/components/ui/scroll-region';
import type { ActivityEffect } from '@/lib/mood/compute-mood-stats';

export function ActivityTable({ activities }: { activities: ActivityEffect[] }) {
  return (
    <ScrollRegion label="Mood by activity, table" className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Average daily mood on days with and without each activity</caption>
        <thead>
          <tr className="border-b border-border text-left text-muted">
            <th scope="col" className="py-2 pr-4 font-medium">
              Activity
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Days with
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Mood with
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Mood without
            </th>
            <th scope="col" className="py-2 font-medium">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {activities.map((row) => (
            <tr key={row.activity} className="border-b border-border last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {row.activity}
              </th>
              <td className="py-2 pr-4">
                {row.daysWith} of {row.daysWith + row.daysWithout}
              </td>
              <td className="py-2 pr-4">{row.averageWith.toFixed(2)}</td>
              <td className="py-2 pr-4">{row.averageWithout.toFixed(2)}</td>
              <td className={`py-2 font-semibold ${row.difference >= 0 ? 'text-accent' : 'text-danger'}`}>
                {row.difference >= 0 ? '+' : '−'}
                {Math.abs(row.difference).toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
