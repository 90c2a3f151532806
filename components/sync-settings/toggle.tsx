/** A labelled on/off switch with its current status and an optional hint, both read out with it. */
export function Toggle({
  id,
  label,
  status,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  status: string;
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <p id={`${id}-status`} className="text-sm">
          {status}
        </p>
        {hint && (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        )}
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-describedby={hint ? `${id}-status ${id}-hint` : `${id}-status`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-1 h-5 w-9 cursor-pointer accent-[var(--accent)]"
      />
    </div>
  );
}
