import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { eraseUser } from '@/lib/erasure/erase-user';
import { EXPORT_TYPES } from '@/lib/export/export-types';
import { writeExportArchive } from '@/lib/export/write-export-archive';
import { applyImportPlan } from '@/lib/import/apply-import-plan';
import { parseImportFile } from '@/lib/import/parse-import-file';
import { newUid, snapshotUserTree, writeUserDocs, type SeededDocs } from '../helpers/data-rights';
import { useIsolatedProject } from '../helpers/isolated-project';

beforeAll(async () => {
  await useIsolatedProject();
});

// Firestore keeps microseconds, so generated times are whole microseconds (the nanoseconds field is micros * 1000).
const ts = fc
  .record({ s: fc.integer({ min: 0, max: 4_102_444_799 }), us: fc.integer({ min: 0, max: 999_999 }) })
  .map(({ s, us }) => new Timestamp(s, us * 1000));
const emoji = fc.constantFrom(
  '😀',
  '🌿',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '❤️',
  'ü',
  'ß',
  '日本',
  'עברית',
  'Ωμέγα',
  '\u200d',
  '"',
  ',',
  '\n',
  '\r\n',
  '\t',
  '=',
  '$',
  '\\',
);
const unicode = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), emoji), { maxLength: 8 })
  .map((parts) => parts.join(''));
const short = (max: number) => unicode.filter((s) => s.length <= max);
const markdown = fc
  .array(
    fc.oneof(
      fc.constant('# Heading\n'),
      fc.constant('- item\n'),
      fc.constant('**bold** _it_ `code`\n'),
      fc.constant('> quote\n\n'),
      fc.constant('[link](https://example.com)\n'),
      fc.constant('```\nblock\n```\n'),
      unicode,
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => s.length <= 100_000);
const device = fc.constantFrom('ios-a1', 'android-b2', 'web-0123456789abcdef0123');
const rev = fc
  .tuple(fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), fc.integer({ min: 0, max: 9999 }), device)
  .map(([ms, n, d]) => `${ms}:${String(n).padStart(4, '0')}:${d}`);
// Firestore reserves ids of the form __…__.
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$/);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const protocol = fc.record({
  updatedAt: ts,
  deletedAt: optional(ts),
  rev,
  baseRev: optional(rev),
  deviceId: device,
  syncedAt: ts,
});
const journal = fc
  .tuple(
    fc.record({ title: short(200), body: markdown, tags: fc.array(short(40), { maxLength: 30 }), createdAt: ts }),
    // Optional fields: absent, null, or a value; an export keeps whichever was stored.
    fc.oneof(
      fc.constant({}),
      fc.constant({ mood: null }),
      fc.double({ min: 1, max: 5, noNaN: true }).map((mood) => ({ mood })),
    ),
    protocol,
  )
  .map(([a, b, c]) => ({ ...a, ...b, ...c }));
const mood = fc
  .tuple(
    fc.record({
      score: fc.integer({ min: 1, max: 5 }),
      emotions: fc.array(short(30), { maxLength: 5 }),
      activities: fc.array(short(30), { maxLength: 5 }),
      recordedAt: ts,
    }),
    fc.oneof(fc.constant({}), fc.record({ note: optional(short(2000)) })),
    protocol,
  )
  .map(([a, b, c]) => ({ ...a, ...b, ...c }));

const user = fc
  .record({
    profile: fc.option(
      fc.record({
        displayName: short(200),
        photoURL: optional(fc.constant('https://example.com/me.png')),
        timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'),
        createdAt: ts,
        updatedAt: ts,
      }),
      { nil: undefined },
    ),
    settings: fc.option(
      fc.record({
        enabled: fc.boolean(),
        collections: fc.record({ journal: fc.boolean(), mood: fc.boolean(), profile: fc.boolean() }),
        updatedAt: ts,
        updatedBy: device,
      }),
      { nil: undefined },
    ),
    journal: fc.uniqueArray(fc.tuple(id, journal), { maxLength: 4, selector: ([key]) => key }),
    moods: fc.uniqueArray(fc.tuple(id, mood), { maxLength: 4, selector: ([key]) => key }),
    conflicts: fc.uniqueArray(fc.tuple(id, journal, ts, optional(ts)), { maxLength: 2, selector: ([key]) => key }),
    devices: fc.uniqueArray(
      fc.tuple(
        id,
        fc.record({
          name: short(100).filter((s) => s.length > 0),
          platform: fc.constantFrom('ios', 'android', 'web'),
          model: optional(short(100)),
          appVersion: fc.constantFrom('3.2.1', '1.0.0-beta.2'),
          createdAt: ts,
          lastSeenAt: ts,
          lastSyncAt: optional(ts),
          lastSyncStatus: optional(fc.constantFrom('ok', 'error')),
          pendingChanges: fc.nat(1000),
          revokedAt: optional(ts),
        }),
      ),
      { maxLength: 2, selector: ([key]) => key },
    ),
    events: fc.uniqueArray(
      fc.tuple(
        id,
        fc.record({
          deviceId: device,
          platform: fc.constantFrom('ios', 'android', 'web'),
          appVersion: fc.constant('3.2.1'),
          startedAt: ts,
          durationMs: fc.nat(),
          status: fc.constantFrom('ok', 'error'),
          errorCode: optional(fc.constantFrom('unavailable', 'device-revoked')),
          pushed: fc.nat(),
          pulled: fc.nat(),
          conflicts: fc.nat(),
          reads: fc.nat(),
          writes: fc.nat(),
          deletes: fc.nat(),
          bytesUp: fc.nat(),
          bytesDown: fc.nat(),
        }),
      ),
      { maxLength: 2, selector: ([key]) => key },
    ),
  })
  .map((u): SeededDocs => {
    const docs: SeededDocs = {};
    if (u.profile) docs[''] = u.profile;
    if (u.settings) docs['settings/sync'] = u.settings;
    for (const [key, data] of u.journal) docs[`journal_entries/${key}`] = data;
    for (const [key, data] of u.moods) docs[`mood_entries/${key}`] = data;
    for (const [key, data, detectedAt, resolvedAt] of u.conflicts) {
      docs[`conflicts/${key}`] = {
        collection: 'journal_entries',
        docId: key,
        rev: data.rev,
        deviceId: data.deviceId,
        data,
        detectedAt,
        resolvedAt,
        resolution: resolvedAt ? 'kept-winner' : null,
      };
    }
    for (const [key, data] of u.devices) docs[`devices/${key}`] = data;
    for (const [key, data] of u.events) docs[`sync_events/${key}`] = data;
    return docs;
  });

async function exportToBuffer(uid: string, timeZone: string): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (part: Buffer) => parts.push(part));
  await writeExportArchive(
    { uid },
    { types: [...EXPORT_TYPES], from: null, to: null, includeTombstones: true, timeZone },
    sink,
    { account: { uid, email: null, createdAt: null, lastSignInAt: null } },
  );
  return Buffer.concat(parts);
}

const withoutSyncedAt = (tree: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(tree).map(([path, data]) => [
      path,
      /^(journal|mood)_entries\//.test(path) ? { ...(data as object), syncedAt: '(set by the import)' } : data,
    ]),
  );

describe('export → erase → import', () => {
  it('gives back every document, field for field, for 200 random users (syncedAt aside)', async () => {
    let users = 0;
    let documents = 0;
    await fc.assert(
      fc.asyncProperty(user, async (docs) => {
        const uid = newUid();
        await writeUserDocs(uid, docs);
        const original = await snapshotUserTree(uid);
        expect(Object.keys(original).length).toBe(Object.keys(docs).length);

        const zip = await exportToBuffer(uid, 'UTC');
        await eraseUser({ uid });
        expect(await snapshotUserTree(uid)).toEqual({});

        const importStarted = Timestamp.now();
        if (Object.keys(docs).length === 0) {
          // An account with nothing in it exports a valid, empty file; importing it is refused as pointless, clearly.
          await expect(parseImportFile(zip, 'UTC')).rejects.toMatchObject({
            code: 'validation',
            message: 'The file holds no entries to import.',
          });
          users += 1;
          return;
        }
        const plan = await parseImportFile(zip, 'UTC');
        await applyImportPlan({ uid }, plan, { done: 0, counts: {} }, async () => undefined);
        const restored = await snapshotUserTree(uid);
        expect(withoutSyncedAt(restored)).toEqual(withoutSyncedAt(original));
        // syncedAt is the one field the import sets anew: the import's own commit time.
        for (const [path, data] of Object.entries(restored)) {
          if (!/^(journal|mood)_entries\//.test(path)) continue;
          const synced = (data as { syncedAt: { $timestamp: { seconds: number } } }).syncedAt.$timestamp.seconds;
          expect(synced).toBeGreaterThanOrEqual(importStarted.seconds - 1);
        }
        users += 1;
        documents += Object.keys(docs).length;
      }),
      {
        numRuns: 200,
        seed: process.env.ROUND_TRIP_SEED ? Number(process.env.ROUND_TRIP_SEED) : undefined,
        endOnFailure: true,
      },
    );
    expect(users).toBe(200);
    expect(documents).toBeGreaterThan(500);
  }, 300_000);
});
