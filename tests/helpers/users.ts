import { randomUUID } from 'node:crypto';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { NextRequest } from 'next/server';
import { createSession } from '@/lib/auth/session';
import { JOURNAL_ENTRIES, MOOD_ENTRIES } from '@/lib/contract/paths';
import { adminAuth } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { formatRev } from '@/lib/sync/hlc';

export type TestUser = { uid: string; email: string; password: string };

/** A fresh Auth user with a profile in `timezone`; unique per call, so tests never share data. */
export async function createTestUser(options: { timezone?: string; admin?: boolean } = {}): Promise<TestUser> {
  const uid = `t-${randomUUID().slice(0, 18)}`;
  const user = { uid, email: `${uid}@test.wellsync.test`, password: `pw-${randomUUID()}` };
  await adminAuth().createUser({ uid, email: user.email, password: user.password, displayName: 'Test Person' });
  if (options.admin) await adminAuth().setCustomUserClaims(uid, { admin: true });
  const now = Timestamp.now();
  await userRef(user).set({
    displayName: 'Test Person',
    photoURL: null,
    timezone: options.timezone ?? 'UTC',
    createdAt: now,
    updatedAt: now,
  });
  return user;
}

/** Signs in through the Auth emulator's REST API, as the browser SDK does, and returns a fresh ID token. */
export async function signInWithPassword(user: TestUser): Promise<string> {
  const response = await fetch(
    `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=test-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password, returnSecureToken: true }),
    },
  );
  const body = (await response.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return body.idToken;
}

/** A browser session for the user: the session cookie the portal would hold. */
export async function sessionCookieFor(user: TestUser): Promise<{ cookie: string; deviceId: string }> {
  const session = await createSession(await signInWithPassword(user), 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
  return { cookie: session.cookie, deviceId: session.deviceId };
}

export const ORIGIN = 'http://localhost:3000';

/** A request as the browser sends it to a route handler. */
export function request(
  path: string,
  init: {
    method?: string;
    cookie?: string;
    body?: unknown;
    origin?: string | null;
    contentType?: string | null;
    rawBody?: BodyInit;
  } = {},
): NextRequest {
  const headers = new Headers({ host: 'localhost:3000' });
  if (init.cookie) headers.set('cookie', `wellsync_session=${init.cookie}`);
  const method = init.method ?? 'GET';
  if (method !== 'GET' && init.origin !== null) headers.set('origin', init.origin ?? ORIGIN);
  if (init.contentType !== null && (init.body !== undefined || init.rawBody !== undefined))
    headers.set('content-type', init.contentType ?? 'application/json');
  return new NextRequest(new URL(path, ORIGIN), {
    method,
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

export const routeContext = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

let clock = 1_764_000_000_000;

/** Writes a journal entry as a phone does (contract shape, server syncedAt). */
export async function putJournalEntry(
  user: { uid: string },
  fields: {
    id?: string;
    title?: string;
    body?: string;
    tags?: string[];
    createdAtMs?: number;
    deletedAtMs?: number | null;
    extra?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const id = fields.id ?? randomUUID();
  const created = fields.createdAtMs ?? Date.now();
  clock += 1;
  await userCollection(user, JOURNAL_ENTRIES)
    .doc(id)
    .set({
      title: fields.title ?? 'Untitled',
      body: fields.body ?? '',
      tags: fields.tags ?? [],
      mood: null,
      createdAt: Timestamp.fromMillis(created),
      updatedAt: Timestamp.fromMillis(created),
      deletedAt: fields.deletedAtMs == null ? null : Timestamp.fromMillis(fields.deletedAtMs),
      rev: formatRev({ physical: clock, counter: 0, node: 'test-phone' }),
      baseRev: null,
      deviceId: 'test-phone',
      syncedAt: FieldValue.serverTimestamp(),
      ...fields.extra,
    });
  return id;
}

export async function putMoodEntry(
  user: { uid: string },
  fields: { recordedAtMs: number; score: number; activities?: string[]; emotions?: string[] },
): Promise<string> {
  const id = randomUUID();
  clock += 1;
  await userCollection(user, MOOD_ENTRIES)
    .doc(id)
    .set({
      score: fields.score,
      emotions: fields.emotions ?? [],
      activities: fields.activities ?? [],
      note: null,
      recordedAt: Timestamp.fromMillis(fields.recordedAtMs),
      updatedAt: Timestamp.fromMillis(fields.recordedAtMs),
      deletedAt: null,
      rev: formatRev({ physical: clock, counter: 0, node: 'test-phone' }),
      baseRev: null,
      deviceId: 'test-phone',
      syncedAt: FieldValue.serverTimestamp(),
    });
  return id;
}
