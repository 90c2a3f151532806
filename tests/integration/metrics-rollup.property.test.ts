import fc from 'fast-check';
import type { DocumentData } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '@/lib/firebase/admin';
import { bucketIndex } from '@/lib/metrics/latency-histogram';
import { pseudonymFor } from '@/lib/metrics/pseudonymous-id';
import { runRollup } from '@/lib/metrics/run-rollup';
import { putSyncEvents, type TestSyncEvent } from '../helpers/sync-events';
import { useIsolatedProject } from '../helpers/isolated-project';

let projectId = '';
beforeAll(async () => {
  projectId = await useIsolatedProject();
});

/**
 * The aggregator against a brute-force recomputation: random telemetry from a few users arrives in batches (later
 * batches hold late events for earlier days), the aggregator runs after each batch, and at the end every day, hour
 * and per-user document equals what a direct count over all events gives. A second run then writes nothing.
 */
const DAY = 86_400_000;
const DAY0 = Date.UTC(2026, 10, 1);
const NOW = DAY0 + 7 * DAY + 3_600_000;
const USERS = ['u-ana', 'u-ben', 'u-cy', 'u-dee', 'u-eve', 'u-fay'];

const eventArb = fc.record({
  user: fc.integer({ min: 0, max: USERS.length - 1 }),
  device: fc.integer({ min: 0, max: 1 }),
  version: fc.constantFrom('3.2.1', '3.1.0'),
  day: fc.integer({ min: 0, max: 7 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  durationMs: fc.integer({ min: 1, max: 30_000 }),
  outcome: fc.constantFrom('ok', 'ok', 'ok', 'unavailable', 'internal', 'device-revoked'),
  reads: fc.integer({ min: 0, max: 9 }),
  writes: fc.integer({ min: 0, max: 9 }),
  pushed: fc.integer({ min: 0, max: 4 }),
  conflicts: fc.integer({ min: 0, max: 1 }),
  // Undefined: a release that cannot merge leaves the count out.
  merged: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
});
type Arb = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toEvent(e: Arb): TestSyncEvent {
  const platform = e.device === 0 ? 'ios' : 'android';
  return {
    uid: USERS[e.user]!,
    deviceId: `${platform}-${e.user}`,
    platform,
    appVersion: e.version,
    startedAtMs: DAY0 + e.day * DAY + e.minute * 60_000,
    durationMs: e.durationMs,
    status: e.outcome === 'ok' ? 'ok' : 'error',
    errorCode: e.outcome === 'ok' ? null : e.outcome,
    reads: e.reads,
    writes: e.writes,
    pushed: e.pushed,
    conflicts: e.conflicts,
    merged: e.merged === undefined ? undefined : Math.min(e.merged, e.conflicts),
  };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isFailure = (e: TestSyncEvent) => e.status === 'error' && e.errorCode !== 'device-revoked';
const small = (ids: Set<string>) => (ids.size < 5 ? [...ids].sort() : undefined);

/** The rollups computed directly from every event, without the aggregator's code. */
async function bruteForce(events: TestSyncEvent[]) {
  const pid = new Map(await Promise.all(USERS.map(async (uid) => [uid, await pseudonymFor(uid)] as const)));
  const days: Record<string, DocumentData> = {};
  const hours: Record<string, Record<string, DocumentData>> = {};
  const usage: Record<string, DocumentData> = {};
  const byDay = new Map<string, TestSyncEvent[]>();
  for (const e of events) byDay.set(dayOf(e.startedAtMs), [...(byDay.get(dayOf(e.startedAtMs)) ?? []), e]);
  for (const [day, list] of byDay) {
    const group = (subset: TestSyncEvent[]) => {
      const users = new Set(subset.map((e) => pid.get(e.uid)!));
      const latency: Record<string, number> = {};
      for (const e of subset.filter((x) => x.status === 'ok'))
        latency[bucketIndex(e.durationMs!)] = (latency[bucketIndex(e.durationMs!)] ?? 0) + 1;
      const sum = (key: keyof TestSyncEvent) => subset.reduce((n, e) => n + Number(e[key] ?? 0), 0);
      const members = small(users);
      return {
        attempts: subset.length,
        ok: subset.filter((e) => e.status === 'ok').length,
        failures: subset.filter(isFailure).length,
        excluded: subset.filter((e) => e.errorCode === 'device-revoked').length,
        reads: sum('reads'),
        writes: sum('writes'),
        deletes: 0,
        pushed: sum('pushed'),
        pulled: 0,
        conflicts: sum('conflicts'),
        merged: sum('merged'),
        bytesUp: 1200 * subset.length,
        bytesDown: 300 * subset.length,
        users: users.size,
        devices: new Set(subset.map((e) => `${e.uid}/${e.deviceId}`)).size,
        latency,
        ...(members ? { members } : {}),
      };
    };
    const keys = (f: (e: TestSyncEvent) => string) => [...new Set(list.map(f))];
    const errors = list.filter((e) => e.status === 'error');
    days[day] = {
      ...group(list),
      byPlatform: Object.fromEntries(
        keys((e) => e.platform!).map((p) => [p, group(list.filter((e) => e.platform === p))]),
      ),
      byRelease: Object.fromEntries(
        keys((e) => `${e.platform} ${e.appVersion}`).map((k) => [
          k,
          {
            ...group(list.filter((e) => `${e.platform} ${e.appVersion}` === k)),
            platform: k.split(' ')[0],
            version: k.split(' ')[1],
          },
        ]),
      ),
      byError: Object.fromEntries(
        keys((e) => e.errorCode ?? '')
          .filter(Boolean)
          .map((code) => {
            const users = new Set(errors.filter((e) => e.errorCode === code).map((e) => pid.get(e.uid)!));
            const members = small(users);
            return [
              code,
              {
                count: errors.filter((e) => e.errorCode === code).length,
                users: users.size,
                ...(members ? { members } : {}),
              },
            ];
          }),
      ),
    };
    hours[day] = {};
    for (const e of list) {
      const h = String(new Date(e.startedAtMs).getUTCHours()).padStart(2, '0');
      const slot = (hours[day][h] ??= { attempts: 0, ok: 0, failures: 0, excluded: 0 });
      slot.attempts += 1;
      if (e.status === 'ok') slot.ok += 1;
      else if (isFailure(e)) slot.failures += 1;
      else slot.excluded += 1;
    }
    for (const uid of new Set(list.map((e) => e.uid))) {
      const mine = list.filter((e) => e.uid === uid);
      const key = `${pid.get(uid)}_${day.slice(0, 7)}`;
      usage[key] ??= {};
      usage[key][day] = {
        syncs: mine.length,
        ok: mine.filter((e) => e.status === 'ok').length,
        reads: mine.reduce((n, e) => n + e.reads!, 0),
        writes: mine.reduce((n, e) => n + e.writes!, 0),
        deletes: 0,
        pushed: mine.reduce((n, e) => n + e.pushed!, 0),
        bytesUp: 1200 * mine.length,
        bytesDown: 300 * mine.length,
      };
    }
  }
  return { days, hours, usage };
}

async function storedRollups() {
  const rollups = adminDb().collection('metrics').doc('rollups');
  const [syncDays, syncHours, usage, state] = await Promise.all([
    rollups.collection('sync_days').get(),
    rollups.collection('sync_hours').get(),
    adminDb().collection('metrics').doc('usage').collection('user_months').get(),
    adminDb().collection('metrics').doc('state').get(),
  ]);
  const days: Record<string, DocumentData> = {};
  for (const doc of syncDays.docs) Object.assign(days, doc.get('days'));
  return {
    days,
    hours: Object.fromEntries(syncHours.docs.map((doc) => [doc.id, doc.get('hours')])),
    usage: Object.fromEntries(usage.docs.map((doc) => [doc.id, doc.get('days')])),
    dayCounts: state.get('dayCounts') as Record<string, number>,
  };
}

async function updateTimes(): Promise<Record<string, string>> {
  const rollups = adminDb().collection('metrics').doc('rollups');
  const snapshots = await Promise.all(
    ['sync_days', 'sync_hours', 'cost_months', 'fleet_days'].map((c) => rollups.collection(c).get()),
  );
  const usage = await adminDb().collection('metrics').doc('usage').collection('user_months').get();
  return Object.fromEntries(
    [...snapshots.flatMap((s) => s.docs), ...usage.docs].map((doc) => [
      doc.ref.path,
      doc.updateTime.toDate().toISOString() + doc.updateTime.nanoseconds,
    ]),
  );
}

describe('the metrics aggregator', () => {
  it('equals a brute-force recomputation after incremental runs over late-arriving events, and a second run changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 50, maxLength: 50 }),
        async (raw, batchOf) => {
          await fetch(
            `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
            { method: 'DELETE' },
          );
          const events = raw.map(toEvent);
          for (let batch = 0; batch <= 2; batch++) {
            await putSyncEvents(events.filter((_, i) => batchOf[i] === batch));
            await runRollup({ nowMs: NOW });
          }
          const expected = await bruteForce(events);
          const stored = await storedRollups();
          expect(stored.days).toEqual(expected.days);
          expect(stored.hours).toEqual(expected.hours);
          expect(stored.usage).toEqual(expected.usage);
          const counts: Record<string, number> = {};
          for (const e of events) counts[dayOf(e.startedAtMs)] = (counts[dayOf(e.startedAtMs)] ?? 0) + 1;
          expect(stored.dayCounts).toEqual(counts);

          const before = await updateTimes();
          const again = await runRollup({ nowMs: NOW });
          expect(again.daysRecomputed).toBe(0);
          expect(again.writes).toBe(0);
          expect(await updateTimes()).toEqual(before);
        },
      ),
      { numRuns: 6 },
    );
  }, 240_000);

  it('rebuilds the same rollups with --full, writing nothing that has not changed', async () => {
    await fetch(
      `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
      { method: 'DELETE' },
    );
    const events = Array.from({ length: 40 }, (_, i) =>
      toEvent({
        user: i % 6,
        device: i % 2,
        version: i % 3 ? '3.2.1' : '3.1.0',
        day: i % 7,
        minute: (i * 37) % 1440,
        durationMs: 100 + i * 97,
        outcome: i % 9 === 0 ? 'internal' : 'ok',
        reads: 3,
        writes: 2,
        pushed: 1,
        conflicts: 0,
        merged: undefined,
      }),
    );
    await putSyncEvents(events);
    await runRollup({ nowMs: NOW });
    const incremental = await storedRollups();
    const before = await updateTimes();
    const full = await runRollup({ nowMs: NOW, full: true });
    expect(full.mode).toBe('full');
    expect(full.daysRecomputed).toBeGreaterThan(0);
    expect(await storedRollups()).toEqual(incremental);
    // Every day was recomputed, and none had changed: nothing was written.
    expect(full.writes).toBe(0);
    expect(await updateTimes()).toEqual(before);
  }, 60_000);
});
