import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/data/imports/route';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { encodeFields } from '@/lib/export/typed-json';
import { richUserDocs, snapshotUserTree, writeUserDocs } from '../helpers/data-rights';
import { createTestUser, request, routeContext, sessionCookieFor, type TestUser } from '../helpers/users';
import { makeZip, renameInZip } from '../helpers/zip-fixtures';

/** A valid wellsync export, as a plain object, to corrupt one way or another. */
function validExport(): Record<string, unknown> {
  const docs = richUserDocs(9);
  const section = (prefix: string) =>
    Object.entries(docs)
      .filter(([path]) => path.startsWith(`${prefix}/`))
      .map(([path, data]) => ({ id: path.split('/')[1], data: encodeFields(data) }));
  return {
    format: EXPORT_FORMAT,
    profile: encodeFields(docs['']!),
    settings: section('settings'),
    devices: section('devices'),
    journal_entries: section('journal_entries'),
    mood_entries: section('mood_entries'),
    conflicts: section('conflicts'),
    sync_events: section('sync_events'),
  };
}
const withEntry = (patch: Record<string, unknown>, section = 'journal_entries') => {
  const file = validExport();
  const list = file[section] as { id: string; data: Record<string, unknown> }[];
  list[0] = { ...list[0]!, data: { ...list[0]!.data, ...patch } };
  return JSON.stringify(file);
};
const json = (value: unknown) => JSON.stringify(value);
const daylio = (...rows: string[]) =>
  ['full_date,date,weekday,time,mood,activities,note_title,note', ...rows].join('\n');

type Case = { name: string; body: () => Promise<Buffer> | Buffer; status: number; message: RegExp };
const text = (s: string) => () => Buffer.from(s);

const HAND_WRITTEN: Case[] = [
  { name: 'an empty file', body: text(''), status: 422, message: /The file is empty/ },
  { name: 'plain text', body: text('dear diary'), status: 415, message: /could not recognise this file/ },
  { name: 'a JSON array', body: text('[1,2,3]'), status: 415, message: /could not recognise/ },
  {
    name: 'JSON of another kind',
    body: text(json({ hello: 'world' })),
    status: 415,
    message: /neither a wellsync export/,
  },
  {
    name: 'a truncated export',
    body: () => Buffer.from(JSON.stringify(validExport()).slice(0, 300)),
    status: 422,
    message: /is not valid JSON.*cut short/,
  },
  {
    name: 'bytes that are not UTF-8',
    body: () => Buffer.from([0x7b, 0xff, 0xfe, 0x22]),
    status: 422,
    message: /not UTF-8/,
  },
  {
    name: 'a future format version',
    body: text(json({ ...validExport(), format: 'wellsync-export/v9' })),
    status: 422,
    message: /format wellsync-export\/v9, which this version of wellsync cannot read/,
  },
  {
    name: 'a wrong format name',
    body: text(json({ ...validExport(), format: 'takeout' })),
    status: 422,
    message: /format/,
  },
  {
    name: 'a title over 200 characters',
    body: text(withEntry({ title: 'x'.repeat(201) })),
    status: 422,
    message: /journal_entries\.0\.data\.title/,
  },
  {
    name: 'a malformed rev',
    body: text(withEntry({ rev: 'yesterday' })),
    status: 422,
    message: /journal_entries\.0\.data\.rev: Expected an HLC revision/,
  },
  {
    name: 'tags that are not a list',
    body: text(withEntry({ tags: 'walk' })),
    status: 422,
    message: /journal_entries\.0\.data\.tags/,
  },
  {
    name: 'a timestamp with 10^9 nanoseconds',
    body: text(withEntry({ createdAt: { $timestamp: { seconds: 1, nanoseconds: 1e9 } } })),
    status: 422,
    message: /createdAt: A \$timestamp needs integer seconds/,
  },
  {
    name: 'a timestamp with string seconds',
    body: text(withEntry({ createdAt: { $timestamp: { seconds: '1', nanoseconds: 0 } } })),
    status: 422,
    message: /\$timestamp/,
  },
  {
    name: 'a timestamp past the year 9999',
    body: text(withEntry({ createdAt: { $timestamp: { seconds: 1e12, nanoseconds: 0 } } })),
    status: 422,
    message: /outside the years 1 to 9999/,
  },
  {
    name: 'an unknown type tag',
    body: text(withEntry({ createdAt: { $date: 1 } })),
    status: 422,
    message: /Unknown type tag \$date/,
  },
  {
    name: 'a plain date string for a timestamp',
    body: text(withEntry({ createdAt: '2025-01-01' })),
    status: 422,
    message: /createdAt: Expected a Firestore Timestamp/,
  },
  {
    name: 'an unknown field',
    body: text(withEntry({ isAdmin: true })),
    status: 422,
    message: /isAdmin: fields that wellsync does not know/,
  },
  // Issue 13, hole 4: prototype names are unknown fields too, and must not vanish on the way (JSON.parse makes an own key).
  {
    name: 'a __proto__ key in an entry',
    body: text(withEntry(JSON.parse('{"__proto__":{"isAdmin":true}}'))),
    status: 422,
    message:
      /journal_entries\.0\.data\.__proto__: fields that wellsync does not know \("__proto__" in document "j-1"\)/,
  },
  {
    name: 'a constructor key in an entry',
    body: text(withEntry({ constructor: { prototype: { polluted: true } } })),
    status: 422,
    message: /journal_entries\.0\.data\.constructor: fields that wellsync does not know/,
  },
  {
    name: 'a $double naming a prototype method',
    body: text(withEntry({ mood: { $double: 'toString' } })),
    status: 422,
    message: /journal_entries\.0\.data\.mood: \$double must be/,
  },
  {
    name: 'a document id with a slash',
    body: () => {
      const f = validExport();
      (f.journal_entries as { id: string }[])[0]!.id = '../../users/x';
      return Buffer.from(json(f));
    },
    status: 422,
    message: /journal_entries\.0\.id/,
  },
  {
    name: 'the id ".."',
    body: () => {
      const f = validExport();
      (f.mood_entries as { id: string }[])[0]!.id = '..';
      return Buffer.from(json(f));
    },
    status: 422,
    message: /mood_entries\.0\.id/,
  },
  {
    name: 'the same entry twice',
    body: () => {
      const f = validExport();
      const list = f.journal_entries as unknown[];
      list.push(list[0]);
      return Buffer.from(json(f));
    },
    status: 422,
    message: /lists journal_entries\/j-1 twice/,
  },
  {
    name: 'a settings document other than sync',
    body: () => {
      const f = validExport();
      (f.settings as { id: string }[])[0]!.id = 'theme';
      return Buffer.from(json(f));
    },
    status: 422,
    message: /only the "sync" settings/,
  },
  {
    name: 'a profile with an unknown time zone',
    body: text(json({ ...validExport(), profile: { ...(validExport().profile as object), timezone: 'Mars/Olympus' } })),
    status: 422,
    message: /profile\.timezone: Expected an IANA time zone/,
  },
  {
    name: 'a mood score of 6',
    body: text(withEntry({ score: 6 }, 'mood_entries')),
    status: 422,
    message: /mood_entries\.0\.data\.score/,
  },
  {
    name: 'a conflict about another collection',
    body: text(withEntry({ collection: 'users' }, 'conflicts')),
    status: 422,
    message: /conflicts\.0\.data\.collection/,
  },
  {
    name: 'a negative sync count',
    body: text(withEntry({ pushed: -1 }, 'sync_events')),
    status: 422,
    message: /sync_events\.0\.data\.pushed/,
  },
  {
    name: 'a device on an unknown platform',
    body: text(withEntry({ platform: 'symbian' }, 'devices')),
    status: 422,
    message: /devices\.0\.data\.platform/,
  },
  {
    name: 'a ZIP entry climbing out with ..',
    body: async () =>
      renameInZip(
        await makeZip([
          { name: 'aa/evil.json', data: '{}' },
          { name: 'wellsync-export.json', data: json(validExport()) },
        ]),
        'aa/evil.json',
        '../evil.json',
      ),
    status: 422,
    message: /climbs out of its folder/,
  },
  {
    name: 'an absolute path in a ZIP',
    body: async () =>
      renameInZip(await makeZip([{ name: '_etc/pass.json', data: '{}' }]), '_etc/pass.json', '/etc/pass.json'),
    status: 422,
    message: /absolute path/,
  },
  {
    name: 'a Windows drive path in a ZIP',
    body: async () => renameInZip(await makeZip([{ name: 'Cx/win.json', data: '{}' }]), 'Cx/win.json', 'C:/win.json'),
    status: 422,
    message: /absolute path/,
  },
  {
    name: 'a backslash in a ZIP name',
    body: async () => renameInZip(await makeZip([{ name: 'a_b.json', data: '{}' }]), 'a_b.json', 'a\\b.json'),
    status: 422,
    message: /backslash/,
  },
  {
    name: 'two files with the same name in a ZIP',
    body: async () =>
      renameInZip(
        await makeZip([
          { name: 'wellsync-export.json', data: json(validExport()) },
          { name: 'wellsync-export.jsoX', data: '{}' },
        ]),
        'wellsync-export.jsoX',
        'wellsync-export.json',
      ),
    status: 422,
    message: /two files named "wellsync-export\.json"/,
  },
  {
    name: 'a zip bomb',
    body: () => makeZip([{ name: 'wellsync-export.json', data: Buffer.alloc(30 * 1024 * 1024, 0x20) }]),
    status: 422,
    message: /zip bomb/,
  },
  {
    name: 'a truncated ZIP',
    body: async () => (await makeZip([{ name: 'wellsync-export.json', data: json(validExport()) }])).subarray(0, 400),
    status: 422,
    message: /damaged or incomplete/,
  },
  {
    name: 'a ZIP of something else',
    body: () => makeZip([{ name: 'notes.txt', data: 'hello' }]),
    status: 415,
    message: /neither a wellsync export .* a Day One export .* nor a Daylio backup/,
  },
  {
    name: 'a ZIP with a broken wellsync-export.json',
    body: () => makeZip([{ name: 'wellsync-export.json', data: '{"format": ' }]),
    status: 422,
    message: /wellsync-export\.json is not valid JSON/,
  },
  // Issue 16: odd rows are skipped and listed; a file is refused only when no row can be read, naming the first.
  {
    name: 'a Daylio row without a mood',
    body: text(daylio('2025-03-02,March 2,Sunday,9:15 pm,,,,')),
    status: 422,
    message: /No check-ins in this file could be imported\. Line 2: it has no mood/,
  },
  {
    name: 'a Daylio impossible time',
    body: text(daylio('2025-03-02,March 2,Sunday,25:15,good,,,')),
    status: 422,
    message: /Line 2: "25:15" is not a time of day/,
  },
  {
    name: 'a Daylio bad date',
    body: text(daylio('2 March,March 2,Sunday,9:15 pm,good,,,')),
    status: 422,
    message: /Line 2: expected a date like 2024-01-31/,
  },
  {
    name: 'a Daylio row with a missing column',
    body: text(daylio('2025-03-02,March 2,Sunday,9:15 pm,good')),
    status: 422,
    message: /Line 2: it has 5 cells where the first line names 8/,
  },
  {
    name: 'a Daylio unclosed quote',
    body: text(daylio('2025-03-02,March 2,Sunday,9:15 pm,good,"walk,,')),
    status: 422,
    message: /Line 2: a quote opens on this line and is never closed/,
  },
  {
    name: 'a Daylio backup that is not base64',
    body: () => makeZip([{ name: 'backup.daylio', data: '{"not":"base64"}' }]),
    status: 422,
    message: /backup\.daylio in this Daylio backup is not base64/,
  },
  {
    name: 'a Day One journal whose only entry has no text',
    body: text(
      json({
        metadata: { version: '1.0' },
        entries: [{ uuid: 'A', creationDate: '2024-01-01T00:00:00Z', text: '', photos: [{}] }],
      }),
    ),
    status: 422,
    message: /Journal\.json, entry 1: it has no text \(only 1 photo\)/,
  },
  { name: 'a Daylio file with only a header', body: text(daylio()), status: 422, message: /holds no entries/ },
  {
    name: 'a Day One entry without a date',
    body: text(json({ metadata: { version: '1.0' }, entries: [{ uuid: 'A', text: 'hi' }] })),
    status: 422,
    message: /Journal\.json, entry 1: creationDate/,
  },
  {
    name: 'a Day One entry with 31 tags',
    body: text(
      json({
        metadata: { version: '1.0' },
        entries: [
          {
            uuid: 'A',
            creationDate: '2024-01-01T00:00:00Z',
            text: 'hi',
            tags: Array.from({ length: 31 }, (_, i) => `t${i}`),
          },
        ],
      }),
    ),
    status: 422,
    message: /at most 30 tags/,
  },
  {
    name: 'a Day One entry whose text is not text',
    body: text(
      json({
        metadata: { version: '1.0' },
        entries: [{ uuid: 'A', creationDate: '2024-01-01T00:00:00Z', text: { html: '<b>' } }],
      }),
    ),
    status: 422,
    message: /entry 1: text/,
  },
  {
    name: 'a Day One ZIP with a broken journal',
    body: () => makeZip([{ name: 'Journal.json', data: '{"metadata":' }]),
    status: 422,
    message: /Journal\.json is not valid JSON/,
  },
  {
    name: 'too many documents',
    body: () =>
      Buffer.from(
        daylio(
          ...Array.from(
            { length: 100_001 },
            (_, i) => `2025-01-01,,,${Math.floor(i / 60) % 24}:${String(i % 60).padStart(2, '0')},good,,,`,
          ),
        ),
      ),
    status: 413,
    message: /at most 100000/,
  },
  {
    name: 'a file over 50 MB',
    body: () => Buffer.alloc(50 * 1024 * 1024 + 1, 0x20),
    status: 413,
    message: /larger than the 50 MB/,
  },
];

/** Generated cases: every prefix of a valid export is refused, and so is every corrupted field. */
function generatedCases(): Case[] {
  const valid = JSON.stringify(validExport());
  const cuts = fc.sample(fc.integer({ min: 1, max: valid.length - 1 }), { numRuns: 10, seed: 42 });
  const truncated = cuts.map((cut): Case => ({
    name: `the export cut at character ${cut}`,
    body: () => Buffer.from(valid.slice(0, cut)),
    status: 422,
    message: /is not valid JSON/,
  }));
  const fields = ['title', 'body', 'tags', 'mood', 'createdAt', 'updatedAt', 'deletedAt', 'rev', 'baseRev', 'deviceId'];
  const wrong = fc.oneof(
    fc.integer({ min: 1000 }),
    fc.constant(true),
    fc.constant({ nested: 1 }),
    fc.constant([1, 2]),
    fc.constant('x'.repeat(100_001)),
    fc.constant(-1.5),
  );
  const corrupted = fc
    .sample(fc.tuple(fc.constantFrom(...fields), wrong), { numRuns: 15, seed: 7 })
    .map(([field, value], i): Case => ({
      name: `journal field ${field} set to ${JSON.stringify(value).slice(0, 20)} (#${i + 1})`,
      body: () => Buffer.from(withEntry({ [field]: value })),
      status: 422,
      message: new RegExp(`journal_entries\\.0\\.data\\.${field}`),
    }));
  const bytes = fc
    .sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), { numRuns: 10, seed: 3 })
    .map((data, i): Case => ({
      name: `random bytes #${i + 1}`,
      body: () => Buffer.from(data),
      status: -1,
      message: /not UTF-8|could not recognise|not valid JSON|This does not look like|could be imported/,
    }));
  return [...truncated, ...corrupted, ...bytes];
}

let user: TestUser;
let cookie: string;
let before: Record<string, unknown>;

beforeAll(async () => {
  user = await createTestUser();
  await writeUserDocs(user.uid, richUserDocs(5));
  cookie = (await sessionCookieFor(user)).cookie;
  before = await snapshotUserTree(user.uid);
});

const cases = [...HAND_WRITTEN, ...generatedCases()];

describe('a bad import file gets a clear 4xx and writes nothing', () => {
  it('has at least 50 cases', () => expect(cases.length).toBeGreaterThanOrEqual(50));

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, testCase) => {
    const response = await upload(
      request('/api/data/imports?name=upload.bin', {
        method: 'POST',
        cookie,
        rawBody: new Uint8Array(await testCase.body()),
        contentType: 'application/octet-stream',
      }),
      routeContext(),
    );
    const body = await response.json();
    if (testCase.status === -1) expect([415, 422]).toContain(response.status);
    else expect(response.status).toBe(testCase.status);
    expect(body.error.message).toMatch(testCase.message);
    // Nothing was written: not the user's data, and no import job or stored file either.
    expect(await snapshotUserTree(user.uid)).toEqual(before);
  });

  it('refuses an upload from another site, or without a session, before reading it', async () => {
    const file = Buffer.from(JSON.stringify(validExport()));
    const foreign = await upload(
      request('/api/data/imports', {
        method: 'POST',
        cookie,
        rawBody: new Uint8Array(file),
        origin: 'https://evil.example',
      }),
      routeContext(),
    );
    expect(foreign.status).toBe(403);
    const anonymous = await upload(
      request('/api/data/imports', { method: 'POST', rawBody: new Uint8Array(file) }),
      routeContext(),
    );
    expect(anonymous.status).toBe(401);
    expect(await snapshotUserTree(user.uid)).toEqual(before);
  });
});
