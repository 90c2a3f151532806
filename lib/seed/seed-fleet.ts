import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { CONFLICTS, DEVICES, USERS } from '@/lib/contract/paths';
import { ZConflict, ZDevice, ZSyncSettings } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { AUDIT_LOG } from '@/lib/audit/audit-refs';
import { METRICS } from '@/lib/metrics/metrics-refs';
import { runRollup } from '@/lib/metrics/run-rollup';
import { takeFleetSnapshot } from '@/lib/metrics/take-fleet-snapshot';
import { addDays } from '@/lib/time/zoned';
import { utcDay } from '@/lib/metrics/utc-days';
import { planFleet, settingsAt, type FleetUser } from './plan-fleet';
import { contractDoc, queueHistory } from './write-history';

export const FLEET_USERS = 90;
export const FLEET_TELEMETRY_DAYS = 120;
/** Past days replayed into adoption snapshots, so the adoption chart has history on first start. */
export const REPLAY_DAYS = 60;
const USERS_PER_FLUSH = 100;

export type FleetSummary = { users: number; documents: number; syncEvents: number; snapshots: number };

const ts = (ms: number) => Timestamp.fromMillis(ms);

/** Demo projects only (seedDemo checks). */
export type SeedFleetOptions = {
  nowMs: number;
  seed: number;
  users?: number;
  telemetryDays?: number;
  replayDays?: number;
  onProgress?: (done: number, total: number) => void;
};

export async function seedFleet(options: SeedFleetOptions): Promise<FleetSummary> {
  const replayDays = options.replayDays ?? REPLAY_DAYS;
  const fleet = planFleet({
    nowMs: options.nowMs,
    seed: options.seed,
    users: options.users ?? FLEET_USERS,
    telemetryDays: options.telemetryDays ?? FLEET_TELEMETRY_DAYS,
  });
  const db = adminDb();
  // Only what exists is deleted, because each recursive delete scans on the emulator.
  const earlier = (await db.collection(USERS).listDocuments()).filter((ref) => ref.id.startsWith('fleet-'));
  await Promise.all([
    ...earlier.map((ref) => db.recursiveDelete(ref)),
    db.recursiveDelete(db.collection(METRICS)),
    db.recursiveDelete(db.collection(AUDIT_LOG)),
  ]);

  const total =
    fleet.reduce(
      (n, u) =>
        n +
        2 +
        u.devices.length +
        u.history.journal.length +
        u.history.moods.length +
        u.telemetry.length +
        u.conflicts.length,
      0,
    ) + replayDays;
  let done = 0;
  const tick = () => {
    done += 1;
    if (done % 500 === 0) options.onProgress?.(done, total);
  };
  // Queued a group of users at a time: queuing all 10,000 users' writes at once (`npm run bench`) held ~850,000
  // pending operations, 2.4 GB, and kept this process busy while the emulator waited.
  const writer = db.bulkWriter({ throttling: false });
  for (let start = 0; start < fleet.length; start += USERS_PER_FLUSH) {
    const group = fleet.slice(start, start + USERS_PER_FLUSH);
    const writes = group.flatMap((user) => [
      ...queueHistory(writer, user.history, user.telemetry, tick),
      ...queueFleetExtras(writer, user, tick),
    ]);
    await writer.flush();
    await Promise.all(writes);
  }
  await writer.close();

  const today = utcDay(options.nowMs);
  for (let n = replayDays; n >= 1; n--) {
    const dayEnd = Date.parse(`${addDays(today, -n)}T23:59:59.999Z`);
    await writeSettingsAsOf(fleet, dayEnd);
    await takeFleetSnapshot({ nowMs: options.nowMs, asOfMs: dayEnd });
    done += 1;
    options.onProgress?.(done, total);
  }
  await writeSettingsAsOf(fleet, options.nowMs);
  await runRollup({ full: true, forceSnapshot: true, nowMs: options.nowMs });
  options.onProgress?.(total, total);
  return {
    users: fleet.length,
    documents: total - replayDays,
    syncEvents: fleet.reduce((n, u) => n + u.telemetry.length, 0),
    snapshots: replayDays + 1,
  };
}

function queueFleetExtras(
  writer: FirebaseFirestore.BulkWriter,
  user: FleetUser,
  onWrite: () => void,
): Promise<unknown>[] {
  const scope = { uid: user.history.account.uid };
  const writes: Promise<unknown>[] = [];
  for (const device of user.devices) {
    const last = user.telemetry
      .filter((e) => e.deviceId === device.id && e.errorCode !== 'device-revoked')
      .reduce((max, e) => Math.max(max, e.startedAtMs + e.durationMs), 0);
    const lastEvent = user.telemetry
      .filter((e) => e.deviceId === device.id)
      .sort((a, b) => b.startedAtMs - a.startedAtMs)[0];
    const data = contractDoc(ZDevice, {
      name: device.name,
      platform: device.platform,
      model: device.model,
      appVersion: device.appVersion,
      createdAt: ts(device.createdAtMs),
      lastSeenAt: ts(Math.max(last, device.createdAtMs)),
      lastSyncAt: last ? ts(last) : null,
      lastSyncStatus: lastEvent ? lastEvent.status : null,
      pendingChanges: lastEvent?.status === 'error' ? 1 : 0,
      revokedAt: null,
    });
    // Only the server revokes, so the revocation is stamped after the contract check of the device's own fields.
    writes.push(
      writer
        .set(userCollection(scope, DEVICES).doc(device.id), {
          ...data,
          revokedAt: device.revokedAtMs === null ? null : ts(device.revokedAtMs),
        })
        .then(onWrite),
    );
  }
  for (const conflict of user.conflicts) {
    const data = contractDoc(ZConflict, {
      collection: 'journal_entries',
      docId: conflict.entryId,
      rev: conflict.rev,
      deviceId: conflict.deviceId,
      data: conflict.data,
      detectedAt: ts(conflict.detectedAtMs),
      resolvedAt: conflict.resolvedAtMs === null ? null : ts(conflict.resolvedAtMs),
      resolution: conflict.resolution,
    });
    writes.push(writer.set(userCollection(scope, CONFLICTS).doc(conflict.id), data).then(onWrite));
  }
  return writes;
}

async function writeSettingsAsOf(fleet: FleetUser[], asOfMs: number): Promise<void> {
  // A BulkWriter, not one batch: a batch holds at most 500 writes, and the benchmark's fleet has 10,000 users.
  const writer = adminDb().bulkWriter({ throttling: false });
  const writes = fleet.map((user) => {
    const value = settingsAt(user, asOfMs) ?? user.settings[0]!.value;
    const at = [...user.settings].reverse().find((s) => s.atMs <= asOfMs)?.atMs ?? user.signupMs;
    const device = user.devices[0]!.id;
    return writer.set(
      syncSettingsRef(user.history.account),
      contractDoc(ZSyncSettings, {
        enabled: value.enabled,
        collections: { journal: value.journal, mood: value.mood, profile: value.profile },
        updatedAt: ts(at),
        updatedBy: device,
      }),
    );
  });
  await writer.close();
  await Promise.all(writes);
}
