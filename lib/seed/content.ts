import type { Random } from './random';

const THEMES = {
  gratitude: {
    titles: ['Three good things', 'Gratitude list', 'Small wins', 'Things that went right'],
    lines: [
      'Coffee with {friend} before work, and we laughed about nothing.',
      'The bus came on time, which felt like a gift.',
      'Finished the chapter I had been avoiding.',
      'A quiet hour on the balcony with the plants.',
      'Mum called and it was an easy conversation for once.',
      'Cooked a proper dinner instead of ordering in.',
      'Someone at work said my notes helped them.',
    ],
    tags: ['gratitude'],
  },
  work: {
    titles: [
      'Work stress again',
      'A heavy Monday',
      'Deadline week',
      'After the team meeting',
      'Long day at the office',
    ],
    lines: [
      'The release slipped again and I felt the familiar knot in my stomach.',
      'I said no to an extra task today. It was **hard**, but I did it.',
      'Back-to-back meetings; no time to think until six.',
      'My manager noticed I was quiet. I told her I am tired, which is true.',
      'I keep rewriting the same email. Perfectionism, hello again.',
      'Left on time and did not check Slack on the train. Small victory.',
    ],
    tags: ['work', 'stress'],
  },
  therapy: {
    titles: ['Therapy notes', 'Session with Dr. {therapist}', 'What we talked about today'],
    lines: [
      'We talked about *catastrophising* and how I jump to the worst outcome.',
      'Homework: notice three automatic thoughts a day and write the evidence for and against.',
      'I cried a bit, and that was okay.',
      'She asked what I would tell a friend in my place. The answer was kinder than what I tell myself.',
      'We practised box breathing: four in, hold four, four out, hold four.',
    ],
    tags: ['therapy'],
  },
  sleep: {
    titles: ['Bad night', 'Could not sleep', 'Slept like a log', 'Morning pages'],
    lines: [
      'Woke at 3am with my mind racing about money.',
      'Eight hours, no alarm. I feel like a different person.',
      'Too much screen time before bed again.',
      'Tried reading instead of scrolling. Fell asleep by eleven.',
      'Dreamt about school exams, twenty years later.',
    ],
    tags: ['sleep'],
  },
  outdoors: {
    titles: ['Long walk by the river', 'Out in the park', 'Bike ride', 'Sunday hike'],
    lines: [
      'Walked along the river until the city noise faded.',
      'The trees are turning and the air smelled of rain.',
      'Cycled to the lake and sat watching the ducks for a while.',
      'Saw a heron standing completely still. I tried to copy it.',
      'Muddy boots, tired legs, clear head.',
    ],
    tags: ['outdoors', 'exercise'],
  },
  family: {
    titles: ['Family dinner', 'Visiting my parents', 'Call with my sister'],
    lines: [
      'Dinner at my parents\u2019. Dad told the same story as last time and I let him.',
      '{friend} and I talked for two hours about everything and nothing.',
      'My sister is going through a lot. I mostly listened.',
      'Board games with the cousins; I lost every round and did not mind.',
    ],
    tags: ['family'],
  },
  anxiety: {
    titles: ['Anxious morning', 'Heart racing', 'A wobbly day', 'Noticing the worry'],
    lines: [
      'Felt anxious before the appointment, chest tight, hands cold.',
      'Used the 5-4-3-2-1 grounding exercise on the tram. It helped a little.',
      'Spiralled about an unanswered message. It turned out to be nothing.',
      'Named the feeling: *worry*, about a 6 out of 10. It passed by lunch.',
    ],
    tags: ['anxiety'],
  },
} as const;

const FRIENDS = ['Maya', 'Jonas', 'Priya', 'Tomás', 'Lena', 'Ade'];
const THERAPISTS = ['Okafor', 'Lindqvist', 'Moreau'];
const EXTRA_TAGS = ['reflection', 'selfcare', 'mindfulness', 'reading', 'cooking', 'music'];

export type Theme = keyof typeof THEMES;
export const THEME_NAMES = Object.keys(THEMES) as Theme[];

function fill(line: string, random: Random): string {
  return line.replace('{friend}', random.pick(FRIENDS)).replace('{therapist}', random.pick(THERAPISTS));
}

export function journalContent(random: Random, theme: Theme): { title: string; body: string; tags: string[] } {
  const pool = THEMES[theme];
  const title = fill(random.pick(pool.titles), random);
  const lines = random
    .sample(pool.lines, random.int(2, Math.min(4, pool.lines.length)))
    .map((line) => fill(line, random));
  const shape = random.int(0, 3);
  let body: string;
  if (theme === 'gratitude' || shape === 1)
    body = `${lines.map((line) => `- ${line}`).join('\n')}\n\nWriting these down helps.`;
  else if (shape === 2)
    body = `## ${random.pick(['What happened', 'Notes', 'Today'])}\n\n${lines.join(' ')}\n\n## ${random.pick(['What I want to remember', 'Next time', 'Tomorrow'])}\n\n${fill(random.pick(pool.lines), random)}`;
  else if (shape === 3)
    body = `${lines[0]}\n\n> ${random.pick(['This too shall pass.', 'Feelings are visitors.', 'Progress, not perfection.'])}\n\n${lines.slice(1).join(' ')}`;
  else body = lines.join(' ');
  const tags: string[] = [...pool.tags];
  if (random.chance(0.3)) tags.push(random.pick(EXTRA_TAGS));
  return { title, body, tags: [...new Set(tags)] };
}

export const EMOTIONS_BY_SCORE: Record<number, readonly string[]> = {
  1: ['sad', 'hopeless', 'exhausted', 'anxious', 'lonely'],
  2: ['anxious', 'tired', 'irritable', 'sad', 'overwhelmed'],
  3: ['calm', 'tired', 'bored', 'okay', 'restless'],
  4: ['content', 'calm', 'hopeful', 'grateful', 'focused'],
  5: ['happy', 'grateful', 'excited', 'proud', 'loved'],
};

/** Activities with the effect each has on the day's mood, so the activity table has something true to find. */
export const ACTIVITIES: { name: string; probability: number; effect: number }[] = [
  { name: 'exercise', probability: 0.35, effect: 0.55 },
  { name: 'meditation', probability: 0.25, effect: 0.3 },
  { name: 'friends', probability: 0.2, effect: 0.4 },
  { name: 'work late', probability: 0.18, effect: -0.45 },
  { name: 'poor sleep', probability: 0.2, effect: -0.7 },
  { name: 'reading', probability: 0.3, effect: 0.1 },
  { name: 'alcohol', probability: 0.1, effect: -0.3 },
  { name: 'nature', probability: 0.2, effect: 0.45 },
];
