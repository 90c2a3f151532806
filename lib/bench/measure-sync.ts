import 'server-only';
import { signInWithCustomToken } from 'firebase/auth';
import { collection, onSnapshot, query, Timestamp, where } from 'firebase/firestore';
import { v7 as uuidv7 } from 'uuid';
import { publicFirebaseConfig } from '@/lib/config/env';
import { adminAuth } from '@/lib/firebase/admin';
import { clientAuth, clientDb } from '@/lib/firebase/client';
import { connectUser } from '@/lib/simulator/connect-user';
import { simulateFleet } from '@/lib/simulator/simulate-fleet';
import { summarizeAttempts } from '@/lib/simulator/summarize-attempts';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { summarize, type Summary } from './summarize-samples';

export type PropagationBench = { samples: number; editToWebMs: Summary };
export type PushBench = {
  users: number;
  devices: number;
  edits: number;
  attempts: number;
  successRate: number;
  editsPerSecond: number;
  attemptsPerSecond: number;
  seconds: number;
};

/** Timed from the edit to the portal listener's snapshot, so it includes the push transaction. */
export async function measurePropagation(samples: number): Promise<PropagationBench> {
  const uid = 'bench-live';
  await simulateFleet({
    users: [{ uid, email: 'live@bench.wellsync.test', displayName: 'Bench live', timeZone: 'UTC' }],
    devicesPerUser: 1,
    days: 1,
    failureRate: 0,
    offlineRate: 0,
    seed: 1,
    transport: 'client',
  });
  const { cloud } = await connectUser(uid, 'client');
  const phone = await SyncClient.open({
    device: { id: 'ios-bench01', platform: 'ios', appVersion: '3.2.1', name: 'Bench phone', model: 'iPhone 15' },
    cloud,
    store: memoryStore(),
  });

  const config = publicFirebaseConfig();
  const auth = clientAuth(config, `bench-web-${uid}`);
  await signInWithCustomToken(auth, await adminAuth().createCustomToken(uid));
  const web = clientDb(config, `bench-web-${uid}`);
  const waiting = new Map<string, (at: number) => void>();
  let listening: () => void = () => {};
  const live = new Promise<void>((resolve, reject) => {
    listening = resolve;
    setTimeout(() => reject(new Error('the web listener did not reach the server within 60 s')), 60_000).unref();
  });
  const stop = onSnapshot(
    query(collection(web, 'users', uid, 'journal_entries'), where('syncedAt', '>', Timestamp.now())),
    (snapshot) => {
      const at = performance.now();
      if (!snapshot.metadata.fromCache) listening();
      for (const change of snapshot.docChanges()) waiting.get(change.doc.id)?.(at);
    },
  );
  // Timing starts once the listener has its first answer from the server, not while its stream is still opening.
  await live;

  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 2; i++) {
      const id = uuidv7();
      const seen = new Promise<number>((resolve, reject) => {
        waiting.set(id, resolve);
        setTimeout(() => reject(new Error(`the web listener did not see entry ${i} within 30 s`)), 30_000).unref();
      });
      const started = performance.now();
      await phone.edit('journal_entries', id, {
        title: `Live ${i}`,
        body: 'Written on the phone.',
        tags: ['bench'],
        mood: null,
        createdAt: phone.timestamp(Date.now()),
      });
      const report = await phone.sync();
      if (report.status !== 'ok') throw new Error(`the phone's sync failed: ${report.errorCode}`);
      const at = await seen;
      if (i >= 2) latencies.push(at - started); // the first two warm the listener and the connection
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    stop();
  }
  return { samples, editToWebMs: summarize(latencies) };
}

export async function measurePush(options: { users: number; days: number; seed: number }): Promise<PushBench> {
  const started = performance.now();
  const fleet = await simulateFleet({
    users: options.users,
    devicesPerUser: 2,
    days: options.days,
    failureRate: 0,
    offlineRate: 0,
    seed: options.seed,
    transport: 'client',
    concurrency: 4,
  });
  const seconds = (performance.now() - started) / 1000;
  const stats = summarizeAttempts(fleet.attempts);
  return {
    users: fleet.users,
    devices: fleet.devices,
    edits: fleet.edits,
    attempts: stats.attempts,
    successRate: stats.successRate,
    editsPerSecond: fleet.edits / seconds,
    attemptsPerSecond: stats.attempts / seconds,
    seconds,
  };
}
