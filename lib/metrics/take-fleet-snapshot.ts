import 'server-only';
import { FieldPath, Timestamp, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { CONFLICTS, DEVICES, SETTINGS, SYNC_SETTINGS_DOC, USERS } from '@/lib/contract/paths';
import { PLATFORMS } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { readDocs, runCount } from '@/lib/firebase/metered';
import { fleetDaysRef } from './metrics-refs';
import { ROLLUP_VERSION, ZFleetDaysDoc, type FleetDaysDoc, type FleetSnapshot } from './rollup-types';
import { scanQuery } from './scan-query';
import { DAY_MS, monthOf, utcDay } from './utc-days';
import { sameContent } from './write-if-changed';

/** The data-loss indicator: conflicts nobody resolved within this many days. */
export const STALE_CONFLICT_DAYS = 7;
const ACTIVE_DAYS = 30;
export const NO_DEVICE = 'none';

type DeviceMeta = {
  uid: string;
  platform: string;
  createdAtMs: number | null;
  lastSyncAtMs: number | null;
  revokedAtMs: number | null;
};
const millis = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : null);
const uidOf = (doc: QueryDocumentSnapshot) => doc.ref.parent.parent?.id ?? '';

/** Field masks (no names, no models); conflicts are counted with `count()`, never read. */
export async function takeFleetSnapshot(options: {
  nowMs: number;
  asOfMs?: number;
}): Promise<FleetSnapshot & { writes: number }> {
  const replay = options.asOfMs !== undefined;
  const asOf = options.asOfMs ?? options.nowMs;
  const db = adminDb();
  const users = new Map<string, number | null>();
  await scanQuery(db.collection(USERS).select('createdAt').orderBy(FieldPath.documentId()), (docs) => {
    for (const doc of docs) users.set(doc.id, millis(doc.get('createdAt')));
  });
  const settings = new Map<string, { enabled: boolean; journal: boolean; mood: boolean; profile: boolean }>();
  await scanQuery(
    db.collectionGroup(SETTINGS).select('enabled', 'collections').orderBy(FieldPath.documentId()),
    (docs) => {
      for (const doc of docs) {
        if (doc.id !== SYNC_SETTINGS_DOC) continue;
        const collections = (doc.get('collections') ?? {}) as Record<string, unknown>;
        settings.set(uidOf(doc), {
          enabled: doc.get('enabled') === true,
          journal: collections.journal === true,
          mood: collections.mood === true,
          profile: collections.profile === true,
        });
      }
    },
  );
  const devices: DeviceMeta[] = [];
  await scanQuery(
    db
      .collectionGroup(DEVICES)
      .select('platform', 'createdAt', 'lastSyncAt', 'revokedAt')
      .orderBy(FieldPath.documentId()),
    (docs) => {
      for (const doc of docs) {
        devices.push({
          uid: uidOf(doc),
          platform: String(doc.get('platform') ?? 'unknown'),
          createdAtMs: millis(doc.get('createdAt')),
          lastSyncAtMs: millis(doc.get('lastSyncAt')),
          revokedAtMs: millis(doc.get('revokedAt')),
        });
      }
    },
  );

  const existedThen = (createdAtMs: number | null) => createdAtMs === null || createdAtMs <= asOf;
  const liveDevices = devices.filter((d) => existedThen(d.createdAtMs));
  const isRevoked = (d: DeviceMeta) => d.revokedAtMs !== null && d.revokedAtMs <= asOf;
  const isActive = (d: DeviceMeta) =>
    !isRevoked(d) && d.lastSyncAtMs !== null && d.lastSyncAtMs > asOf - ACTIVE_DAYS * DAY_MS;

  const uids = new Set<string>();
  for (const [uid, createdAtMs] of users) if (existedThen(createdAtMs)) uids.add(uid);
  // A replayed day counts only users who had signed up by then.
  for (const uid of settings.keys()) if (!replay || existedThen(users.get(uid) ?? null)) uids.add(uid);
  for (const device of liveDevices) uids.add(device.uid);
  const platformsOf = new Map<string, Set<string>>();
  for (const device of liveDevices)
    if (!isRevoked(device))
      platformsOf.set(device.uid, (platformsOf.get(device.uid) ?? new Set()).add(device.platform));

  const snapshot: FleetSnapshot = {
    takenAtMs: options.nowMs,
    users: 0,
    enabled: 0,
    types: { journal: 0, mood: 0, profile: 0 },
    byPlatform: {},
    devices: { total: 0, active30d: replay ? null : 0, revoked: 0, byPlatform: {} },
    conflicts: null,
  };
  for (const uid of uids) {
    // A user without a settings document never turned sync on.
    const s = settings.get(uid) ?? { enabled: false, journal: false, mood: false, profile: false };
    const on = (type: boolean) => (s.enabled && type ? 1 : 0);
    snapshot.users += 1;
    snapshot.enabled += s.enabled ? 1 : 0;
    snapshot.types.journal += on(s.journal);
    snapshot.types.mood += on(s.mood);
    snapshot.types.profile += on(s.profile);
    for (const platform of platformsOf.get(uid) ?? [NO_DEVICE]) {
      const p = (snapshot.byPlatform[platform] ??= { users: 0, enabled: 0, journal: 0, mood: 0, profile: 0 });
      p.users += 1;
      p.enabled += s.enabled ? 1 : 0;
      p.journal += on(s.journal);
      p.mood += on(s.mood);
      p.profile += on(s.profile);
    }
  }
  for (const device of liveDevices) {
    const p = (snapshot.devices.byPlatform[device.platform] ??= { total: 0, active30d: replay ? null : 0 });
    if (isRevoked(device)) {
      snapshot.devices.revoked += 1;
      continue;
    }
    snapshot.devices.total += 1;
    p.total += 1;
    if (!replay && isActive(device)) {
      snapshot.devices.active30d! += 1;
      p.active30d! += 1;
    }
  }
  if (!replay) {
    const open = db.collectionGroup(CONFLICTS).where('resolvedAt', '==', null);
    const [unresolved, stale] = await Promise.all([
      runCount(open),
      runCount(open.where('detectedAt', '<', Timestamp.fromMillis(asOf - STALE_CONFLICT_DAYS * DAY_MS))),
    ]);
    snapshot.conflicts = { unresolved, stale, staleDays: STALE_CONFLICT_DAYS };
  }

  const writes = await writeFleetDays(utcDay(asOf), snapshot, newDevicesByDay(liveDevices));
  return { ...snapshot, writes };
}

function newDevicesByDay(devices: DeviceMeta[]): Map<string, Record<string, Record<string, number>>> {
  const byMonth = new Map<string, Record<string, Record<string, number>>>();
  for (const device of devices) {
    if (device.createdAtMs === null) continue;
    const day = utcDay(device.createdAtMs);
    const month = byMonth.get(monthOf(day)) ?? {};
    const counts = (month[day] ??= Object.fromEntries(PLATFORMS.map((p) => [p, 0])));
    counts[device.platform] = (counts[device.platform] ?? 0) + 1;
    byMonth.set(monthOf(day), month);
  }
  return byMonth;
}

async function writeFleetDays(
  day: string,
  snapshot: FleetSnapshot,
  newDevices: Map<string, Record<string, Record<string, number>>>,
): Promise<number> {
  const months = [...new Set([monthOf(day), ...newDevices.keys()])].sort();
  const refs = months.map(fleetDaysRef);
  const existing = await readDocs(adminDb(), refs);
  const batch = adminDb().batch();
  let writes = 0;
  months.forEach((month, i) => {
    const parsed = ZFleetDaysDoc.safeParse(existing[i]?.data());
    const data: FleetDaysDoc = {
      version: ROLLUP_VERSION,
      month,
      days: { ...(parsed.success ? parsed.data.days : {}), ...(month === monthOf(day) ? { [day]: snapshot } : {}) },
      newDevices: newDevices.get(month) ?? {},
    };
    if (!sameContent(existing[i]?.data(), data)) {
      batch.set(refs[i]!, data);
      writes += 1;
    }
  });
  if (writes > 0) await batch.commit();
  return writes;
}
