import { readFileSync } from 'node:fs';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, inject, it } from 'vitest';

let env: RulesTestEnvironment;
const [host, port] = inject('firestoreHost').split(':');

beforeAll(async () => {
  setLogLevel('silent'); // denied writes are expected here; the SDK would log each one
  env = await initializeTestEnvironment({
    projectId: 'demo-rules',
    firestore: { host: host!, port: Number(port), rules: readFileSync('firestore.rules', 'utf8') },
  });
});
afterAll(async () => env.cleanup());
beforeEach(async () => env.clearFirestore());

const alice = () => env.authenticatedContext('alice').firestore() as unknown as Firestore;
const bob = () => env.authenticatedContext('bob').firestore() as unknown as Firestore;
const admin = () => env.authenticatedContext('ops', { admin: true }).firestore() as unknown as Firestore;
const anonymous = () => env.unauthenticatedContext().firestore() as unknown as Firestore;

const t = Timestamp.fromMillis(1_764_000_000_000);
const journal = (over: Record<string, unknown> = {}) => ({
  title: 'A walk',
  body: 'To the *lighthouse*.',
  tags: ['walk'],
  createdAt: t,
  updatedAt: t,
  deletedAt: null,
  rev: '1764000000000:0000:ios-1',
  baseRev: null,
  deviceId: 'ios-1',
  syncedAt: serverTimestamp(),
  ...over,
});
const mood = (over: Record<string, unknown> = {}) => ({
  score: 4,
  emotions: ['calm'],
  activities: ['walk'],
  recordedAt: t,
  updatedAt: t,
  deletedAt: null,
  rev: '1764000000000:0000:ios-1',
  baseRev: null,
  deviceId: 'ios-1',
  syncedAt: serverTimestamp(),
  ...over,
});
const device = (over: Record<string, unknown> = {}) => ({
  name: 'iPhone',
  platform: 'ios',
  model: 'iPhone 15',
  appVersion: '3.2.1',
  createdAt: t,
  lastSeenAt: t,
  lastSyncAt: t,
  lastSyncStatus: 'ok',
  pendingChanges: 0,
  revokedAt: null,
  ...over,
});
const DAY_MS = 86_400_000;
// Telemetry must be recent (contract bounds are relative to the write), so it is dated from the real clock.
const syncEvent = (over: Record<string, unknown> = {}) => ({
  deviceId: 'ios-1',
  platform: 'ios',
  appVersion: '3.2.1',
  startedAt: Timestamp.fromMillis(Date.now() - 60_000),
  durationMs: 420,
  status: 'ok',
  pushed: 1,
  pulled: 0,
  conflicts: 0,
  reads: 2,
  writes: 2,
  deletes: 0,
  bytesUp: 300,
  bytesDown: 120,
  ...over,
});
const conflict = (over: Record<string, unknown> = {}) => ({
  collection: 'journal_entries',
  docId: 'e1',
  rev: '1764000000000:0000:android-1',
  deviceId: 'android-1',
  data: { title: 'lost?', body: 'never' },
  detectedAt: t,
  resolvedAt: null,
  ...over,
});

/** Writes a document as the server (rules off), as the Admin SDK does. */
async function seed(path: string, data: Record<string, unknown>) {
  await env.withSecurityRulesDisabled(async (ctx) => {
    await setDoc(doc(ctx.firestore() as unknown as Firestore, path), data);
  });
}

describe('who may read what', () => {
  const cases: [string, () => Firestore, string, boolean][] = [
    ['owner reads own journal', alice, 'users/alice/journal_entries/e1', true],
    ['owner reads own mood', alice, 'users/alice/mood_entries/m1', true],
    ['owner reads own profile', alice, 'users/alice', true],
    ['owner reads own conflicts', alice, 'users/alice/conflicts/c1', true],
    ['another user reads journal', bob, 'users/alice/journal_entries/e1', false],
    ['another user reads devices', bob, 'users/alice/devices/ios-1', false],
    ['another user reads profile', bob, 'users/alice', false],
    ['anonymous reads journal', anonymous, 'users/alice/journal_entries/e1', false],
    ['anonymous reads devices', anonymous, 'users/alice/devices/ios-1', false],
    ['admin reads journal', admin, 'users/alice/journal_entries/e1', false],
    ['admin reads mood', admin, 'users/alice/mood_entries/m1', false],
    ['admin reads conflicts', admin, 'users/alice/conflicts/c1', false],
    ['admin reads profile', admin, 'users/alice', false],
    ['admin reads devices', admin, 'users/alice/devices/ios-1', false],
    ['admin reads sync events', admin, 'users/alice/sync_events/s1', false],
    ['admin reads sync settings', admin, 'users/alice/settings/sync', false],
    ['admin reads rollups', admin, 'metrics/daily/days/2026-11-01', false],
    ['user reads rollups', alice, 'metrics/daily/days/2026-11-01', false],
    ['owner reads derived views', alice, 'users/alice/derived_views/journal-search', false],
  ];
  it.each(cases)('%s', async (_name, who, path, allowed) => {
    const ref = doc(who(), path);
    await (allowed ? assertSucceeds(getDoc(ref)) : assertFails(getDoc(ref)));
  });

  // Contract 2026-12: an admin's browser token is no way around k-anonymity and the audit log.
  it.each(['devices', 'sync_events', 'settings'])(
    "an admin cannot list every user's %s through a collection-group query",
    async (group) => {
      await seed(`users/alice/${group}/x1`, { any: 1 });
      await assertFails(getDocs(collectionGroup(admin(), group)));
    },
  );
});

describe('journal entries', () => {
  const path = 'users/alice/journal_entries/e1';
  it('the owner writes a valid entry', async () => {
    await assertSucceeds(setDoc(doc(alice(), path), journal()));
    await assertSucceeds(
      setDoc(
        doc(alice(), path),
        journal({ mood: 3, baseRev: '1764000000000:0000:ios-1', rev: '1764000000001:0000:ios-1' }),
      ),
    );
  });
  it('nobody else writes it', async () => {
    await assertFails(setDoc(doc(bob(), path), journal()));
    await assertFails(setDoc(doc(anonymous(), path), journal()));
    await assertFails(setDoc(doc(admin(), path), journal()));
  });
  const invalid: [string, Record<string, unknown>][] = [
    ['a 201-character title', { title: 'x'.repeat(201) }],
    ['a body over 100,000 characters', { body: 'x'.repeat(100_001) }],
    ['31 tags', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }],
    ['mood 6', { mood: 6 }],
    ['mood 0', { mood: 0 }],
    ['a string title', { title: 5 }],
    ['a missing rev', { rev: undefined }],
    ['a malformed rev', { rev: '17640:1:ios' }],
    ['a client-chosen syncedAt', { syncedAt: t }],
    ['an unknown field', { extra: true }],
    ['a deletedAt that is not a timestamp', { deletedAt: 'yesterday' }],
    ['a device id with a slash', { deviceId: 'ios/1' }],
  ];
  it.each(invalid)('refuses %s', async (_name, over) => {
    const data = journal(over);
    for (const key of Object.keys(data))
      if (data[key as keyof typeof data] === undefined) delete data[key as keyof typeof data];
    await assertFails(setDoc(doc(alice(), path), data));
  });
  it('accepts the limits exactly', async () => {
    await assertSucceeds(
      setDoc(
        doc(alice(), path),
        journal({
          title: 'x'.repeat(200),
          body: 'y'.repeat(100_000),
          tags: Array.from({ length: 30 }, (_, i) => `t${i}`),
        }),
      ),
    );
  });
  it('refuses hard deletes: entries are tombstoned', async () => {
    await seed(path, { ...journal(), syncedAt: t });
    await assertFails(deleteDoc(doc(alice(), path)));
    await assertSucceeds(
      setDoc(
        doc(alice(), path),
        journal({ deletedAt: t, rev: '1764000000002:0000:ios-1', baseRev: '1764000000000:0000:ios-1' }),
      ),
    );
  });
});

describe('mood entries', () => {
  const path = 'users/alice/mood_entries/m1';
  it('the owner writes a valid check-in', async () => {
    await assertSucceeds(setDoc(doc(alice(), path), mood({ note: 'ok' })));
  });
  it.each([
    ['score 0', { score: 0 }],
    ['score 6', { score: 6 }],
    ['score 2.5', { score: 2.5 }],
    ['a 2,001-character note', { note: 'n'.repeat(2001) }],
    ['emotions as a string', { emotions: 'calm' }],
  ])('refuses %s', async (_name, over) => {
    await assertFails(setDoc(doc(alice(), path), mood(over)));
  });
});

describe('revoked devices', () => {
  beforeEach(async () => {
    await seed('users/alice/devices/ios-1', device({ revokedAt: t }));
  });
  it('cannot write entries', async () => {
    await assertFails(setDoc(doc(alice(), 'users/alice/journal_entries/e1'), journal()));
    await assertFails(setDoc(doc(alice(), 'users/alice/mood_entries/m1'), mood()));
  });
  it('cannot change sync settings', async () => {
    const settings = {
      enabled: false,
      collections: { journal: true, mood: true, profile: true },
      updatedAt: t,
      updatedBy: 'ios-1',
    };
    await assertFails(setDoc(doc(alice(), 'users/alice/settings/sync'), settings));
  });
  it('cannot update its own device doc', async () => {
    await assertFails(setDoc(doc(alice(), 'users/alice/devices/ios-1'), device()));
  });
  it('cannot write a conflict copy', async () => {
    await assertFails(
      setDoc(
        doc(alice(), 'users/alice/conflicts/c1'),
        conflict({ deviceId: 'ios-1', rev: '1764000000000:0000:ios-1' }),
      ),
    );
  });
  it('may only report that it was revoked', async () => {
    await assertFails(setDoc(doc(alice(), 'users/alice/sync_events/s1'), syncEvent()));
    await assertSucceeds(
      setDoc(doc(alice(), 'users/alice/sync_events/s2'), syncEvent({ status: 'error', errorCode: 'device-revoked' })),
    );
  });
  it('leaves other devices writing', async () => {
    await assertSucceeds(
      setDoc(
        doc(alice(), 'users/alice/journal_entries/e1'),
        journal({ deviceId: 'android-1', rev: '1764000000000:0000:android-1' }),
      ),
    );
  });
});

describe('devices', () => {
  it('a device registers itself, unrevoked', async () => {
    await assertSucceeds(setDoc(doc(alice(), 'users/alice/devices/ios-1'), device()));
    await assertFails(setDoc(doc(alice(), 'users/alice/devices/ios-2'), device({ revokedAt: t })));
  });
  it('clients cannot revoke or un-revoke; that is the server', async () => {
    await seed('users/alice/devices/ios-1', device());
    await assertFails(updateDoc(doc(alice(), 'users/alice/devices/ios-1'), { revokedAt: t }));
    await assertSucceeds(
      updateDoc(doc(alice(), 'users/alice/devices/ios-1'), { pendingChanges: 3, lastSyncStatus: 'error' }),
    );
    await assertFails(updateDoc(doc(alice(), 'users/alice/devices/ios-1'), { platform: 'android' }));
  });
  it('another user cannot register a device for alice', async () => {
    await assertFails(setDoc(doc(bob(), 'users/alice/devices/ios-9'), device()));
  });
});

describe('telemetry', () => {
  it('the owner writes sync events; nobody updates them', async () => {
    await assertSucceeds(
      setDoc(doc(alice(), 'users/alice/sync_events/s1'), syncEvent({ status: 'error', errorCode: 'unavailable' })),
    );
    await assertFails(updateDoc(doc(alice(), 'users/alice/sync_events/s1'), { durationMs: 1 }));
    await assertFails(setDoc(doc(alice(), 'users/alice/sync_events/s2'), syncEvent({ durationMs: -1 })));
    await assertFails(setDoc(doc(alice(), 'users/alice/sync_events/s3'), syncEvent({ pushed: 1.5 })));
    await assertFails(setDoc(doc(admin(), 'users/alice/sync_events/s4'), syncEvent()));
  });

  // Contract "Telemetry": a phone that ignores the bounds cannot poison the SLO, cost and rollup pages.
  const outOfBounds: [string, Record<string, unknown>][] = [
    ['startedAt a year ahead', { startedAt: Timestamp.fromMillis(Date.now() + 365 * DAY_MS) }],
    ['startedAt two days ahead', { startedAt: Timestamp.fromMillis(Date.now() + 2 * DAY_MS) }],
    ['startedAt 31 days ago', { startedAt: Timestamp.fromMillis(Date.now() - 31 * DAY_MS) }],
    ['durationMs over a day', { durationMs: 86_400_001 }],
    ['a count over a million', { pushed: 1_000_001 }],
    ['reads over a million', { reads: 1_000_001 }],
    ['merged over a million', { merged: 1_000_001 }],
    ['merged not an integer', { merged: 0.5 }],
    ['bytesDown over 10 GB', { bytesDown: 10_000_000_001 }],
    ['an unknown field', { cost: 0 }],
  ];
  it.each(outOfBounds)('refuses %s', async (_name, over) => {
    await assertFails(setDoc(doc(alice(), 'users/alice/sync_events/bad'), syncEvent(over)));
  });
  it('accepts every bound exactly, and the merged count', async () => {
    const atBounds = {
      durationMs: 86_400_000,
      pushed: 1_000_000,
      pulled: 1_000_000,
      conflicts: 1_000_000,
      merged: 1_000_000,
      reads: 1_000_000,
      writes: 1_000_000,
      deletes: 1_000_000,
      bytesUp: 10_000_000_000,
      bytesDown: 10_000_000_000,
    };
    await assertSucceeds(setDoc(doc(alice(), 'users/alice/sync_events/max'), syncEvent(atBounds)));
    await assertSucceeds(
      setDoc(
        doc(alice(), 'users/alice/sync_events/old'),
        syncEvent({ startedAt: Timestamp.fromMillis(Date.now() - 29 * DAY_MS) }),
      ),
    );
    await assertSucceeds(
      setDoc(
        doc(alice(), 'users/alice/sync_events/ahead'),
        syncEvent({ startedAt: Timestamp.fromMillis(Date.now() + 23 * 3_600_000) }),
      ),
    );
  });
});

describe('conflicts', () => {
  const path = 'users/alice/conflicts/c1';
  it('the protocol records a loser whole', async () => {
    await assertSucceeds(setDoc(doc(alice(), path), conflict()));
    await assertFails(
      setDoc(doc(alice(), 'users/alice/conflicts/c2'), conflict({ resolvedAt: t, resolution: 'restored' })),
    );
  });
  it('keeps the base a merge needs', async () => {
    await assertSucceeds(setDoc(doc(alice(), path), conflict({ base: { title: 'A walk', body: 'To the sea.' } })));
    await assertFails(setDoc(doc(alice(), 'users/alice/conflicts/c2'), conflict({ base: 'the old text' })));
  });
  it("an automatic merge records its loser resolved at the commit, with the merge's rev", async () => {
    const merged = {
      base: { body: 'a' },
      mergedRev: '1764000000500:0001:ios-1',
      resolvedAt: serverTimestamp(),
      resolution: 'auto-merged',
    };
    await assertSucceeds(setDoc(doc(alice(), path), conflict(merged)));
    await assertFails(setDoc(doc(alice(), 'users/alice/conflicts/c2'), conflict({ ...merged, mergedRev: null })));
    await assertFails(setDoc(doc(alice(), 'users/alice/conflicts/c3'), conflict({ ...merged, resolvedAt: t })));
    await assertFails(
      setDoc(doc(alice(), 'users/alice/conflicts/c4'), conflict({ ...merged, resolution: 'restored' })),
    );
    await assertFails(
      setDoc(doc(alice(), 'users/alice/conflicts/c5'), conflict({ mergedRev: '1764000000500:0001:ios-1' })),
    );
  });
  it('resolution only stamps resolvedAt and resolution', async () => {
    await seed(path, conflict());
    await assertFails(updateDoc(doc(alice(), path), { data: {} }));
    await assertFails(updateDoc(doc(alice(), path), { resolvedAt: t, resolution: 'deleted-it' }));
    await assertSucceeds(updateDoc(doc(alice(), path), { resolvedAt: t, resolution: 'restored' }));
  });
  it('a conflict is never deleted by a client', async () => {
    await seed(path, conflict());
    await assertFails(deleteDoc(doc(alice(), path)));
  });
});

describe('profile and settings', () => {
  it('validates the profile', async () => {
    const profile = { displayName: 'Alice', timezone: 'Europe/Berlin', createdAt: t, updatedAt: t };
    await assertSucceeds(setDoc(doc(alice(), 'users/alice'), profile));
    await assertFails(setDoc(doc(alice(), 'users/alice'), { ...profile, displayName: 7 }));
    await assertFails(setDoc(doc(alice(), 'users/alice'), { ...profile, admin: true }));
    await assertFails(setDoc(doc(bob(), 'users/alice'), profile));
  });
  it('validates sync settings', async () => {
    const settings = {
      enabled: true,
      collections: { journal: true, mood: false, profile: true },
      updatedAt: t,
      updatedBy: 'ios-1',
    };
    await assertSucceeds(setDoc(doc(alice(), 'users/alice/settings/sync'), settings));
    await assertFails(
      setDoc(doc(alice(), 'users/alice/settings/sync'), {
        ...settings,
        collections: { journal: 'yes', mood: true, profile: true },
      }),
    );
    await assertFails(setDoc(doc(alice(), 'users/alice/settings/other'), settings));
  });
});

describe('dashboard-owned paths (lib/metrics)', () => {
  const paths = [
    'metrics/state',
    'metrics/rollups/sync_days/2026-11',
    'metrics/usage/user_months/p0123456789abcdef_2026-11',
    'audit_log/a1',
    'internal/metrics-pseudonym-key',
  ];
  beforeEach(async () => {
    for (const path of paths) await seed(path, { any: 1 });
  });
  const reads: [string, () => Firestore, string, boolean][] = [
    ['admin reads the rollup state', admin, 'metrics/state', false],
    ['admin reads day rollups', admin, 'metrics/rollups/sync_days/2026-11', false],
    ['admin reads pseudonymous usage', admin, 'metrics/usage/user_months/p0123456789abcdef_2026-11', false],
    ['a user reads rollups', alice, 'metrics/rollups/sync_days/2026-11', false],
    ['anonymous reads rollups', anonymous, 'metrics/state', false],
    // The audit log is read through the server's admin page, never by a client.
    ['admin reads the audit log directly', admin, 'audit_log/a1', false],
    ['a user reads the audit log', alice, 'audit_log/a1', false],
    // Whoever could read the HMAC key could re-identify pseudonymous ids: nobody.
    ['admin reads the pseudonym key', admin, 'internal/metrics-pseudonym-key', false],
    ['a user reads the pseudonym key', alice, 'internal/metrics-pseudonym-key', false],
  ];
  it.each(reads)('%s', async (_name, who, path, allowed) => {
    await (allowed ? assertSucceeds(getDoc(doc(who(), path))) : assertFails(getDoc(doc(who(), path))));
  });
  it.each(paths)('no client writes %s, admins included', async (path) => {
    for (const who of [admin, alice]) {
      await assertFails(setDoc(doc(who(), path), { forged: true }));
      await assertFails(deleteDoc(doc(who(), path)));
    }
  });
});

// Issue 13: the portal's Firebase sign-in comes from a custom token bound to its web session's device
// (`webDevice`). Revoking that browser on the devices page must end its Firestore access at once, not when its
// ID token expires an hour later. Phones sign in with a password and carry no such claim (every test above).
describe('browser sessions (custom tokens bound to a web device)', () => {
  const browser = (deviceId = 'web-0123456789abcdef0123', claims: Record<string, unknown> = {}) =>
    env
      .authenticatedContext('alice', { webDevice: deviceId, firebase: { sign_in_provider: 'custom' }, ...claims })
      .firestore() as unknown as Firestore;
  const adminBrowser = () => browser('web-0123456789abcdef0123', { admin: true });
  const webDevice = (over: Record<string, unknown> = {}) =>
    device({
      name: 'Chrome on Linux',
      platform: 'web',
      model: 'Chrome',
      lastSyncAt: null,
      lastSyncStatus: null,
      ...over,
    });
  const paths = [
    'users/alice',
    'users/alice/journal_entries/e1',
    'users/alice/mood_entries/m1',
    'users/alice/conflicts/c1',
    'users/alice/settings/sync',
    'users/alice/devices/ios-1',
    'users/alice/sync_events/s1',
  ];
  beforeEach(async () => {
    await seed('users/alice/journal_entries/e1', { ...journal(), syncedAt: t });
    await seed('users/alice/mood_entries/m1', { ...mood(), syncedAt: t });
  });

  it('reads and writes like its owner while its web device is active', async () => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice());
    for (const path of paths) await assertSucceeds(getDoc(doc(browser(), path)));
    await assertSucceeds(
      setDoc(
        doc(browser(), 'users/alice/journal_entries/e2'),
        journal({ deviceId: 'web-0123456789abcdef0123', rev: '1764000000000:0000:web-1' }),
      ),
    );
  });

  it.each(paths)('reads nothing once its web device is revoked: %s', async (path) => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice({ revokedAt: t }));
    await assertFails(getDoc(doc(browser(), path)));
  });

  it('lists nothing and writes nothing once revoked, even for another device id', async () => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice({ revokedAt: t }));
    await assertFails(getDocs(collection(browser(), 'users/alice/journal_entries')));
    await assertFails(setDoc(doc(browser(), 'users/alice/journal_entries/e2'), journal({ deviceId: 'ios-1' })));
    await assertFails(setDoc(doc(browser(), 'users/alice/mood_entries/m2'), mood({ deviceId: 'ios-1' })));
    await assertFails(setDoc(doc(browser(), 'users/alice/devices/web-new'), webDevice()));
    await assertFails(setDoc(doc(browser(), 'users/alice/sync_events/s2'), syncEvent({ deviceId: 'ios-1' })));
  });

  it('may still read its own device doc and report that it was revoked, so an open tab signs out', async () => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice({ revokedAt: t }));
    await assertSucceeds(getDoc(doc(browser(), 'users/alice/devices/web-0123456789abcdef0123')));
    const revokedReport = syncEvent({
      deviceId: 'web-0123456789abcdef0123',
      platform: 'web',
      status: 'error',
      errorCode: 'device-revoked',
    });
    await assertSucceeds(setDoc(doc(browser(), 'users/alice/sync_events/s3'), revokedReport));
    await assertFails(setDoc(doc(browser(), 'users/alice/sync_events/s4'), { ...revokedReport, deviceId: 'ios-1' }));
  });

  it('reads nothing when its web device does not exist (ended and deleted, or never a session)', async () => {
    await assertFails(getDoc(doc(browser(), 'users/alice/journal_entries/e1')));
    await assertFails(getDoc(doc(browser('web-unknown'), 'users/alice')));
  });

  it('an admin browser reads no fleet metadata once revoked', async () => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice({ revokedAt: t }));
    await seed('metrics/state', { any: 1 });
    await assertFails(getDoc(doc(adminBrowser(), 'metrics/state')));
    await assertFails(getDocs(collectionGroup(adminBrowser(), 'devices')));
  });

  it('leaves phones (password sign-in, no claim) as they were', async () => {
    await seed('users/alice/devices/web-0123456789abcdef0123', webDevice({ revokedAt: t }));
    await assertSucceeds(getDoc(doc(alice(), 'users/alice/journal_entries/e1')));
    await assertSucceeds(setDoc(doc(alice(), 'users/alice/journal_entries/e3'), journal()));
  });
});
