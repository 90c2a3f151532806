import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GET as getJob } from '@/app/api/data/exports/[jobId]/route';
import { GET as download } from '@/app/api/data/exports/[jobId]/download/route';
import { GET as listJobs, POST as startExport } from '@/app/api/data/exports/route';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { richUserDocs, unzipAll, waitForJob, writeUserDocs } from '../helpers/data-rights';
import { createTestUser, request, routeContext, sessionCookieFor } from '../helpers/users';

const ALL = ['profile', 'settings', 'journal', 'mood', 'conflicts', 'devices', 'sync_events'];

async function exportFor(cookie: string, body: unknown) {
  const response = await startExport(request('/api/data/exports', { method: 'POST', cookie, body }), routeContext());
  expect(response.status).toBe(202);
  const { job } = await response.json();
  return waitForJob(getJob, () => request(`/api/data/exports/${job.id}`, { cookie }), job.id);
}

describe('export', () => {
  it('builds a ZIP with lossless JSON, one quoted UTF-8 CSV per type and a README, downloadable by the owner only', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await writeUserDocs(user.uid, richUserDocs());
    const { cookie } = await sessionCookieFor(user);
    const job = await exportFor(cookie, { types: ALL, includeTombstones: true });
    expect(job).toMatchObject({
      status: 'ready',
      counts: { journal: 3, mood: 1, conflicts: 1, devices: 2, sync_events: 1, settings: 1, profile: 1 },
      progress: { done: 10, total: 10 },
    });

    const response = await download(
      request(`/api/data/exports/${job.id}/download`, { cookie }),
      routeContext({ jobId: job.id as string }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="wellsync-export-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const zip = Buffer.from(await response.arrayBuffer());
    expect(zip.byteLength).toBe(Number(response.headers.get('content-length')));
    const files = await unzipAll(zip);
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'conflicts.csv',
      'devices.csv',
      'journal_entries.csv',
      'mood_entries.csv',
      'profile.csv',
      'settings.csv',
      'sync_events.csv',
      'wellsync-export.json',
    ]);

    const json = JSON.parse(files.get('wellsync-export.json')!.toString('utf8'));
    expect(json.format).toBe(EXPORT_FORMAT);
    expect(json.account).toMatchObject({ uid: user.uid, email: user.email });
    const j1 = json.journal_entries.find((e: { id: string }) => e.id === 'j-1');
    expect(j1.data.createdAt).toEqual({ $timestamp: { seconds: 1_760_001_001, nanoseconds: 123_457_000 } });
    expect(j1.data.title).toBe('Café ☕, "quotes", commas');
    expect(json.journal_entries.find((e: { id: string }) => e.id === 'j-2').data.deletedAt).toEqual({
      $timestamp: expect.any(Object),
    });
    expect(json.conflicts[0].data.data.title).toBe('Lost version');
    expect(json.counts.journal).toBe(3);

    const csv = files.get('journal_entries.csv')!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === 'j-1')!;
    expect(row.title).toBe('Café ☕, "quotes", commas');
    expect(row.body).toContain('😀 emoji');
    expect(row.tags).toBe('walk; naïve');
    expect(row.createdAt).toBe('2025-10-09T09:10:01.123457Z');
    // A cell a spreadsheet would run as a formula is defused in the CSV only.
    expect(rows.find((r) => r.id === 'j-3')!.title).toBe(`'=HYPERLINK("x")`);
    const readme = files.get('README.md')!.toString('utf8');
    for (const column of Object.keys(row)) expect(readme).toContain(`\`${column}\``);
    expect(readme).toMatch(/Importing it back/);

    // Another user, and nobody at all, cannot see or download it.
    const otherCookie = (await sessionCookieFor(other)).cookie;
    expect(
      (
        await download(
          request(`/api/data/exports/${job.id}/download`, { cookie: otherCookie }),
          routeContext({ jobId: job.id as string }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await getJob(
          request(`/api/data/exports/${job.id}`, { cookie: otherCookie }),
          routeContext({ jobId: job.id as string }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await download(request(`/api/data/exports/${job.id}/download`), routeContext({ jobId: job.id as string })))
        .status,
    ).toBe(401);
    expect(
      (
        (await (await listJobs(request('/api/data/exports', { cookie: otherCookie }), routeContext())).json()) as {
          jobs: unknown[];
        }
      ).jobs,
    ).toEqual([]);
  });

  it('honours the scope: types, a date range in the user\u2019s time zone, and leaving out tombstones', async () => {
    const user = await createTestUser();
    await writeUserDocs(user.uid, richUserDocs());
    const { cookie } = await sessionCookieFor(user);
    // j-1 and j-2 were created 2025-10-09 09:10 UTC, j-3 twenty seconds later: all on the 9th in Berlin.
    const job = await exportFor(cookie, {
      types: ['journal'],
      from: '2025-10-09',
      to: '2025-10-09',
      includeTombstones: false,
    });
    expect(job.counts).toEqual({ journal: 2 });
    const none = await exportFor(cookie, { types: ['journal', 'mood'], from: '2025-10-10' });
    expect(none.counts).toEqual({ journal: 0, mood: 0 });
    const response = await download(
      request(`/api/data/exports/${none.id}/download`, { cookie }),
      routeContext({ jobId: none.id as string }),
    );
    const json = JSON.parse(
      (await unzipAll(Buffer.from(await response.arrayBuffer()))).get('wellsync-export.json')!.toString('utf8'),
    );
    expect(json.journal_entries).toEqual([]);
    expect(json.profile).toBeUndefined();
  });

  it.each([
    ['no types', { types: [] }],
    ['an unknown type', { types: ['passwords'] }],
    ['a bad date', { types: ['journal'], from: '2025-13-40' }],
    ['a reversed range', { types: ['journal'], from: '2025-02-01', to: '2025-01-01' }],
    ['an unknown field', { types: ['journal'], uid: 'someone-else' }],
  ])('refuses %s with 422', async (_name, body) => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const response = await startExport(request('/api/data/exports', { method: 'POST', cookie, body }), routeContext());
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/^The request body is not valid\./);
  });
});
