import { v7 as uuidv7 } from 'uuid';
import type { Platform } from '@/lib/contract/schemas';
import { formatRev, initialClock, tick, type Hlc } from '@/lib/sync/hlc';
import { addDays, dayKeyOf, isoWeekday, startOfDay, type DayKey } from '@/lib/time/zoned';
import { ACTIVITIES, EMOTIONS_BY_SCORE, journalContent, THEME_NAMES, type Theme } from './content';
import type { DemoAccount } from './demo-accounts';
import { createRandom, deriveSeed, type Random } from './random';

/** Plain numbers, so the plan is pure and testable. */
export type PlannedDevice = {
  id: string;
  name: string;
  platform: Platform;
  model: string;
  appVersion: string;
  createdAtMs: number;
};

type Versioned = {
  id: string;
  updatedAtMs: number;
  deletedAtMs: number | null;
  deviceId: string;
  rev: string;
  baseRev: string | null;
};
export type PlannedJournalEntry = Versioned & {
  title: string;
  body: string;
  tags: string[];
  mood: number | null;
  createdAtMs: number;
};
export type PlannedMoodEntry = Versioned & {
  score: number;
  emotions: string[];
  activities: string[];
  note: string | null;
  recordedAtMs: number;
};

export type UserHistory = {
  account: DemoAccount;
  createdAtMs: number;
  devices: PlannedDevice[];
  journal: PlannedJournalEntry[];
  moods: PlannedMoodEntry[];
};

export type HistoryOptions = {
  /** The instant the history ends: nothing is dated after it (the seed never shows the future). */
  nowMs: number;
  days: number;
  seed: number;
  devices: Omit<PlannedDevice, 'createdAtMs'>[];
  journalRate: number;
  moodsPerDay: 1 | 2;
  pinned?: { daysAgo: number; title: string; body: string; tags: string[] }[];
};

type Edit = { atMs: number; deviceId: string; apply: (rev: string) => void };

export function generateHistory(account: DemoAccount, options: HistoryOptions): UserHistory {
  const random = createRandom(deriveSeed(options.seed, account.uid));
  const tz = account.timezone;
  const now = options.nowMs;
  const today = dayKeyOf(now, tz);
  const firstDay = addDays(today, -(options.days - 1));
  const createdAtMs = startOfDay(firstDay, tz) - 86_400_000;
  const devices = options.devices.map((device) => ({ ...device, createdAtMs }));
  const journal: PlannedJournalEntry[] = [];
  const moods: PlannedMoodEntry[] = [];
  const edits: Edit[] = [];
  const idAt = (ms: number) => uuidv7({ msecs: ms, random: Uint8Array.from({ length: 16 }, () => random.int(0, 255)) });
  // Weekday entries come from the first phone, weekends from the second, as if it lived at home.
  const deviceFor = (day: DayKey) => devices[devices.length > 1 && isoWeekday(day) >= 5 ? 1 : 0]!.id;
  const localTime = (day: DayKey, minutes: number) => startOfDay(day, tz) + minutes * 60_000;

  const pinnedByDay = new Map((options.pinned ?? []).map((pin) => [addDays(today, -pin.daysAgo), pin]));
  for (let offset = 0; offset < options.days; offset++) {
    const day = addDays(firstDay, offset);
    const deviceId = deviceFor(day);
    const dayMood = latentMood(random, day);

    for (let n = 0; n < options.moodsPerDay; n++) {
      // Mornings and evenings; some evenings run past midnight, which tests day bucketing.
      const minutes =
        n === 0 && options.moodsPerDay === 2 ? random.int(7 * 60, 10 * 60) : random.int(19 * 60, 24 * 60 + 40);
      const recordedAtMs = localTime(day, minutes);
      const score = clampScore(dayMood.score + random.normal(0, 0.5));
      const entry: PlannedMoodEntry = {
        id: idAt(recordedAtMs),
        score,
        emotions: random.sample(EMOTIONS_BY_SCORE[score]!, random.int(1, 3)),
        activities: dayMood.activities,
        note: random.chance(0.15)
          ? random.pick([
              'Long day.',
              'Feeling lighter after the walk.',
              'Could not focus.',
              'Good chat with a friend.',
              'Headache all afternoon.',
            ])
          : null,
        recordedAtMs,
        updatedAtMs: recordedAtMs,
        deletedAtMs: null,
        deviceId,
        rev: '',
        baseRev: null,
      };
      // Today's later check-ins have not happened yet.
      if (recordedAtMs > now) continue;
      moods.push(entry);
      edits.push({ atMs: recordedAtMs, deviceId, apply: (rev) => (entry.rev = rev) });
    }

    const pin = pinnedByDay.get(day);
    if (pin || random.chance(options.journalRate)) {
      const evening = localTime(day, random.int(18 * 60, 23 * 60 + 30));
      // A pinned entry is always there (tests look for it); an unpinned one waits for its evening.
      const createdAt = pin ? Math.min(evening, now - 3_600_000) : evening;
      if (createdAt > now) continue;
      const theme: Theme =
        dayMood.score <= 2 ? random.pick(['anxiety', 'work', 'sleep', 'therapy'] as const) : random.pick(THEME_NAMES);
      const content = pin ?? journalContent(random, theme);
      const entry: PlannedJournalEntry = {
        id: idAt(createdAt),
        ...content,
        mood: random.chance(0.6) ? clampScore(dayMood.score) : null,
        createdAtMs: createdAt,
        updatedAtMs: createdAt,
        deletedAtMs: null,
        deviceId,
        rev: '',
        baseRev: null,
      };
      journal.push(entry);
      edits.push({ atMs: createdAt, deviceId, apply: (rev) => (entry.rev = rev) });

      // Some entries are revised later, from either phone; a few are deleted (tombstoned).
      if (!pin && random.chance(0.1)) {
        const editedAt = Math.min(createdAt + random.int(3_600_000, 3 * 86_400_000), now);
        const editor = random.pick(devices).id;
        edits.push({
          atMs: editedAt,
          deviceId: editor,
          apply: (rev) => {
            entry.baseRev = entry.rev;
            entry.rev = rev;
            entry.updatedAtMs = editedAt;
            entry.deviceId = editor;
            entry.body += `\n\n*Later:* ${random.pick(['Reading this back, it was not as bad as it felt.', 'Update: it worked out.', 'I talked to someone about it.'])}`;
          },
        });
      } else if (!pin && random.chance(0.02)) {
        const deletedAt = Math.min(createdAt + random.int(60_000, 86_400_000), now);
        edits.push({
          atMs: deletedAt,
          deviceId,
          apply: (rev) => {
            entry.baseRev = entry.rev;
            entry.rev = rev;
            entry.updatedAtMs = deletedAt;
            entry.deletedAtMs = deletedAt;
          },
        });
      }
    }
  }

  // Revs come from each device's own HLC, ticked in the order its edits happened.
  const clocks = new Map<string, Hlc>(devices.map((device) => [device.id, initialClock(device.id)]));
  edits.sort((a, b) => a.atMs - b.atMs);
  for (const edit of edits) {
    const clock = tick(clocks.get(edit.deviceId)!, edit.atMs);
    clocks.set(edit.deviceId, clock);
    edit.apply(formatRev(clock));
  }
  return { account, createdAtMs, devices, journal, moods };
}

function latentMood(random: Random, day: DayKey): { score: number; activities: string[] } {
  const month = Number(day.slice(5, 7));
  const winter = month === 12 || month <= 2 ? -0.35 : month >= 5 && month <= 8 ? 0.2 : 0;
  const weekend = isoWeekday(day) >= 5 ? 0.25 : 0;
  const activities = ACTIVITIES.filter((activity) => random.chance(activity.probability));
  const effect = activities.reduce((sum, activity) => sum + activity.effect, 0);
  return { score: 3.2 + winter + weekend + effect + random.normal(0, 0.6), activities: activities.map((a) => a.name) };
}

function clampScore(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}
