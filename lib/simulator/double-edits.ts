import type { Random } from '@/lib/seed/random';

/** Issue 14. "same-line" is one no merge may combine, so real conflicts are left to the user too. */
export const DOUBLE_EDITS = ['append-both', 'typo-and-append', 'tags', 'title-and-append', 'same-line'] as const;
export type DoubleEdit = (typeof DOUBLE_EDITS)[number];

const WEIGHTS: Record<DoubleEdit, number> = {
  'append-both': 35,
  'typo-and-append': 25,
  tags: 20,
  'title-and-append': 10,
  'same-line': 10,
};
const CLOSINGS = [
  'It worked out.',
  'Talked to someone about it.',
  'Not as bad as it felt.',
  'Slept well after.',
  'Tomorrow is another day.',
];
const TAGS = ['evening', 'reflection', 'family', 'work', 'rest', 'walk'];

/** Which double edit happens: drawn once, when it is scheduled, so both halves agree. */
export function pickDoubleEdit(random: Random): DoubleEdit {
  let roll = random.int(1, 100);
  for (const kind of DOUBLE_EDITS) {
    roll -= WEIGHTS[kind];
    if (roll <= 0) return kind;
  }
  return 'append-both';
}

type Entry = Record<string, unknown>;

export function doubleEditChange(kind: DoubleEdit, half: 0 | 1, entry: Entry, random: Random): Record<string, unknown> {
  const body = typeof entry.body === 'string' ? entry.body : '';
  const tags = Array.isArray(entry.tags) ? entry.tags.map(String) : [];
  // The two phones' closing lines differ, as two people's (or one person's, twice) would.
  const closing = CLOSINGS[(random.int(0, CLOSINGS.length - 1) + half) % CLOSINGS.length]!;
  const append = () => ({ body: `${body.replace(/\n*$/, '')}\n\n*Later:* ${closing}` });
  switch (kind) {
    case 'append-both':
      return append();
    case 'typo-and-append':
      return half === 0 ? { body: fixFirstLine(body) } : append();
    case 'tags': {
      const tag = TAGS.filter((t) => !tags.includes(t))[half] ?? `tag-${half}`;
      return { tags: [...tags, tag].slice(0, 30) };
    }
    case 'title-and-append':
      return half === 0 ? { title: `${String(entry.title ?? '').slice(0, 180)} (revisited)` } : append();
    case 'same-line': {
      const lines = body.split('\n');
      // The last line with text: a final newline leaves an empty string after it, which is not a line.
      const last = Math.max(
        0,
        lines.findLastIndex((line) => line.trim() !== ''),
      );
      lines[last] = `${lines[last]} ${half === 0 ? '(I was wrong about this.)' : '(Still true.)'}`;
      return { body: lines.join('\n') };
    }
  }
}

export function fixFirstLine(body: string): string {
  const [first = '', ...rest] = body.split('\n');
  const fixed = first.includes('  ')
    ? first.replace('  ', ' ')
    : /[.!?]$/.test(first)
      ? `${first.slice(0, -1)}!`
      : `${first}.`;
  return [fixed, ...rest].join('\n');
}
