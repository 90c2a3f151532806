import type { ImportReport } from '@/lib/import/import-report';

/** What the preview says beyond the counts: rows left out and why, what will not come across, and notes. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const unlisted = report.skippedTotal - report.skipped.length;
  return (
    <div className="flex flex-col gap-3 text-sm">
      {report.notImported.length > 0 && (
        <section aria-label="Will not come across" className="flex flex-col gap-1">
          <h4 className="font-semibold">Will not come across</h4>
          <ul className="list-disc pl-5">
            {report.notImported.map((item) => (
              <li key={item.label}>
                {item.label}: {item.count.toLocaleString('en-US')}
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted">
            wellsync keeps text, moods, activities and tags; it has no place for these.
          </p>
        </section>
      )}
      {report.skippedTotal > 0 && (
        <details className="rounded-lg border border-border px-3 py-2">
          <summary className="cursor-pointer font-semibold">
            {report.skippedTotal.toLocaleString('en-US')}{' '}
            {report.skippedTotal === 1 ? 'row or entry' : 'rows or entries'} left out
          </summary>
          <ul aria-label="Left out, with the reason" className="mt-2 flex flex-col gap-1 break-words">
            {report.skipped.map((item) => (
              <li key={`${item.where}: ${item.reason}`}>
                <span className="font-medium">{item.where}:</span> {item.reason}
              </li>
            ))}
          </ul>
          {unlisted > 0 && (
            <p className="mt-2 text-xs text-muted">
              …and {unlisted.toLocaleString('en-US')} more, for the same kinds of reasons.
            </p>
          )}
          <p className="mt-2 text-xs text-muted">
            Everything else in the file is imported. To bring these in too, fix them in the source app, export again and
            upload the new file.
          </p>
        </details>
      )}
      {report.notes.map((note) => (
        <p key={note} className="text-muted">
          {note}
        </p>
      ))}
    </div>
  );
}
