import 'server-only';
import { FieldPath, type BulkWriter, type DocumentSnapshot } from 'firebase-admin/firestore';
import pLimit from 'p-limit';
import { readDoc, readDocs } from '@/lib/firebase/metered';
import { adminDb } from '@/lib/firebase/admin';
import { aggregateDay, membersOfDay } from './aggregate-sync-events';
import { syncDaysRef, syncHoursRef, userMonthRef } from './metrics-refs';
import { readDayEvents, streamEventsByMonth } from './read-day-events';
import {
  ROLLUP_VERSION,
  ZSyncDaysDoc,
  ZUserMonthDoc,
  type DayRollup,
  type SyncDaysDoc,
  type UserDayUsage,
} from './rollup-types';
import { monthOf, type DayKey, type MonthKey } from './utc-days';
import { sameContent } from './write-if-changed';

export type DaysResult = {
  dayCounts: Record<DayKey, number>;
  eventsRead: number;
  skippedEvents: number;
  changedMonths: Set<MonthKey>;
  recentUsers: Map<string, { uid: string; pushed: number; bytesUp: number }>;
};

/** Recomputing a day replaces it, so a day read twice is counted once. */
export async function rollUpDays(
  days: DayKey[],
  options: {
    writer: BulkWriter;
    pid: (uid: string) => string;
    recentDays: Set<DayKey>;
    onDay?: () => void;
    stream?: boolean;
  },
): Promise<DaysResult> {
  const result: DaysResult = {
    dayCounts: {},
    eventsRead: 0,
    skippedEvents: 0,
    changedMonths: new Set(),
    recentUsers: new Map(),
  };
  const byMonth = new Map<MonthKey, DayKey[]>();
  const sorted = [...days].sort();
  for (const day of sorted) byMonth.set(monthOf(day), [...(byMonth.get(monthOf(day)) ?? []), day]);
  const stream = options.stream && sorted[0] ? streamEventsByMonth(sorted[0], options.pid) : null;

  try {
    for (const [month, monthDays] of byMonth) {
      const dayRollups = new Map<DayKey, DayRollup | null>();
      const usage = new Map<string, Record<DayKey, UserDayUsage>>();
      // A rebuild streams the month; an incremental run reads its changed days a few at a time. Either way the
      // month's hour documents are compared in one batched read.
      const streamed = stream ? await stream.month(month) : null;
      const read = await pLimit(8).map(monthDays, async (day) => {
        const dayEvents = streamed
          ? (streamed.get(day) ?? { events: [], docsRead: 0, skipped: 0 })
          : await readDayEvents(day, options.pid);
        options.onDay?.();
        return dayEvents;
      });
      const hourDocs = await readDocs(adminDb(), monthDays.map(syncHoursRef));
      monthDays.forEach((day, index) => {
        const { events, docsRead, skipped } = read[index]!;
        result.dayCounts[day] = docsRead;
        result.eventsRead += docsRead;
        result.skippedEvents += skipped;
        const aggregate = aggregateDay(events);
        dayRollups.set(day, events.length > 0 ? aggregate.day : null);
        writeHours(options.writer, day, hourDocs[index]!, events.length > 0 ? aggregate.hours : null);
        for (const [pid, dayUsage] of Object.entries(aggregate.users)) {
          const days = usage.get(pid) ?? {};
          days[day] = dayUsage;
          usage.set(pid, days);
        }
        if (options.recentDays.has(day)) {
          for (const event of events) {
            const seen = result.recentUsers.get(event.pid) ?? { uid: event.uid, pushed: 0, bytesUp: 0 };
            seen.pushed += event.pushed;
            seen.bytesUp += event.bytesUp;
            result.recentUsers.set(event.pid, seen);
          }
        }
      });
      const daysChanged = await writeSyncDays(options.writer, month, dayRollups);
      const usageChanged = await writeUserMonths(options.writer, month, usage);
      if (daysChanged || usageChanged) result.changedMonths.add(month);
    }
  } finally {
    stream?.close();
  }
  return result;
}

function writeHours(
  writer: BulkWriter,
  day: DayKey,
  existing: DocumentSnapshot,
  hours: Record<string, unknown> | null,
) {
  if (!hours) {
    if (existing.exists) void writer.delete(existing.ref);
    return;
  }
  const data = { version: ROLLUP_VERSION, day, hours };
  if (!sameContent(existing.data(), data)) void writer.set(syncHoursRef(day), data);
}

async function writeSyncDays(
  writer: BulkWriter,
  month: MonthKey,
  dayRollups: Map<DayKey, DayRollup | null>,
): Promise<boolean> {
  const ref = syncDaysRef(month);
  const existing = await readDoc(ref);
  const parsed = ZSyncDaysDoc.safeParse(existing.data());
  const days: SyncDaysDoc['days'] = parsed.success ? { ...parsed.data.days } : {};
  for (const [day, rollup] of dayRollups) {
    if (rollup) days[day] = rollup;
    else delete days[day];
  }
  const members = [...new Set(Object.values(days).flatMap(membersOfDay))].sort();
  const data: SyncDaysDoc = { version: ROLLUP_VERSION, month, days, members };
  if (Object.keys(days).length === 0) {
    if (!existing.exists) return false;
    void writer.delete(ref);
    return true;
  }
  if (sameContent(existing.data(), data)) return false;
  void writer.set(ref, data);
  return true;
}

async function writeUserMonths(
  writer: BulkWriter,
  month: MonthKey,
  usage: Map<string, Record<DayKey, UserDayUsage>>,
): Promise<boolean> {
  let changed = false;
  const pids = [...usage.keys()];
  for (let i = 0; i < pids.length; i += 300) {
    const chunk = pids.slice(i, i + 300);
    const snapshots = await readDocs(
      adminDb(),
      chunk.map((pid) => userMonthRef(pid, month)),
    );
    chunk.forEach((pid, index) => {
      const existing = ZUserMonthDoc.safeParse(snapshots[index]?.data());
      const days = usage.get(pid)!;
      const changedDays = Object.entries(days).filter(
        ([day, dayUsage]) => !existing.success || !sameContent(existing.data.days[day], dayUsage),
      );
      if (changedDays.length === 0) return;
      changed = true;
      // Only the recomputed days are replaced; the month's other days stay as they are.
      void writer.set(
        userMonthRef(pid, month),
        { version: ROLLUP_VERSION, pid, month, days: Object.fromEntries(changedDays) },
        { mergeFields: ['version', 'pid', 'month', ...changedDays.map(([day]) => new FieldPath('days', day))] },
      );
    });
  }
  return changed;
}
