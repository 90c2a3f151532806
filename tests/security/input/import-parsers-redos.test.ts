// Issue 13, hole 1: an upload could freeze the event loop. A Daylio note of 160 KB of "<b" took seconds in
// htmlToText's regex (quadratic backtracking), and a deeply nested wellsync export overflowed the stack (a 500).
// Every parser of untrusted input is attacked here with hand-built inputs and with fast-check patterns; each must
// answer with a plan or its own 4xx, within the CPU budget, and grow linearly from 100 KB to 1 MB.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { parseDaylioCsv } from '@/lib/import/parse-daylio-csv';
import { IMPORT_LIMITS } from '@/lib/import/import-limits';
import { parseImportFile } from '@/lib/import/parse-import-file';
import { makeZip } from '@/tests/helpers/zip-fixtures';
import { CPU_BOUND_MS, cpuMs, expectLinearWithinBudget, expectPlanOrRefusal } from './cpu-time';

// The machine is shared: wall time can be many times the CPU time measured.
vi.setConfig({ testTimeout: 120_000 });

type Attack = [name: string, make: (bytes: number) => Buffer | Promise<Buffer>];

const parse = (input: Buffer) => parseImportFile(input, 'Europe/Berlin');
/** `unit` repeated to about `bytes`, leaving room for the file around it. */
const fill = (unit: string, bytes: number) =>
  unit.repeat(Math.max(1, Math.floor((bytes - 400) / Buffer.byteLength(unit))));
const nested = (open: string, inner: string, close: string, bytes: number) => {
  const depth = Math.floor((bytes - 400) / (open.length + close.length));
  return open.repeat(depth) + inner + close.repeat(depth);
};

const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';
const csvQuoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
const daylio = (note: string, time = '10:00') =>
  Buffer.from(`${HEADER}\n2025-01-01,,,${time},good,,Title,${csvQuoted(note)}\n`);

const DAYLIO: Attack[] = [
  ['a note full of "<b" (the reported freeze)', (n) => daylio(fill('<b', n))],
  ['a note full of "<br"', (n) => daylio(fill('<br', n))],
  ['a note full of "<span " never closed', (n) => daylio(fill('<span ', n))],
  ['a note full of "</"', (n) => daylio(fill('</', n))],
  ['a note full of "<"', (n) => daylio(fill('<', n))],
  ['a note of closed tags only', (n) => daylio(fill('<b><i>', n))],
  ['a note full of "&#"', (n) => daylio(fill('&#', n))],
  ['a note full of "&#x"', (n) => daylio(fill('&#x', n))],
  ['a note full of "&amp"', (n) => daylio(fill('&amp', n))],
  ['a note of one endless entity name', (n) => daylio(`&${fill('a', n)}`)],
  ['a note of one endless numeric entity', (n) => daylio(`&#${fill('9', n)};`)],
  ['a note full of quotes', (n) => Buffer.from(`${HEADER}\n2025-01-01,,,10:00,good,,,"${fill('""', n)}"\n`)],
  ['one endless unquoted line', (n) => Buffer.from(`${HEADER}\n2025-01-01,,,${fill('x', n)},good,,,\n`)],
  ['an endless time of digits', (n) => daylio('', fill('1', n))],
  ['an endless time of spaces before "pm"', (n) => daylio('', `1:00${fill(' ', n)}pm`)],
  ['whitespace before the header', (n) => Buffer.from(`${fill(' ', n)}${HEADER}\n2025-01-01,,,10:00,good,,,\n`)],
];

/**
 * A megabyte of valid rows is about 25,000 check-ins, each with its own time-zone conversion and id: honest linear
 * work that costs more than the 100 ms budget (csv-parse alone takes about 80 ms per MB here). It is held to
 * linear growth and to a per-row budget instead.
 */
const DAYLIO_BULK: Attack[] = [
  [
    'rows that all fail late',
    (n) =>
      Buffer.from(
        `${HEADER}\n${fill('2025-01-01,,,10:00,good,,,"<b>x</b>"\n', n - 200)}2025-01-01,,,10:00,ecstatic,,,\n`,
      ),
  ],
  // Valid rows (a space before a quote is allowed since issue 16), so each is converted and gets an id.
  [
    'spaces before every quote',
    (n) => Buffer.from(`${HEADER}\n${fill('2025-01-01,,,10:00,good, "a", "b", "c"\n', n)}`),
  ],
];
const BULK_BUDGET_MS = 1000;

const dayOne = (entries: unknown[], metadata: unknown = { version: '1.0' }) =>
  Buffer.from(JSON.stringify({ metadata, entries }));
const dayOneEntry = (patch: Record<string, unknown>) => ({
  uuid: 'A1',
  creationDate: '2024-01-01T08:00:00Z',
  text: 'Title\nBody',
  ...patch,
});

const DAY_ONE: Attack[] = [
  ['a text of "#" only', (n) => dayOne([dayOneEntry({ text: fill('#', n) })])],
  ['a title of "#" then endless spaces', (n) => dayOne([dayOneEntry({ text: `#${fill(' ', n)}x` })])],
  ['a text of newlines', (n) => dayOne([dayOneEntry({ text: `Title${fill('\n', n / 2)}` })])],
  ['an endless creation date', (n) => dayOne([dayOneEntry({ creationDate: `2024-01-01T00:00:00${fill('0', n)}Z` })])],
  ['an endless uuid', (n) => dayOne([dayOneEntry({ uuid: fill('A', n) })])],
  [
    'deeply nested arrays as an entry',
    (n) => Buffer.from(`{"metadata":{"version":"1"},"entries":[${nested('[', '', ']', n)}]}`),
  ],
  [
    'deeply nested objects in an entry',
    (n) =>
      Buffer.from(
        `{"metadata":{"version":"1"},"entries":[{"uuid":"A","creationDate":"2024-01-01T08:00:00Z","x":${nested('{"a":', '1', '}', n)}}]}`,
      ),
  ],
  [
    'deeply nested metadata',
    (n) =>
      Buffer.from(
        `{"metadata":{"version":"1","x":${nested('[', '', ']', n)}},"entries":[{"uuid":"A","creationDate":"2024-01-01T08:00:00Z"}]}`,
      ),
  ],
  [
    'many small entries',
    (n) => dayOne(Array.from({ length: Math.floor(n / 90) }, (_, i) => dayOneEntry({ uuid: `U${i}` }))),
  ],
  [
    'many keys in one entry',
    (n) => dayOne([Object.fromEntries(Array.from({ length: Math.floor(n / 14) }, (_, i) => [`k${i}`, 1]))]),
  ],
  // Issue 16: richText, media links and per-entry skipping.
  ['richText nested deeply', (n) => dayOne([dayOneEntry({ text: '', richText: nested('[', '', ']', n - 200) })])],
  [
    'richText of many tiny runs',
    (n) =>
      dayOne([
        dayOneEntry({
          text: '',
          richText: JSON.stringify({ contents: Array.from({ length: Math.floor(n / 20) }, () => ({ text: 'a' })) }),
        }),
      ]),
  ],
  ['a text of endless media links', (n) => dayOne([dayOneEntry({ text: fill('![](dayone-moment://X)', n) })])],
  ['a text of endless unclosed media links', (n) => dayOne([dayOneEntry({ text: fill('![](dayone-moment:', n) })])],
  [
    'many entries without text',
    (n) =>
      dayOne(
        Array.from({ length: Math.floor(n / 70) }, (_, i) => ({ uuid: `U${i}`, creationDate: '2024-01-01T08:00:00Z' })),
      ),
  ],
  [
    'many entries that repeat one uuid',
    (n) => dayOne(Array.from({ length: Math.floor(n / 90) }, () => dayOneEntry({}))),
  ],
];

// Issue 16: every Daylio layout, and rows that are each refused on their own (the file is no longer refused whole).
const SEVEN = 'full_date,date,weekday,time,mood,activities,note';
const NINE = 'full_date,date,weekday,time,mood,activities,scales,note_title,note';
const YEAR = 'year,date,weekday,time,mood,activities,note';
const DAYLIO_LAYOUTS: Attack[] = [
  ['7 columns: rows that each lack a cell', (n) => Buffer.from(`${SEVEN}\n${fill('2025-01-01,,,10:00,good,\n', n)}`)],
  [
    '9 columns: an endless scales cell',
    (n) => Buffer.from(`${NINE}\n2025-01-01,,,10:00,good,,"${fill('energy:\u00a04 | ', n)}",,\n`),
  ],
  ['the year layout: an endless date cell', (n) => Buffer.from(`${YEAR}\n2018,${fill('1', n)} May,,10:00,good,,\n`)],
  ['the year layout: an endless month name', (n) => Buffer.from(`${YEAR}\n2018,18 ${fill('M', n)},,10:00,good,,\n`)],
  [
    'the year layout: rows of impossible dates',
    (n) => Buffer.from(`${YEAR}\n${fill('2018,31 Feb,,10:00,good,,\n', n)}`),
  ],
  ['a quote never closed', (n) => Buffer.from(`${HEADER}\n2025-01-01,,,10:00,good,"${fill('x\n', n)}`)],
  [
    'text after a closing quote on every line',
    (n) => Buffer.from(`${HEADER}\n${fill('2025-01-01,,,10:00,good,"a"b,,\n', n)}`),
  ],
  [
    'a new custom mood on every row',
    (n) =>
      Buffer.from(
        `${HEADER}\n${Array.from({ length: Math.floor(n / 30) }, (_, i) => `2025-01-01,,,10:00,m${i},,,`).join('\n')}`,
      ),
  ],
  [
    'a header of endless unknown columns',
    (n) =>
      Buffer.from(
        `full_date,time,mood,${Array.from({ length: Math.floor(n / 8) }, (_, i) => `c${i}`).join(',')}\n2025-01-01,10:00,good\n`,
      ),
  ],
  ['blank lines', (n) => Buffer.from(`${HEADER}\n${fill('\n \n', n)}2025-01-01,,,10:00,good,,,\n`)],
  // Each quoted cell counted its line breaks by searching on to the next one, past the cell: on a row with no line
  // break that is the rest of the file, once per cell (1 MB took 1.4 s).
  ['one row of endless quoted cells', (n) => Buffer.from(`${HEADER}\n${fill('"a",', n)}`)],
  [
    'quoted cells on one row, one line break at the end',
    (n) => Buffer.from(`${HEADER}\n2025-01-01,,,10:00,good,,,\n${fill('"",', n)}\n`),
  ],
];

/** A `.daylio` backup: a ZIP holding base64 JSON, sized so that the whole ZIP stays near `bytes`. */
const backupZip = (json: string) =>
  makeZip([{ name: 'backup.daylio', data: Buffer.from(json).toString('base64') }], true);
const backupOf = (entries: unknown[], extra = '') =>
  backupZip(
    `{"customMoods":[{"id":1,"custom_name":"","mood_group_id":1,"predefined_name_id":1}],"tags":[]${extra},"dayEntries":${JSON.stringify(entries)}}`,
  );
const backupEntry = (patch: Record<string, unknown>) => ({
  id: 1,
  datetime: 1_700_000_000_000,
  mood: 1,
  note: '',
  note_title: '',
  tags: [],
  assets: [],
  ...patch,
});
/** How many check-ins fit a backup ZIP of about `bytes` (base64 adds a third). */
const backupCount = (bytes: number) =>
  Math.floor(((bytes * 3) / 4 - 400) / (JSON.stringify(backupEntry({ id: 99_999, mood: 99 })).length + 1));
const DAYLIO_BACKUP: Attack[] = [
  ['backup.daylio that is not base64', (n) => makeZip([{ name: 'backup.daylio', data: fill('!', n) }], true)],
  [
    'a backup nested deeply',
    (n) => backupZip(`{"customMoods":[],"dayEntries":${nested('[', '', ']', (n * 3) / 4 - 300)}}`),
  ],
  [
    'a backup of check-ins with unknown moods',
    (n) => backupOf(Array.from({ length: backupCount(n) }, (_, i) => backupEntry({ id: i, mood: 99 }))),
  ],
  ['a backup repeating one check-in', (n) => backupOf(Array.from({ length: backupCount(n) }, () => backupEntry({})))],
  ['a backup note full of "<b"', (n) => backupOf([backupEntry({ note: fill('<b', (n * 3) / 4) })])],
  [
    'a backup of endless tag ids',
    (n) =>
      backupOf([
        backupEntry({ tags: Array.from({ length: Math.floor(((n * 3) / 4 - 400) / 8) }, (_, i) => 1_000_000 + i) }),
      ]),
  ],
];

const ts = { $timestamp: { seconds: 1_760_000_000, nanoseconds: 0 } };
const JOURNAL = {
  title: 'A day',
  body: 'Walked.',
  tags: [],
  mood: 4,
  createdAt: ts,
  updatedAt: ts,
  deletedAt: null,
  rev: '1760000000000:0001:ios-a',
  baseRev: null,
  deviceId: 'ios-a',
};
const wellsync = (section: string, doc: { id?: string; data: Record<string, unknown> }) =>
  Buffer.from(JSON.stringify({ format: EXPORT_FORMAT, [section]: [{ id: 'j-1', ...doc }] }));
const journal = (patch: Record<string, unknown>) => wellsync('journal_entries', { data: { ...JOURNAL, ...patch } });
const rawJournal = (field: string, json: string) =>
  Buffer.from(
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"journal_entries":[{"id":"j-1","data":{"${field}":${json}}}]}`,
  );

const WELLSYNC: Attack[] = [
  ['deeply nested arrays in a field', (n) => rawJournal('body', nested('[', '', ']', n))],
  ['deeply nested maps in a field', (n) => rawJournal('body', nested('{"a":', '1', '}', n))],
  ['deeply nested $map tags', (n) => rawJournal('body', nested('{"$map":{"a":', '1', '}}', n))],
  ['an endless $bytes that is not base64', (n) => journal({ body: { $bytes: `${fill('A', n)}!` } })],
  ['an endless $bytes of "="', (n) => journal({ body: { $bytes: fill('=', n) } })],
  ['an endless revision', (n) => journal({ rev: fill('1', n) })],
  ['an endless device id', (n) => journal({ deviceId: fill('a', n) })],
  [
    'an endless app version',
    (n) => wellsync('devices', { id: 'ios-a', data: { appVersion: `1.1.1-${fill('-', n)}!` } }),
  ],
  ['an endless document id of "__"', (n) => wellsync('journal_entries', { id: `__${fill('a', n)}`, data: JOURNAL })],
  [
    'an endless time zone',
    (n) => Buffer.from(JSON.stringify({ format: EXPORT_FORMAT, profile: { timezone: fill('Europe/', n) } })),
  ],
  ['a title of escaped quotes', (n) => journal({ title: fill('"', n / 2) })],
  [
    'many unknown keys',
    (n) => journal(Object.fromEntries(Array.from({ length: Math.floor(n / 14) }, (_, i) => [`k${i}`, 1]))),
  ],
  [
    'many entries',
    (n) =>
      Buffer.from(
        JSON.stringify({
          format: EXPORT_FORMAT,
          journal_entries: Array.from({ length: Math.floor(n / 330) }, (_, i) => ({ id: `j-${i}`, data: JOURNAL })),
        }),
      ),
  ],
];

const ZIP: Attack[] = [
  [
    'a ZIP whose export is deeply nested',
    (n) => makeZip([{ name: 'wellsync-export.json', data: rawJournal('body', nested('[', '', ']', n - 300)) }], true),
  ],
  [
    'a ZIP whose Day One journal is deeply nested',
    (n) =>
      makeZip(
        [{ name: 'Journal.json', data: `{"metadata":{"version":"1"},"entries":[${nested('[', '', ']', n - 300)}]}` }],
        true,
      ),
  ],
  [
    'a ZIP of many small JSON files',
    (n) =>
      makeZip(
        Array.from({ length: Math.floor(n / 140) }, (_, i) => ({ name: `f${i}.json`, data: '{}' })),
        true,
      ),
  ],
  [
    'a ZIP of many files in folders',
    (n) =>
      makeZip(
        Array.from({ length: Math.floor(n / 160) }, (_, i) => ({ name: `photos/p${i}.jpg`, data: 'x' })),
        true,
      ),
  ],
];

const PARSERS: [string, Attack[]][] = [
  ['Daylio CSV', DAYLIO],
  ['Daylio CSV layouts and odd rows', DAYLIO_LAYOUTS],
  ['Daylio backup', DAYLIO_BACKUP],
  ['Day One JSON', DAY_ONE],
  ['wellsync export JSON', WELLSYNC],
  ['ZIP', ZIP],
];

describe.each(PARSERS)('%s under hostile input', (_parser, attacks) => {
  it.each(attacks)('%s: a plan or a 4xx, linear, within the CPU budget', async (_name, make) => {
    await expectLinearWithinBudget(make, parse);
  });
});

describe('Daylio CSV in bulk', () => {
  it('stops one row past the document limit instead of converting every row first', async () => {
    const file = await DAYLIO_BULK[0]![1](1024 * 1024);
    const run = () => parseImportFile(file, 'Europe/Berlin', { ...IMPORT_LIMITS, maxDocuments: 100 });
    await expect(run()).rejects.toThrow(/at most 100 documents/);
    expect(await cpuMs(run)).toBeLessThan(CPU_BOUND_MS);
  });

  it.each(DAYLIO_BULK)('%s: a plan or a 4xx, linear, within a per-row budget', async (_name, make) => {
    await expectLinearWithinBudget(make, parse, BULK_BUDGET_MS);
  });
});

describe('htmlToText, the reported case', () => {
  it('decodes the entities Daylio writes, once, and keeps a bare & and unknown tags as text', () => {
    const note =
      'She said &quot;hi&quot; &amp; I&#39;m &#x1F600;&#65;&nbsp;ok<br>AT&T &amp;lt;b&amp;gt; <bold>x</bold> <b class="x">y</b><br/>&bogus;';
    const plan = parseDaylioCsv(`${HEADER}\n2025-01-01,,,10:00,good,,,${csvQuoted(note)}\n`, 'UTC');
    expect((plan.entries[0] as unknown as { fields: { note: string } }).fields.note).toBe(
      'She said "hi" & I\'m 😀A ok\nAT&T &lt;b&gt; <bold>x</bold> y\n&bogus;',
    );
  });

  it('reads 160 KB of "<b" in a Daylio note within the CPU budget, and refuses it as too long', async () => {
    const csv = `${HEADER}\n2025-01-01,,,10:00,good,,,"${'<b'.repeat(80_000)}"\n`;
    expect(() => parseDaylioCsv(csv, 'UTC')).toThrow(/Line 2: the note is 160,000 characters long/);
    expect(await cpuMs(() => parseDaylioCsv(csv, 'UTC'))).toBeLessThan(CPU_BOUND_MS);
  });
});

// fast-check builds the repeating patterns: a short random mix of the characters these parsers treat specially,
// repeated to about 200 KB and put where each parser reads text.
const TOKENS = [
  '<',
  '>',
  '/',
  'b',
  'br',
  'span',
  ' ',
  '&',
  '#',
  'x',
  '9',
  'amp',
  ';',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '=',
  '$',
  ':',
  '-',
  'é',
  '💥',
];
const pattern = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 })
  .map((tokens) => fill(tokens.join(''), 200 * 1024));
const PLACES: [string, (text: string) => Buffer | Promise<Buffer>][] = [
  ['Daylio CSV', (text) => daylio(text)],
  ['Day One JSON', (text) => dayOne([dayOneEntry({ text })])],
  ['wellsync export JSON', (text) => journal({ body: text, rev: text.slice(0, 2000), title: text.slice(0, 200) })],
  ['ZIP', (text) => makeZip([{ name: 'Journal.json', data: dayOne([dayOneEntry({ text })]) }], true)],
];

describe.each(PLACES)('%s with fast-check patterns', (_parser, place) => {
  it('answers every pattern with a plan or a 4xx within the CPU budget', async () => {
    await fc.assert(
      fc.asyncProperty(pattern, async (text) => {
        const input = await place(text);
        await expectPlanOrRefusal(() => parse(input));
        const ms = await cpuMs(() => parse(input), 2);
        expect(ms, `${JSON.stringify(text.slice(0, 24))}… took ${ms.toFixed(1)} ms`).toBeLessThan(CPU_BOUND_MS);
      }),
      // No shrinking: on slow code every shrink step would take seconds more.
      { numRuns: 25, seed: 20261203, endOnFailure: true },
    );
  });
});
