// fast-check fuzzing of every zod-validated input a route accepts: JSON bodies, query strings, path ids and
// uploaded files, as the signed-in owner. The properties: never a 5xx, and a refused request writes nothing
// (the user's whole document tree is compared before and after every run of refused requests).
import fc from 'fast-check';
import { Timestamp } from 'firebase-admin/firestore';
import type { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as auditLog } from '@/app/api/admin/audit-log/route';
import { GET as report } from '@/app/api/admin/reports/[report]/route';
import { POST as signIn } from '@/app/api/auth/session/route';
import { POST as resolveConflict } from '@/app/api/conflicts/[conflictId]/resolve/route';
import { POST as undoAutoMerge } from '@/app/api/conflicts/[conflictId]/undo/route';
import { POST as erase } from '@/app/api/data/erasure/route';
import { GET as getExport } from '@/app/api/data/exports/[jobId]/route';
import { POST as startExport } from '@/app/api/data/exports/route';
import { POST as applyImport } from '@/app/api/data/imports/[jobId]/apply/route';
import { POST as upload } from '@/app/api/data/imports/route';
import { PATCH as renameDevice } from '@/app/api/devices/[deviceId]/route';
import { POST as revokeDevice } from '@/app/api/devices/[deviceId]/revoke/route';
import { POST as removeCopy } from '@/app/api/sync-settings/remove-cloud-copy/route';
import { PUT as writeSettings } from '@/app/api/sync-settings/route';
import { deviceRef } from '@/lib/firebase/refs';
import { snapshotUserTree } from '../helpers/data-rights';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  type TestUser,
} from '../helpers/users';

type Handler = (req: NextRequest, ctx: ReturnType<typeof routeContext>) => Promise<Response>;
type Input = { body?: unknown; raw?: Uint8Array; query?: Record<string, string>; params?: Record<string, string> };

const CASES_PER_ROUTE = 300;
const CHECK_EVERY = 50;

let owner: TestUser;
let cookie: string;
let adminCookie: string;

beforeAll(async () => {
  owner = await createTestUser();
  cookie = (await sessionCookieFor(owner)).cookie;
  const t = Timestamp.now();
  await deviceRef(owner, 'ios-phone').set({
    name: 'iPhone',
    platform: 'ios',
    model: null,
    appVersion: '3.2.1',
    createdAt: t,
    lastSeenAt: t,
    lastSyncAt: t,
    lastSyncStatus: 'ok',
    pendingChanges: 0,
    revokedAt: null,
  });
  for (let i = 0; i < 3; i++) await putJournalEntry(owner, { title: `kept ${i}` });
  adminCookie = (await sessionCookieFor(await createTestUser({ admin: true }))).cookie;
}, 60_000);

/** Anything JSON can say, and near misses of a valid body: right keys with wrong values, extra keys, huge strings. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: false }).map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown),
);
const nearMiss = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.record(Object.fromEntries(Object.keys(valid).map((key) => [key, fc.oneof(anyJson, fc.constant(valid[key]))])), {
      requiredKeys: [],
    }),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), anyJson).map(([key, value]) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...Object.keys(valid))
      .chain((key) => fc.string({ minLength: 300_000, maxLength: 300_001 }).map((big) => ({ ...valid, [key]: big }))),
  );
const anyId = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..', '.', '__x__', 'a/b', '%2F', ' ', '\u0000', 'x'.repeat(2000)),
);
const anyQuery = fc.dictionary(
  fc.constantFrom('from', 'to', 'range', 'cursor', 'format', 'name', 'x', 'full'),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2026-02-30', '9999-99-99', '30d', '-1', 'csv', '')),
  { maxKeys: 4 },
);

type Target = {
  name: string;
  handler: Handler;
  method: string;
  path: string;
  input: fc.Arbitrary<Input>;
  as?: 'admin';
};

const TARGETS: Target[] = [
  {
    name: 'sign-in',
    handler: signIn,
    method: 'POST',
    path: '/api/auth/session',
    input: fc.oneof(anyJson, nearMiss({ idToken: 'x'.repeat(40), next: '/mood' })).map((body) => ({ body })),
  },
  {
    name: 'resolve conflict',
    handler: resolveConflict,
    method: 'POST',
    path: '/api/conflicts/c/resolve',
    input: fc.record({
      params: fc.record({ conflictId: anyId }),
      body: fc.oneof(anyJson, nearMiss({ choice: 'merged', fields: { title: 't', body: 'b', tags: [], mood: 3 } })),
    }),
  },
  {
    name: 'undo auto-merge',
    handler: undoAutoMerge,
    method: 'POST',
    path: '/api/conflicts/c/undo',
    input: fc.record({
      params: fc.record({ conflictId: anyId }),
      body: fc.oneof(anyJson, nearMiss({ keep: 'other' })),
    }),
  },
  {
    name: 'erase',
    handler: erase,
    method: 'POST',
    path: '/api/data/erasure',
    input: fc.oneof(anyJson, nearMiss({ idToken: 'x'.repeat(40), phrase: 'erase my data' })).map((body) => ({ body })),
  },
  {
    name: 'start export',
    handler: startExport,
    method: 'POST',
    path: '/api/data/exports',
    input: fc
      .oneof(anyJson, nearMiss({ types: ['journal'], from: '2026-01-01', to: '2025-01-01', includeTombstones: 'yes' }))
      .map((body) => ({ body })),
  },
  {
    name: 'export status',
    handler: getExport,
    method: 'GET',
    path: '/api/data/exports/x',
    input: fc.record({ params: fc.record({ jobId: anyId }) }),
  },
  {
    name: 'apply import',
    handler: applyImport,
    method: 'POST',
    path: '/api/data/imports/x/apply',
    input: fc.record({ params: fc.record({ jobId: fc.oneof(anyId, fc.uuid()) }), body: anyJson }),
  },
  {
    name: 'rename device',
    handler: renameDevice,
    method: 'PATCH',
    path: '/api/devices/x',
    input: fc.record({
      params: fc.record({ deviceId: fc.oneof(anyId, fc.constant('ios-phone')) }),
      body: fc.oneof(anyJson, nearMiss({ name: '' })),
    }),
  },
  {
    name: 'revoke device',
    handler: revokeDevice,
    method: 'POST',
    path: '/api/devices/x/revoke',
    input: fc.record({ params: fc.record({ deviceId: anyId }), body: anyJson }),
  },
  {
    name: 'sync settings',
    handler: writeSettings,
    method: 'PUT',
    path: '/api/sync-settings',
    input: fc
      .oneof(anyJson, nearMiss({ enabled: 'true', collections: { journal: true, mood: true } }))
      .map((body) => ({ body })),
  },
  {
    name: 'remove cloud copy',
    handler: removeCopy,
    method: 'POST',
    path: '/api/sync-settings/remove-cloud-copy',
    input: fc.oneof(anyJson, nearMiss({ type: 'photos' })).map((body) => ({ body })),
  },
  {
    name: 'admin report query',
    handler: report,
    method: 'GET',
    path: '/api/admin/reports/x',
    as: 'admin',
    input: fc.record({
      params: fc.record({ report: fc.oneof(anyId, fc.constantFrom('adoption', 'cost', 'reliability')) }),
      query: anyQuery,
    }),
  },
  {
    name: 'audit log query',
    handler: auditLog,
    method: 'GET',
    path: '/api/admin/audit-log',
    as: 'admin',
    input: fc.record({ query: anyQuery }),
  },
  {
    name: 'import upload',
    handler: upload,
    method: 'POST',
    path: '/api/data/imports',
    input: fc.record({
      query: fc.record({
        name: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom('../../etc/passwd', 'a.zip', 'x.csv', 'Journal.json'),
        ),
      }),
      raw: fc.oneof(
        fc.uint8Array({ maxLength: 2000 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
        fc
          .constantFrom(
            'full_date,date\n',
            'PK\u0003\u0004',
            '{"format":"wellsync-export/v1"',
            '{"entries":[{"uuid":1}]}',
          )
          .map((s) => new TextEncoder().encode(s)),
      ),
    }),
  },
];

function send(target: Target, input: Input): Promise<Response> {
  const query = input.query ? `?${new URLSearchParams(input.query)}` : '';
  const req = request(`${target.path}${query}`, {
    method: target.method,
    cookie: target.as === 'admin' ? adminCookie : cookie,
    body: target.method === 'GET' || input.raw ? undefined : (input.body ?? null),
    rawBody: input.raw ? new Uint8Array(input.raw) : undefined,
    contentType: input.raw ? 'application/octet-stream' : undefined,
  });
  return target.handler(req, routeContext(input.params ?? {}));
}

describe('fuzzing every validated input', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s: never a 5xx, and a refused request writes nothing',
    async (_name, target) => {
      const samples = fc.sample(target.input, { numRuns: CASES_PER_ROUTE, seed: 20261125 });
      let baseline = await snapshotUserTree(owner.uid);
      let acceptedSinceBaseline = false;
      let checkedRuns = 0;
      for (let i = 0; i < samples.length; i++) {
        const response = await send(target, samples[i]!);
        const text = await response.text();
        expect(response.status, `${target.name} case ${i}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status < 400) acceptedSinceBaseline = true;
        else expect(JSON.parse(text).error.message).toEqual(expect.any(String));
        if ((i + 1) % CHECK_EVERY === 0 || i === samples.length - 1) {
          const now = await snapshotUserTree(owner.uid);
          // A read never writes the owner's data, accepted or not; a mutation only when it was accepted.
          if (target.method === 'GET' || !acceptedSinceBaseline) {
            expect(now).toEqual(baseline);
            checkedRuns += 1;
          }
          baseline = now;
          acceptedSinceBaseline = false;
        }
      }
      // Most runs of cases are all refusals, so almost every case had its "wrote nothing" checked.
      expect(checkedRuns).toBeGreaterThan(CASES_PER_ROUTE / CHECK_EVERY / 2);
    },
    600_000,
  );
});
