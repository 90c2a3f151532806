import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Timestamp } from 'firebase-admin/firestore';
import { Timestamp as ClientTimestamp, doc, setDoc, serverTimestamp } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { CONFLICTS, DEVICES, JOURNAL_ENTRIES, MOOD_ENTRIES, SYNC_EVENTS } from '@/lib/contract/paths';
import { ZSyncEvent } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { fileStore } from '@/lib/sync/stores/file-store';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { SyncError, type DeviceIdentity, type SyncCloud, type SyncCollection } from '@/lib/sync/types';
import { webCloud } from '@/lib/sync/web-cloud';
import { signedInFirestore } from '../helpers/client-sdk';
import { signInFromStolenCookie } from '../security/sessions/attacker';
import { createTestUser, sessionCookieFor } from '../helpers/users';

const phone = (id: string, platform: DeviceIdentity['platform'] = 'ios'): DeviceIdentity => ({
  id,
  platform,
  appVersion: '3.2.1',
  name: id,
  model: 'Test',
});

/** A connection with switches for being offline and for failing the next push before or after its commit. */
function faulty(cloud: SyncCloud, mergedInto = new Map<string, string>()) {
  const network = { offline: false, nextFault: null as null | 'before-commit' | 'after-commit' };
  const guard = <T>(run: () => Promise<T>) => {
    if (network.offline) return Promise.reject(new SyncError('unavailable', 'offline'));
    return run();
  };
  const wrapped: SyncCloud = {
    readSettings: () => guard(() => cloud.readSettings()),
    readDevice: (id) => guard(() => cloud.readDevice(id)),
    pullPage: (c, a, l) => guard(() => cloud.pullPage(c, a, l)),
    recordAttempt: (d, a, p, r) => guard(() => cloud.recordAttempt(d, a, p, r)),
    timestamp: cloud.timestamp,
    pushEntry: (c, id, v, merge) =>
      guard(async () => {
        const fault = network.nextFault;
        network.nextFault = null;
        if (fault === 'before-commit') throw new SyncError('unavailable', 'failed before the commit');
        const result = await cloud.pushEntry(c, id, v, merge);
        // An automatic merge holds this version: the version it made (or a retry found) must be preserved.
        if (result.mergedRev) mergedInto.set(v.rev, result.mergedRev);
        if (result.decision === 'merged')
          mergedInto.set(`made:${c}/${id}:${result.winner.rev}`, result.winner.baseRev ?? '');
        if (fault === 'after-commit') throw new SyncError('deadline-exceeded', 'committed, answer lost');
        return result;
      }),
  };
  return { cloud: wrapped, network };
}

async function cloudDocs(uid: string, collection: string) {
  const snapshot = await userCollection({ uid }, collection).get();
  return new Map(snapshot.docs.map((d) => [d.id, d.data()]));
}

describe('the protocol on the real emulator, through the security rules', () => {
  it('loses nothing over random schedules (a smaller run of the property)', async () => {
    const COLLECTIONS: SyncCollection[] = [JOURNAL_ENTRIES, MOOD_ENTRIES];
    const op = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('edit' as const),
          device: fc.nat(2),
          collection: fc.nat(1),
          doc: fc.nat(1),
          text: fc.string({ maxLength: 6 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('delete' as const),
          device: fc.nat(2),
          collection: fc.nat(1),
          doc: fc.nat(1),
        }),
      },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: fc.nat(2) }) },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('offline' as const), device: fc.nat(2), offline: fc.boolean() }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('fault' as const),
          device: fc.nat(2),
          fault: fc.constantFrom('before-commit' as const, 'after-commit' as const),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -600_000, max: 600_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(op, { minLength: 1, maxLength: 18 }),
        async (skews, ops) => {
          const user = await createTestUser();
          const db = await signedInFirestore(user.uid);
          let time = Date.now();
          const mergedInto = new Map<string, string>();
          const links = [0, 1, 2].map(() => faulty(webCloud(db, user.uid), mergedInto));
          const clients = await Promise.all(
            links.map((link, i) =>
              SyncClient.open({
                device: phone(`dev-${i}`, i === 2 ? 'web' : 'ios'),
                cloud: link.cloud,
                store: memoryStore(),
                now: () => time + skews[i]!,
              }),
            ),
          );
          const made = new Map<string, { rev: string; baseRev: string | null }[]>();
          const replaced = new Set<string>();
          for (const step of ops) {
            time += 1000;
            const client = clients[step.device]!;
            if (step.kind === 'edit' || step.kind === 'delete') {
              const collection = COLLECTIONS[step.collection]!;
              const id = `doc-${step.doc}`;
              const seen = client.get(collection, id);
              if (step.kind === 'delete' && !seen) continue; // only what the device holds can be deleted
              if (seen) replaced.add(seen.rev);
              const version =
                step.kind === 'delete'
                  ? await client.remove(collection, id)
                  : await client.edit(
                      collection,
                      id,
                      collection === JOURNAL_ENTRIES
                        ? {
                            title: step.text,
                            body: step.text,
                            tags: [],
                            mood: null,
                            createdAt: client.get(collection, id)?.createdAt ?? ClientTimestamp.fromMillis(time),
                          }
                        : {
                            score: 2,
                            emotions: [],
                            activities: [],
                            note: step.text,
                            recordedAt: ClientTimestamp.fromMillis(time),
                          },
                    );
              const key = `${collection}/${id}`;
              made.set(key, [...(made.get(key) ?? []), { rev: version.rev, baseRev: version.baseRev }]);
            } else if (step.kind === 'sync') await client.sync();
            else if (step.kind === 'offline') links[step.device]!.network.offline = step.offline;
            else links[step.device]!.network.nextFault = step.fault;
          }
          for (const link of links) Object.assign(link.network, { offline: false, nextFault: null });
          for (let round = 0; round < 2; round++)
            for (const client of clients) expect((await client.sync()).status).toBe('ok');

          const conflicts = [...(await cloudDocs(user.uid, CONFLICTS)).values()];
          for (const collection of COLLECTIONS) {
            const cloud = await cloudDocs(user.uid, collection);
            for (const id of ['doc-0', 'doc-1']) {
              const current = cloud.get(id);
              for (const client of clients)
                expect(client.get(collection, id)?.rev ?? null).toBe((current?.rev as string | undefined) ?? null);
              // Preserved: the cloud's version, a conflict, or built upon by a preserved version.
              // The merges' own versions chain to their bases too.
              const prefix = `made:${collection}/${id}:`;
              const merges = [...mergedInto]
                .filter(([key]) => key.startsWith(prefix))
                .map(([key, baseRev]) => ({ rev: key.slice(prefix.length), baseRev }));
              const versions = made.get(`${collection}/${id}`) ?? [];
              const preserved = new Set<string>([
                ...(current ? [current.rev as string] : []),
                ...conflicts.filter((c) => c.collection === collection && c.docId === id).map((c) => c.rev as string),
              ]);
              for (let grew = true; grew;) {
                grew = false;
                for (const v of [...versions, ...merges]) {
                  if (v.baseRev && preserved.has(v.rev) && !preserved.has(v.baseRev)) {
                    preserved.add(v.baseRev);
                    grew = true;
                  }
                  const merged = mergedInto.get(v.rev);
                  if (merged && preserved.has(merged) && !preserved.has(v.rev)) {
                    preserved.add(v.rev);
                    grew = true;
                  }
                }
              }
              for (const v of versions) expect(preserved.has(v.rev) || replaced.has(v.rev)).toBe(true);
            }
          }
          for (const client of clients) expect(client.pendingCount()).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);

  it('writes the loser of a concurrent edit to conflicts whole, and both devices converge', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    let time = Date.now();
    const a = await SyncClient.open({
      device: phone('ios-a'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
      now: () => time,
    });
    const b = await SyncClient.open({
      device: phone('android-b', 'android'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
      now: () => time,
    });
    const fields = { title: 'Shared', body: 'v1', tags: ['x'], mood: 3, createdAt: ClientTimestamp.fromMillis(time) };
    await a.edit(JOURNAL_ENTRIES, 'e1', fields);
    await a.sync();
    await b.sync();
    time += 1000;
    await a.edit(JOURNAL_ENTRIES, 'e1', { body: 'from the iPhone' });
    time += 1000;
    await b.edit(JOURNAL_ENTRIES, 'e1', { body: 'from the Android' });
    expect((await a.sync()).status).toBe('ok');
    const report = await b.sync();
    expect(report).toMatchObject({ status: 'ok', conflicts: 1, pushed: 1 });
    await a.sync();
    const cloud = (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()!;
    expect(cloud.body).toBe('from the Android');
    expect(a.get(JOURNAL_ENTRIES, 'e1')?.rev).toBe(cloud.rev);
    const conflicts = await userCollection(user, CONFLICTS).get();
    expect(conflicts.size).toBe(1);
    expect(conflicts.docs[0]!.data()).toMatchObject({
      collection: JOURNAL_ENTRIES,
      docId: 'e1',
      deviceId: 'ios-a',
      resolvedAt: null,
      data: { title: 'Shared', body: 'from the iPhone', tags: ['x'], mood: 3 },
    });
    expect(conflicts.docs[0]!.get('data.syncedAt')).toBeInstanceOf(Timestamp);
  });

  it('merges concurrent edits of different fields through the rules, and records the loser as auto-merged', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    let time = Date.now();
    const a = await SyncClient.open({
      device: phone('ios-a'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
      now: () => time,
    });
    const b = await SyncClient.open({
      device: phone('android-b', 'android'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
      now: () => time,
    });
    await a.edit(JOURNAL_ENTRIES, 'e1', {
      title: 'Shared',
      body: 'v1\n',
      tags: ['x'],
      mood: 3,
      createdAt: ClientTimestamp.fromMillis(time),
    });
    await a.sync();
    await b.sync();
    time += 1000;
    await a.edit(JOURNAL_ENTRIES, 'e1', { body: 'v1\nfrom the iPhone\n', tags: ['x', 'walk'] });
    time += 1000;
    await b.edit(JOURNAL_ENTRIES, 'e1', { title: 'Shared 🌊', mood: 4 });
    expect((await a.sync()).status).toBe('ok');
    expect(await b.sync()).toMatchObject({ status: 'ok', conflicts: 1, merged: 1 });
    await a.sync();
    const cloud = (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()!;
    expect(cloud).toMatchObject({
      title: 'Shared 🌊',
      body: 'v1\nfrom the iPhone\n',
      tags: ['x', 'walk'],
      mood: 4,
      deviceId: 'android-b',
    });
    expect(a.get(JOURNAL_ENTRIES, 'e1')?.rev).toBe(cloud.rev);
    const [conflict] = (await userCollection(user, CONFLICTS).get()).docs.map((d) => d.data());
    expect(conflict).toMatchObject({
      deviceId: 'ios-a',
      rev: cloud.baseRev,
      mergedRev: cloud.rev,
      resolution: 'auto-merged',
      base: { body: 'v1\n', mood: 3 },
    });
    expect(conflict!.resolvedAt).toBeInstanceOf(Timestamp);
    expect((conflict!.resolvedAt as Timestamp).isEqual(conflict!.detectedAt as Timestamp)).toBe(true);
    const events = (await userCollection(user, SYNC_EVENTS).where('deviceId', '==', 'android-b').get()).docs.map((d) =>
      ZSyncEvent.parse(d.data()),
    );
    expect(events.map((e) => e.merged)).toContain(1);
  });

  it('refuses a revoked device: the rules deny its writes, and it stops with device-revoked', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    const device = phone('ios-revoked');
    const client = await SyncClient.open({ device, cloud: webCloud(db, user.uid), store: memoryStore() });
    await client.edit(JOURNAL_ENTRIES, 'e1', {
      title: 't',
      body: 'b',
      tags: [],
      mood: null,
      createdAt: ClientTimestamp.now(),
    });
    expect((await client.sync()).status).toBe('ok');
    await userCollection(user, DEVICES).doc(device.id).update({ revokedAt: Timestamp.now() });
    await client.edit(JOURNAL_ENTRIES, 'e1', { body: 'after revocation' });
    const report = await client.sync();
    expect(report).toMatchObject({ status: 'error', errorCode: 'device-revoked', revoked: true, pending: 1 });
    // Even a device that skips its own check is refused by the rules.
    await expect(
      webCloud(db, user.uid).pushEntry(JOURNAL_ENTRIES, 'e1', client.get(JOURNAL_ENTRIES, 'e1')!),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).get('body')).toBe('b');
    const events = (await userCollection(user, SYNC_EVENTS).orderBy('startedAt').get()).docs.map((d) => d.data());
    expect(events.at(-1)).toMatchObject({ status: 'error', errorCode: 'device-revoked', deviceId: device.id });
  });

  it('a revoked browser session stops with device-revoked, though the rules now refuse it everything but its own device doc', async () => {
    const user = await createTestUser();
    const session = await sessionCookieFor(user);
    const { db } = await signInFromStolenCookie(session.cookie);
    const client = await SyncClient.open({
      device: phone(session.deviceId, 'web'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
    });
    await client.edit(JOURNAL_ENTRIES, 'e1', {
      title: 't',
      body: 'b',
      tags: [],
      mood: null,
      createdAt: ClientTimestamp.now(),
    });
    expect((await client.sync()).status).toBe('ok');
    await userCollection(user, DEVICES).doc(session.deviceId).update({ revokedAt: Timestamp.now() });
    await client.edit(JOURNAL_ENTRIES, 'e1', { body: 'after revocation' });
    expect(await client.sync()).toMatchObject({
      status: 'error',
      errorCode: 'device-revoked',
      revoked: true,
      pending: 1,
    });
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).get('body')).toBe('b');
    const events = (await userCollection(user, SYNC_EVENTS).orderBy('startedAt').get()).docs.map((d) => d.data());
    expect(events.at(-1)).toMatchObject({ status: 'error', errorCode: 'device-revoked', deviceId: session.deviceId });
  });

  it('honours settings/sync: off means nothing moves; a type off is neither pushed nor pulled', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    const client = await SyncClient.open({
      device: phone('ios-s'),
      cloud: webCloud(db, user.uid),
      store: memoryStore(),
    });
    const settings = (enabled: boolean, journal: boolean) => ({
      enabled,
      collections: { journal, mood: true, profile: true },
      updatedAt: Timestamp.now(),
      updatedBy: 'web-x',
    });
    await syncSettingsRef(user).set(settings(false, true));
    await client.edit(JOURNAL_ENTRIES, 'j1', {
      title: 't',
      body: 'b',
      tags: [],
      mood: null,
      createdAt: ClientTimestamp.now(),
    });
    await client.edit(MOOD_ENTRIES, 'm1', {
      score: 4,
      emotions: [],
      activities: [],
      note: null,
      recordedAt: ClientTimestamp.now(),
    });
    expect(await client.sync()).toMatchObject({ status: 'disabled', pushed: 0, pending: 2 });
    expect((await userCollection(user, SYNC_EVENTS).get()).size).toBe(0);

    await syncSettingsRef(user).set(settings(true, false));
    // Another device's journal entry in the cloud must not come down while journal sync is off.
    await setDoc(doc(db, `users/${user.uid}/journal_entries/j-cloud`), {
      title: 'c',
      body: 'c',
      tags: [],
      mood: null,
      createdAt: ClientTimestamp.now(),
      updatedAt: ClientTimestamp.now(),
      deletedAt: null,
      rev: '1764000000000:0000:android-z',
      baseRev: null,
      deviceId: 'android-z',
      syncedAt: serverTimestamp(),
    });
    expect(await client.sync()).toMatchObject({ status: 'ok', pushed: 1, pending: 1 });
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('j1').get()).exists).toBe(false);
    expect((await userCollection(user, MOOD_ENTRIES).doc('m1').get()).exists).toBe(true);
    expect(client.get(JOURNAL_ENTRIES, 'j-cloud')).toBeNull();
  });

  it('reports every attempt, and reports offline attempts once it is back', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    const link = faulty(webCloud(db, user.uid));
    let time = Date.now() - 60_000;
    const device = phone('android-t', 'android');
    const client = await SyncClient.open({ device, cloud: link.cloud, store: memoryStore(), now: () => time });
    await client.edit(MOOD_ENTRIES, 'm1', {
      score: 4,
      emotions: ['calm'],
      activities: [],
      note: null,
      recordedAt: ClientTimestamp.fromMillis(time),
    });
    link.network.offline = true;
    expect(await client.sync()).toMatchObject({ status: 'error', errorCode: 'unavailable', pending: 1 });
    const offlineAt = time;
    time += 30_000;
    link.network.offline = false;
    expect(await client.sync()).toMatchObject({ status: 'ok', pushed: 1, pending: 0 });
    const events = (await userCollection(user, SYNC_EVENTS).orderBy('startedAt').get()).docs.map((d) =>
      ZSyncEvent.parse(d.data()),
    );
    expect(events.map((e) => [e.status, e.errorCode ?? null, e.startedAt.toMillis()])).toEqual([
      ['error', 'unavailable', offlineAt],
      ['ok', null, offlineAt + 30_000],
    ]);
    expect(events[1]).toMatchObject({ pushed: 1, writes: 1 });
    expect(events[1]!.reads).toBeGreaterThanOrEqual(3);
    const deviceDoc = (await userCollection(user, DEVICES).doc(device.id).get()).data()!;
    expect(deviceDoc).toMatchObject({ platform: 'android', lastSyncStatus: 'ok', pendingChanges: 0, revokedAt: null });
  });

  it('keeps the outbox across a restart', async () => {
    const user = await createTestUser();
    const db = await signedInFirestore(user.uid);
    const file = `/tmp/wellsync-test-${randomUUID()}.json`;
    const store = () => fileStore(file, (s, ns) => new ClientTimestamp(s, ns));
    const link = faulty(webCloud(db, user.uid));
    const first = await SyncClient.open({ device: phone('ios-r'), cloud: link.cloud, store: store() });
    await first.edit(JOURNAL_ENTRIES, 'e1', {
      title: 'Written offline',
      body: 'b',
      tags: [],
      mood: null,
      createdAt: ClientTimestamp.now(),
    });
    link.network.offline = true;
    await first.sync();
    const second = await SyncClient.open({ device: phone('ios-r'), cloud: webCloud(db, user.uid), store: store() });
    expect(second.pendingCount()).toBe(1);
    expect(await second.sync()).toMatchObject({ status: 'ok', pushed: 1 });
    expect((await adminDb().doc(`users/${user.uid}/journal_entries/e1`).get()).get('title')).toBe('Written offline');
  });
});
