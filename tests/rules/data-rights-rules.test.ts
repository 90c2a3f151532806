import { readFileSync } from 'node:fs';
import { assertFails, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, setLogLevel, type Firestore } from 'firebase/firestore';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';

/** Export and import jobs, their stored files, and erasure receipts are the server's alone (Admin SDK). */
let env: RulesTestEnvironment;
const [host, port] = inject('firestoreHost').split(':');

beforeAll(async () => {
  setLogLevel('silent');
  env = await initializeTestEnvironment({
    projectId: 'demo-rules-data',
    firestore: { host: host!, port: Number(port), rules: readFileSync('firestore.rules', 'utf8') },
  });
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    await setDoc(doc(db, 'users/alice/export_jobs/j1'), { status: 'ready' });
    await setDoc(doc(db, 'users/alice/export_jobs/j1/file_chunks/a-000000'), { index: 0 });
    await setDoc(doc(db, 'users/alice/import_jobs/i1'), { status: 'previewed' });
    await setDoc(doc(db, 'users/alice/import_jobs/i1/file_chunks/a-000000'), { index: 0 });
    await setDoc(doc(db, 'erasure_receipts/r1'), { total: 1 });
  });
});
afterAll(async () => env.cleanup());

const as = (uid: string | null, admin = false) =>
  (uid
    ? env.authenticatedContext(uid, admin ? { admin: true } : {})
    : env.unauthenticatedContext()
  ).firestore() as unknown as Firestore;
const PATHS = [
  'users/alice/export_jobs/j1',
  'users/alice/export_jobs/j1/file_chunks/a-000000',
  'users/alice/import_jobs/i1',
  'users/alice/import_jobs/i1/file_chunks/a-000000',
  'erasure_receipts/r1',
];

describe('data-rights paths', () => {
  for (const [who, db] of [
    ['the owner', () => as('alice')],
    ['another user', () => as('bob')],
    ['an admin', () => as('ops', true)],
    ['anonymous', () => as(null)],
  ] as const) {
    it(`are closed to ${who}: no read, no write, no delete`, async () => {
      for (const path of PATHS) {
        await assertFails(getDoc(doc(db(), path)));
        await assertFails(setDoc(doc(db(), path), { status: 'ready', file: { bytes: 1 } }));
        await assertFails(deleteDoc(doc(db(), path)));
      }
      await assertFails(getDocs(collection(db(), 'users/alice/export_jobs')));
    });
  }
});
