import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { type Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { GET as getExport } from '@/app/api/data/exports/[jobId]/route';
import { GET as download } from '@/app/api/data/exports/[jobId]/download/route';
import { POST as startExport } from '@/app/api/data/exports/route';
import { POST as apply } from '@/app/api/data/imports/[jobId]/apply/route';
import { POST as repreview } from '@/app/api/data/imports/[jobId]/preview/route';
import { GET as getImport } from '@/app/api/data/imports/[jobId]/route';
import { POST as upload } from '@/app/api/data/imports/route';
import { EXPORT_TYPES } from '@/lib/export/export-types';
import { writeExportArchive } from '@/lib/export/write-export-archive';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { parseImportFile } from '@/lib/import/parse-import-file';
import { richUserDocs, snapshotUserTree, unzipAll, waitForJob, writeUserDocs } from '../helpers/data-rights';
import { createTestUser, request, routeContext, sessionCookieFor } from '../helpers/users';
import { makeZip } from '../helpers/zip-fixtures';

const ALL = ['profile', 'settings', 'journal', 'mood', 'conflicts', 'devices', 'sync_events'];
const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`);

async function uploadFile(cookie: string, file: Buffer, name: string) {
  const response = await upload(
    request(`/api/data/imports?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      cookie,
      rawBody: new Uint8Array(file),
      contentType: 'application/octet-stream',
    }),
    routeContext(),
  );
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.job;
}

async function applyAndWait(cookie: string, jobId: string, reviewed: object = {}) {
  const response = await apply(
    request(`/api/data/imports/${jobId}/apply`, { method: 'POST', cookie, body: reviewed }),
    routeContext({ jobId }),
  );
  expect(response.status).toBe(202);
  return waitForJob(getImport, () => request(`/api/data/imports/${jobId}`, { cookie }), jobId);
}

async function exportZip(cookie: string): Promise<Buffer> {
  const started = await (
    await startExport(request('/api/data/exports', { method: 'POST', cookie, body: { types: ALL } }), routeContext())
  ).json();
  const job = await waitForJob(
    getExport,
    () => request(`/api/data/exports/${started.job.id}`, { cookie }),
    started.job.id,
  );
  expect(job.status).toBe('ready');
  return Buffer.from(
    await (
      await download(
        request(`/api/data/exports/${job.id}/download`, { cookie }),
        routeContext({ jobId: job.id as string }),
      )
    ).arrayBuffer(),
  );
}

/** The tree of a user without wellsync's own working data and the session device, and without syncedAt. */
const comparable = (tree: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(tree)
      .filter(([path]) => !/^(export_jobs|import_jobs|derived_views)\//.test(path) && !/^devices\/web-/.test(path))
      .map(([path, data]) => [
        path,
        /^(journal|mood)_entries\//.test(path) ? { ...(data as object), syncedAt: undefined } : data,
      ]),
  );

describe('import', () => {
  it('moves a wellsync export into another account, field for field, and a second import changes nothing', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    await writeUserDocs(alice.uid, richUserDocs(11));
    const aliceCookie = (await sessionCookieFor(alice)).cookie;
    const bobCookie = (await sessionCookieFor(bob)).cookie;
    const zip = await exportZip(aliceCookie);
    const original = await snapshotUserTree(alice.uid);
    // A new account has no profile until a phone syncs one.
    await userRef(bob).delete();

    const job = await uploadFile(bobCookie, zip, 'wellsync-export.zip');
    expect(job).toMatchObject({ status: 'previewed', source: 'wellsync' });
    expect(job.preview.journal).toEqual({ new: 3, updated: 0, conflicting: 0, unchanged: 0 });
    expect(job.preview.profile).toEqual({ new: 1, updated: 0, conflicting: 0, unchanged: 0 });
    const done = await applyAndWait(bobCookie, job.id);
    expect(done).toMatchObject({
      status: 'completed',
      result: { journal: { new: 3 }, mood: { new: 1 }, conflicts: { new: 1 } },
    });

    const restored = await snapshotUserTree(bob.uid);
    expect(comparable(restored)).toEqual(comparable(original));
    // The one field an import does not restore: syncedAt is the import's commit time, so phones pull the entries.
    const synced = (await userCollection(bob, 'journal_entries').doc('j-1').get()).get('syncedAt') as Timestamp;
    expect(synced.toMillis()).toBeGreaterThan(Date.now() - 60_000);
    // The uploaded file is gone once the import completes.
    expect(Object.keys(restored).some((path) => path.includes('file_chunks'))).toBe(false);

    const again = await uploadFile(bobCookie, zip, 'wellsync-export.zip');
    for (const kind of ['journal', 'mood', 'conflicts', 'devices', 'sync_events', 'settings', 'profile'])
      expect(again.preview[kind]).toMatchObject({ new: 0, updated: 0, conflicting: 0 });
    const before = comparable(await snapshotUserTree(bob.uid));
    await applyAndWait(bobCookie, again.id);
    expect(comparable(await snapshotUserTree(bob.uid))).toEqual(before);
  });

  it('accepts wellsync-export.json on its own, and keeps both sides of a concurrent edit', async () => {
    const user = await createTestUser();
    await writeUserDocs(user.uid, richUserDocs(12));
    const { cookie } = await sessionCookieFor(user);
    const json = (await unzipAll(await exportZip(cookie))).get('wellsync-export.json')!;
    // A phone that never saw the exported j-1 writes its own version concurrently (no common base).
    await userCollection(user, 'journal_entries')
      .doc('j-1')
      .update({ title: 'Edited on the phone', rev: '1760000009999:0000:android-b2', baseRev: null });
    const job = await uploadFile(cookie, json, 'wellsync-export.json');
    expect(job.preview.journal).toEqual({ new: 0, updated: 0, conflicting: 1, unchanged: 2 });
    const done = await applyAndWait(cookie, job.id);
    expect(done.result).toMatchObject({ journal: { conflicting: 1, unchanged: 2 } });
    // The greater rev (the phone's) stays; the file's version is kept whole in conflicts: nothing is lost.
    expect((await userCollection(user, 'journal_entries').doc('j-1').get()).get('title')).toBe('Edited on the phone');
    const conflicts = (
      await userCollection(user, 'conflicts').where('docId', '==', 'j-1').where('deviceId', '==', 'ios-a1').get()
    ).docs.map((d) => d.data());
    expect(conflicts.map((c) => c.data.title)).toContain('Café ☕, "quotes", commas');
  });

  it('migrates a Daylio CSV in the user\u2019s time zone, and importing it twice changes nothing', async () => {
    const user = await createTestUser({ timezone: 'Europe/Berlin' });
    const { cookie } = await sessionCookieFor(user);
    const job = await uploadFile(cookie, fixture('daylio_export.csv'), 'daylio_export.csv');
    expect(job).toMatchObject({
      source: 'daylio',
      preview: { mood: { new: 4, updated: 0, conflicting: 0, unchanged: 0 } },
    });
    expect((await applyAndWait(cookie, job.id)).status).toBe('completed');
    const moods = (await userCollection(user, 'mood_entries').orderBy('recordedAt').get()).docs.map((d) => d.data());
    expect(moods.map((m) => m.score)).toEqual([1, 5, 3, 4]);
    // 9:15 pm in Berlin (UTC+1 in March) is 20:15 UTC.
    expect((moods[3]!.recordedAt as Timestamp).toDate().toISOString()).toBe('2025-03-02T20:15:00.000Z');
    expect(moods[3]).toMatchObject({
      activities: ['friends', 'walk', 'movies / tv'],
      note: 'Sunday\n\nLong walk by the river.\nDinner with Sam, "finally" 😀',
      deviceId: 'import-daylio',
      baseRev: null,
    });
    const again = await uploadFile(cookie, fixture('daylio_export.csv'), 'daylio_export.csv');
    expect(again.preview.mood).toEqual({ new: 0, updated: 0, conflicting: 0, unchanged: 4 });
  });

  it('migrates a Day One ZIP, and a re-import of an edited entry updates it', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const journal = JSON.parse(fixture('dayone-Journal.json').toString('utf8'));
    const zip = await makeZip([
      { name: 'Journal.json', data: JSON.stringify(journal) },
      { name: 'photos/4a7f.jpeg', data: Buffer.from([0xff, 0xd8, 0xff]) },
    ]);
    const job = await uploadFile(cookie, zip, 'Export.zip');
    expect(job).toMatchObject({ source: 'dayone', preview: { journal: { new: 2 } } });
    await applyAndWait(cookie, job.id);
    const entries = (await userCollection(user, 'journal_entries').orderBy('createdAt').get()).docs.map((d) =>
      d.data(),
    );
    // The journal's name (its file's, in the ZIP) is kept as a tag.
    expect(entries[0]).toMatchObject({
      title: 'Lisbon, first morning',
      tags: ['travel', 'morning', 'starred', 'Journal'],
      deviceId: 'import-dayone',
    });
    expect(entries[0]!.body).toMatch(/^Pastéis de nata/);
    expect(entries[1]).toMatchObject({ title: 'Tired but happy. 日本語も少し。', body: '' });

    journal.entries[1].text = 'Tired but happy.\n\nAdded later.';
    journal.entries[1].modifiedDate = '2024-06-03T10:00:00Z';
    const edited = await uploadFile(
      cookie,
      await makeZip([{ name: 'Journal.json', data: JSON.stringify(journal) }]),
      'Export.zip',
    );
    expect(edited.preview.journal).toEqual({ new: 0, updated: 1, conflicting: 0, unchanged: 1 });
    await applyAndWait(cookie, edited.id);
    const updated = (await userCollection(user, 'journal_entries').orderBy('createdAt').get()).docs[1]!.data();
    expect(updated).toMatchObject({ title: 'Tired but happy.', body: 'Added later.' });
    expect(updated.baseRev).toMatch(/:import-dayone$/);
  });

  it('previews a Daylio CSV with custom moods and odd rows, lets the user change levels and zone, and applies what was reviewed', async () => {
    const user = await createTestUser({ timezone: 'Europe/Berlin' });
    const { cookie } = await sessionCookieFor(user);
    const csv = Buffer.concat([fixture('daylio-7col-24h-custom-moods.csv'), Buffer.from('2026-03-27,,,09:00,good\n')]);
    const job = await uploadFile(cookie, csv, 'daylio.csv');
    expect(job).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneSource: 'profile', preview: { mood: { new: 4 } } });
    expect(job.report.skipped).toEqual([{ where: 'Line 6', reason: expect.stringMatching(/^it has 5 cells/) }]);
    expect(job.report.moods.map((m: { name: string; level: number }) => `${m.name}=${m.level}`)).toEqual([
      'ecstatic=5',
      'tired=2',
      'blah=3',
      'good=4',
    ]);

    const call = (body: unknown) =>
      repreview(
        request(`/api/data/imports/${job.id}/preview`, { method: 'POST', cookie, body }),
        routeContext({ jobId: job.id }),
      );
    expect((await call({ timeZone: 'Mars/Olympus' })).status).toBe(422);
    expect((await call({ moodMap: [{ name: 'blah', level: 9 }] })).status).toBe(422);
    const moodMap = [
      { name: 'ecstatic', level: 5 },
      { name: 'tired', level: 2 },
      { name: 'blah', level: 1 },
      { name: 'good', level: 4 },
    ];
    const again = await call({ timeZone: 'UTC', moodMap });
    expect(again.status).toBe(200);
    const previewed = (await again.json()).job;
    expect(previewed).toMatchObject({ timeZone: 'UTC', timeZoneSource: 'chosen', report: { timeZone: 'UTC' } });
    expect(previewed.report.moods.find((m: { name: string }) => m.name === 'blah')).toMatchObject({
      level: 1,
      basis: 'chosen',
    });
    expect((await userCollection(user, 'mood_entries').get()).size).toBe(0);

    // Applying what an older preview showed (another tab) is refused; what was reviewed last is applied.
    const stale = await apply(
      request(`/api/data/imports/${job.id}/apply`, { method: 'POST', cookie, body: { timeZone: 'Europe/Berlin' } }),
      routeContext({ jobId: job.id }),
    );
    expect(stale.status).toBe(409);
    expect((await applyAndWait(cookie, job.id, { timeZone: 'UTC', moodMap })).status).toBe('completed');
    const moods = (await userCollection(user, 'mood_entries').orderBy('recordedAt').get()).docs.map((d) => d.data());
    expect(moods.map((m) => [(m.recordedAt as Timestamp).toDate().toISOString().slice(0, 16), m.score])).toEqual([
      ['2026-03-28T08:05', 4],
      ['2026-03-28T23:59', 1],
      ['2026-03-29T02:30', 2],
      ['2026-03-29T10:00', 5],
    ]);
    expect((await call({ timeZone: 'Asia/Tokyo' })).status).toBe(409);
  });

  it('refuses, clearly, the export of an account that holds nothing', async () => {
    const uid = `empty-${randomUUID()}`;
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (part: Buffer) => parts.push(part));
    const counts = await writeExportArchive(
      { uid },
      { types: [...EXPORT_TYPES], from: null, to: null, includeTombstones: true, timeZone: 'UTC' },
      sink,
      { account: { uid, email: null, createdAt: null, lastSignInAt: null } },
    );
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    await expect(parseImportFile(Buffer.concat(parts), 'UTC')).rejects.toMatchObject({
      code: 'validation',
      message: 'The file holds no entries to import.',
    });
  });

  it('answers 404 for another user\u2019s import', async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const job = await uploadFile((await sessionCookieFor(owner)).cookie, fixture('daylio_export.csv'), 'daylio.csv');
    const otherCookie = (await sessionCookieFor(other)).cookie;
    expect(
      (
        await getImport(
          request(`/api/data/imports/${job.id}`, { cookie: otherCookie }),
          routeContext({ jobId: job.id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await apply(
          request(`/api/data/imports/${job.id}/apply`, { method: 'POST', cookie: otherCookie, body: {} }),
          routeContext({ jobId: job.id }),
        )
      ).status,
    ).toBe(404);
    expect((await userCollection(other, 'mood_entries').get()).size).toBe(0);
  });
});
