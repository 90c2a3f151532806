import type { AdminTable } from '@/lib/admin/admin-table';
import { formatMetric } from '@/lib/admin/format-metric';
import { cn } from '@/components/ui/cn';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** An admin table with its CSV download; highlighted rows are marked in words too, not by colour alone. */
export function ReportTable({
  table,
  csvHref,
  emptyText = 'No rows in this range.',
  maxRows,
}: {
  table: AdminTable;
  csvHref: string;
  emptyText?: string;
  maxRows?: number;
}) {
  const highlighted = new Set(table.highlight ?? []);
  const rows = maxRows ? table.rows.slice(-maxRows) : table.rows;
  const offset = table.rows.length - rows.length;
  const captionId = `table-${table.id}`;
  return (
    <section aria-labelledby={captionId} className="rounded-xl border border-border bg-card p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={captionId} className="text-base font-semibold">
          {table.title}
        </h2>
        <a
          href={csvHref}
          download
          className="rounded-lg border border-border px-3 py-1.5 text-sm text-fg hover:bg-card-muted"
        >
          Download CSV<span className="sr-only"> of {table.title}</span>
        </a>
      </div>
      {table.rows.length === 0 ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        <ScrollRegion label={`${table.title}, table`} className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-border text-left text-muted">
                {table.columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={cn('py-2 pr-4 font-medium', column.kind !== 'text' && 'text-right')}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const index = i + offset;
                const flagged = highlighted.has(index);
                return (
                  <tr key={index} className={cn('border-b border-border last:border-0', flagged && 'bg-danger-soft')}>
                    {table.columns.map((column, c) => {
                      const text = formatMetric(row[column.key], column.kind);
                      const Cell = c === 0 ? 'th' : 'td';
                      return (
                        <Cell
                          key={column.key}
                          scope={c === 0 ? 'row' : undefined}
                          className={cn(
                            'py-2 pr-4',
                            c === 0 ? 'text-left font-medium' : '',
                            column.kind !== 'text' && 'text-right tabular-nums',
                          )}
                        >
                          {text}
                          {c === 0 && flagged && (
                            <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-semibold text-white dark:text-black">
                              stands out
                            </span>
                          )}
                        </Cell>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {maxRows && table.rows.length > maxRows && (
        <p className="mt-2 text-xs text-muted">
          The latest {maxRows} of {table.rows.length} rows; the CSV has them all.
        </p>
      )}
      {table.note && <p className="mt-2 text-xs text-muted">{table.note}</p>}
    </section>
  );
}
