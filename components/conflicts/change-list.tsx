import type { FieldChange, LineSegment } from '@/lib/conflicts/describe-changes';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** Marked by element, a visible "+"/"−" and hidden words before colour, so nothing relies on colour. */
export function ChangeList({ heading, changes }: { heading: string; changes: FieldChange[] }) {
  return (
    <section aria-label={heading} className="min-w-0 rounded-lg border border-border p-4">
      <h4 className="text-sm font-semibold">{heading}</h4>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nothing.</p>
      ) : (
        <dl className="mt-2 flex flex-col gap-3 text-sm">
          {changes.map((change) => (
            <div key={change.field} className="min-w-0">
              <dt className="text-xs font-medium text-muted">{change.label}</dt>
              <dd className="mt-1">
                <ChangeDetail heading={heading} change={change} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function ChangeDetail({ heading, change }: { heading: string; change: FieldChange }) {
  if (change.kind === 'value') {
    return (
      <p>
        <Removed>{change.from}</Removed> <span aria-hidden="true">→</span> <Added>{change.to}</Added>
      </p>
    );
  }
  if (change.kind === 'set') {
    return (
      <p className="flex flex-wrap gap-2">
        {change.added.map((item) => (
          <Added key={`+${item}`}>{item}</Added>
        ))}
        {change.removed.map((item) => (
          <Removed key={`-${item}`}>{item}</Removed>
        ))}
      </p>
    );
  }
  return (
    <ScrollRegion label={`${heading}: ${change.label}`} className="max-h-64 overflow-auto font-mono text-xs">
      {change.segments.map((segment, i) => (
        <Line key={i} segment={segment} />
      ))}
    </ScrollRegion>
  );
}

function Line({ segment }: { segment: LineSegment }) {
  const text = segment.text === '' ? '\u00a0' : segment.text;
  if (segment.kind === 'added') return <Added block>{text}</Added>;
  if (segment.kind === 'removed') return <Removed block>{text}</Removed>;
  return <span className="block whitespace-pre-wrap break-words pl-5 text-muted">{text}</span>;
}

function Added({ children, block = false }: { children: string; block?: boolean }) {
  return (
    <ins
      className={`${block ? 'block pl-1' : 'rounded px-1'} whitespace-pre-wrap break-words bg-accent-soft no-underline`}
    >
      <span aria-hidden="true" className="font-semibold">
        +{' '}
      </span>
      <span className="sr-only">added: </span>
      {children}
    </ins>
  );
}

function Removed({ children, block = false }: { children: string; block?: boolean }) {
  return (
    <del className={`${block ? 'block pl-1' : 'rounded px-1'} whitespace-pre-wrap break-words bg-danger-soft`}>
      <span aria-hidden="true" className="font-semibold">
        −{' '}
      </span>
      <span className="sr-only">removed: </span>
      {children}
    </del>
  );
}
