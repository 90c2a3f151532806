const LABELS = ['', 'Very low', 'Low', 'Okay', 'Good', 'Great'] as const;

export function moodLabel(score: number): string {
  return LABELS[Math.min(5, Math.max(1, Math.round(score)))]!;
}

/** A mood score shown as a coloured dot and words, never by colour alone. */
export function MoodBadge({ score }: { score: number }) {
  const rounded = Math.min(5, Math.max(1, Math.round(score)));
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs">
      <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ background: `var(--mood-${rounded})` }} />
      Mood {score}/5 · {moodLabel(score)}
    </span>
  );
}
