import { z } from 'zod';
import type { MoodBasis, MoodLevel } from './import-report';

export const STANDARD_MOODS: ReadonlyMap<string, number> = new Map(
  Object.entries({ rad: 5, good: 4, meh: 3, bad: 2, awful: 1, super: 5, gut: 4, ok: 3, schlecht: 2, lausig: 1 }),
);

/** A guess only: the preview shows it and the user can change it. */
// A Map, not an object: a mood named "constructor" must not find Object.prototype's.
const KNOWN_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    amazing: 5,
    awesome: 5,
    ecstatic: 5,
    elated: 5,
    euphoric: 5,
    excellent: 5,
    fantastic: 5,
    great: 5,
    joyful: 5,
    superb: 5,
    wonderful: 5,
    best: 5,
    happy: 4,
    glad: 4,
    content: 4,
    calm: 4,
    nice: 4,
    pleased: 4,
    positive: 4,
    well: 4,
    relaxed: 4,
    grateful: 4,
    okay: 3,
    fine: 3,
    neutral: 3,
    average: 3,
    alright: 3,
    normal: 3,
    'so-so': 3,
    soso: 3,
    mixed: 3,
    meh: 3,
    sad: 2,
    tired: 2,
    down: 2,
    low: 2,
    stressed: 2,
    anxious: 2,
    worried: 2,
    annoyed: 2,
    bored: 2,
    unhappy: 2,
    upset: 2,
    frustrated: 2,
    lonely: 2,
    sick: 2,
    terrible: 1,
    horrible: 1,
    miserable: 1,
    depressed: 1,
    angry: 1,
    furious: 1,
    devastated: 1,
    worst: 1,
    hopeless: 1,
    panic: 1,
    desperate: 1,
  }),
);

export const ZMoodMap = z
  .array(z.object({ name: z.string().trim().min(1).max(100), level: z.number().int().min(1).max(5) }).strict())
  .max(100)
  .refine((list) => new Set(list.map((m) => moodKey(m.name))).size === list.length, 'Each mood name may appear once');
export type MoodMap = z.infer<typeof ZMoodMap>;

/** Mood names are matched without regard to case, surrounding spaces or Unicode form. */
export const moodKey = (name: string) => name.trim().normalize('NFC').toLowerCase();

/** The CSV never says which level a custom name has: docs/data-rights.md, "The review step (issue 16)". */
export function resolveMoodLevels(
  seen: Map<string, { name: string; count: number }>,
  chosen: MoodMap = [],
): MoodLevel[] {
  const picked = new Map(chosen.map((m) => [moodKey(m.name), m.level]));
  const out: MoodLevel[] = [];
  for (const [key, { name, count }] of seen) {
    const user = picked.get(key);
    const standard = STANDARD_MOODS.get(key);
    const word = wordLevel(key);
    const [level, basis]: [number, MoodBasis] = user
      ? [user, 'chosen']
      : standard
        ? [standard, 'standard']
        : word
          ? [word, 'word']
          : [0, 'unknown'];
    out.push({ name, level, count, basis });
  }
  const undecided = out.filter((m) => m.basis === 'unknown');
  const free = [5, 4, 3, 2, 1].filter((level) => !out.some((m) => m.level === level));
  for (const mood of undecided) {
    if (undecided.length === 1 && free.length === 1) [mood.level, mood.basis] = [free[0]!, 'free-level'];
    else mood.level = 3;
  }
  return out;
}

/** A name that negates ("don't feel well") gets no guess from its words: the user checks it instead. */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'don',
  'didn',
  'isn',
  'wasn',
  'aren',
  'nicht',
  'kein',
  'keine',
  'nie',
]);

function wordLevel(key: string): number | undefined {
  const whole = KNOWN_WORDS.get(key);
  if (whole) return whole;
  const words = key.split(/[^\p{L}-]+/u);
  if (words.some((word) => NEGATIONS.has(word))) return undefined;
  for (const word of words) {
    const level = KNOWN_WORDS.get(word);
    if (level) return level;
  }
  return undefined;
}
