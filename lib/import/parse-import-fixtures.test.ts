// Issue 16: the Daylio and Day One files people actually have (tests/fixtures/imports/README.md says where each
// comes from). Per fixture: what is imported, to the minute in the zone it was read in, and what the preview
// reports as skipped or not imported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { migratedEntryId } from './migrated-entry';
import { parseImportFile } from './parse-import-file';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`);
const parse = (name: string, timeZone: string) => parseImportFile(fixture(name), timeZone);
type Migrated = Extract<PlannedEntry, { kind: 'migrated' }>;
const migrated = (plan: ImportPlan) => plan.entries as Migrated[];
const at = (entry: Migrated) => new Date(entry.physicalMs).toISOString().slice(0, 16);
/** Each check-in as [UTC minute, score, note, activities]. */
const checkIns = (plan: ImportPlan) =>
  migrated(plan).map((e) => [at(e), e.fields.score, e.fields.note, e.fields.activities]);
const moods = (plan: ImportPlan) => plan.report.moods.map((m) => `${m.name}=${m.level} (${m.basis})`);

describe('Daylio CSV layouts', () => {
  it('8 columns, 12-hour times, default moods (the long-standing fixture), with the ids earlier imports wrote', async () => {
    const plan = await parse('daylio_export.csv', 'America/New_York');
    expect(checkIns(plan)).toEqual([
      [
        '2025-03-03T02:15',
        4,
        'Sunday\n\nLong walk by the river.\nDinner with Sam, "finally" 😀',
        ['friends', 'walk', 'movies / tv'],
      ],
      ['2025-03-02T13:05', 3, null, ['bad sleep']],
      ['2025-03-02T04:54', 5, null, ['party', 'music']],
      ['2025-02-28T12:30', 1, "Couldn't get up. Café au lait helped a bit.", []],
    ]);
    // The source key (local date, time cell, occurrence) is what it was before issue 16, so re-imports match.
    expect(plan.entries[0]!.id).toBe(
      migratedEntryId('daylio', '2025-03-02 9:15 pm#1', Date.parse('2025-03-03T02:15:00Z')),
    );
    expect(plan.entries[0]!.id).toBe('019559c9-00a0-75dd-afc1-a9235199a1c1'); // what main's parser gave for this row
    expect(plan.report).toMatchObject({ timeZone: 'America/New_York', skippedTotal: 0, notImported: [] });
  });

  it('7 columns without note_title, 24-hour times across the spring-forward, custom moods guessed', async () => {
    const plan = await parse('daylio-7col-24h-custom-moods.csv', 'Europe/Berlin');
    expect(checkIns(plan)).toEqual([
      ['2026-03-29T08:00', 5, 'Spring forward & sunshine', ['family', 'walk']],
      // 02:30 does not exist in Berlin that night: it moves forward by the gap, to 03:30 CEST.
      ['2026-03-29T01:30', 2, null, ['bad sleep']],
      ['2026-03-28T22:59', 3, null, []],
      ['2026-03-28T07:05', 4, null, ['work']],
    ]);
    expect(moods(plan)).toEqual(['ecstatic=5 (word)', 'tired=2 (word)', 'blah=3 (unknown)', 'good=4 (standard)']);
  });

  it('9 columns with scales, a BOM, German names, the fall-back night; scales reported as not imported', async () => {
    const plan = await parse('daylio-9col-scales-de.csv', 'Europe/Berlin');
    expect(checkIns(plan)).toEqual([
      // 02:30 happens twice in Berlin that night: the first, still in summer time.
      ['2026-10-25T00:30', 4, 'Herbst\n\nZeitumstellung\nKaffee & Kuchen 🍰', ['Familie', 'Natur']],
      ['2026-10-24T19:15', 2, null, ['Arbeit']],
      ['2026-10-24T05:40', 5, null, []],
      ['2026-10-23T16:00', 1, 'Fieber', ['Krank']],
      ['2026-10-23T10:00', 3, null, []],
    ]);
    // "Müde" is no known word, and 2 is the one level no other mood holds: Daylio renamed "Schlecht" in place.
    expect(moods(plan)).toEqual([
      'Gut=4 (standard)',
      'Müde=2 (free-level)',
      'Super=5 (standard)',
      'Lausig=1 (standard)',
      'Ok=3 (standard)',
    ]);
    expect(plan.report.notImported).toEqual([{ label: 'Scales (Daylio’s extra 1–5 ratings)', count: 2 }]);
  });

  it('the older year,date layout with dates like "18 May" and "March 4"', async () => {
    const plan = await parse('daylio-old-year-layout.csv', 'America/New_York');
    expect(checkIns(plan)).toEqual([
      ['2018-05-19T03:54', 4, 'Went to a party', ['clean', 'cook', 'music']],
      ['2018-05-18T02:21', 3, null, ['cook', 'stressed']],
      ['2018-05-17T03:41', 1, 'Did nothing today.', []],
      ['2018-03-04T12:05', 5, 'old "format"', []],
    ]);
    expect(moods(plan)).toEqual(['happy=4 (word)', 'average=3 (word)', 'horrible=1 (word)', 'rad=5 (standard)']);
  });

  it('imports the sound rows of a file with odd ones, and lists each refused row with its line and reason', async () => {
    const plan = await parse('daylio-odd-rows.csv', 'Europe/London');
    expect(checkIns(plan)).toEqual([
      ['2025-06-02T20:00', 4, 'space before a quote', ['walk']],
      ['2025-05-31T09:00', 1, 'a "quoted" word', []],
    ]);
    expect(plan.report.skipped).toEqual([
      { where: 'Line 3', reason: expect.stringMatching(/^it has 7 cells where the first line names 8/) },
      { where: 'Line 5', reason: expect.stringMatching(/^it has 9 cells where the first line names 8/) },
      { where: 'Line 6', reason: expect.stringMatching(/^text follows a closing quote/) },
      { where: 'Line 7', reason: '"2025-02-30" is not a date' },
    ]);
    expect(plan.report.skippedTotal).toBe(4);
  });

  it('reads the same file in another zone when the user picks one, and applies the levels they chose', async () => {
    const plan = await parseImportFile(fixture('daylio-7col-24h-custom-moods.csv'), 'Asia/Tokyo', IMPORT_LIMITS, [
      { name: 'BLAH', level: 1 },
      { name: 'tired', level: 3 },
    ]);
    expect(checkIns(plan).map(([minute, score]) => [minute, score])).toEqual([
      ['2026-03-29T01:00', 5],
      ['2026-03-28T17:30', 3],
      ['2026-03-28T14:59', 1],
      ['2026-03-27T23:05', 4],
    ]);
    expect(moods(plan)).toEqual(['ecstatic=5 (word)', 'tired=3 (chosen)', 'blah=1 (chosen)', 'good=4 (standard)']);
    expect(plan.report.timeZone).toBe('Asia/Tokyo');
    // The zone moves the instants, so the ids (whose time part is the instant) move too; the keys do not.
    const berlin = await parse('daylio-7col-24h-custom-moods.csv', 'Europe/Berlin');
    expect(plan.entries[0]!.id.slice(14)).toBe(berlin.entries[0]!.id.slice(14));
  });
});

describe('a Daylio backup (.daylio)', () => {
  it('reads levels, activities and exact instants from the backup, and skips what it cannot place', async () => {
    const plan = await parse('backup_2024_07_04.daylio', 'Europe/Berlin');
    expect(plan.source).toBe('daylio');
    expect(checkIns(plan)).toEqual([
      ['2023-11-19T15:45', 5, 'Working on a Daylio to Markdown converter', ['programming']],
      ['2024-03-12T19:30', 4, 'Tuesday\n\nLong day\n"ok" & done', ['family', 'walk']],
      ['2024-07-01T06:05', 2, null, ['walk']],
    ]);
    expect(moods(plan)).toEqual(['rad=5 (backup)', 'meh+=4 (backup)', 'Exhausted=2 (backup)']);
    expect(plan.report.timeZone).toBeNull();
    expect(plan.report.skipped).toEqual([
      { where: 'Check-in 4', reason: "its mood (id 99) is not among the backup's moods" },
      { where: 'Check-in 5', reason: expect.stringMatching(/^datetime: /) },
    ]);
    expect(plan.report.notImported).toEqual([
      { label: 'Photos and voice memos', count: 2 },
      { label: 'Goals', count: 1 },
    ]);
    // Ids come from Daylio's own check-in ids, and the zone chosen does not matter.
    expect(plan.entries[0]!.id).toBe(migratedEntryId('daylio-backup', '15024', Date.parse('2023-11-19T15:45:59.432Z')));
    expect((await parse('backup_2024_07_04.daylio', 'Asia/Tokyo')).entries.map((e) => e.id)).toEqual(
      plan.entries.map((e) => e.id),
    );
  });
});

describe('a Day One ZIP with two journals', () => {
  it('imports both, tags each entry with its journal, reads richText when text is empty, and reports the rest', async () => {
    const plan = await parse('dayone-two-journals.zip', 'Europe/Berlin');
    expect(plan.source).toBe('dayone');
    expect(
      migrated(plan).map((e) => [
        new Date(e.fields.createdAt as number).toISOString().slice(0, 16),
        e.fields.title,
        e.fields.body,
        e.fields.tags,
      ]),
    ).toEqual([
      [
        '2024-05-04T06:30',
        'Seedlings',
        'The tomatoes are up.\n\n![](dayone-moment://0F343B0931126A20F133D67C2B018A3B)',
        ['garden', 'starred', 'Journal'],
      ],
      ['2024-05-05T22:15', 'Packed and ready', 'Off to the coast tomorrow.', ['pinned', 'Journal']],
      ['2024-06-10T01:20', 'Kyoto', 'Temple bells at dusk. &amp; stays as typed.', ['japan', 'Travel Log']],
    ]);
    expect(plan.report.skipped).toEqual([
      {
        where: 'Journal.json, entry 3',
        reason: 'it has no text (only 1 photo), and wellsync has no place for an entry without text',
      },
      { where: 'Journal.json, entry 4', reason: 'it has no text, and wellsync has no place for an entry without text' },
      { where: 'Travel Log.json, entry 2', reason: expect.stringMatching(/^creationDate: /) },
    ]);
    expect(plan.report.notImported).toEqual([
      { label: 'Photos', count: 3 },
      { label: 'Places (an entry’s location)', count: 1 },
      { label: 'Weather', count: 1 },
      { label: 'Videos', count: 1 },
      { label: 'Audio recordings', count: 1 },
      { label: 'PDF attachments', count: 1 },
    ]);
    expect(plan.report.notes).toEqual([
      expect.stringMatching(/^2 entries were written in another time zone \(America\/New_York, Asia\/Tokyo\)/),
    ]);
  });

  it('a lone Journal.json keeps its tags without a journal name (the file name is not known)', async () => {
    const plan = await parse('dayone-Journal.json', 'Europe/Berlin');
    expect(migrated(plan).map((e) => e.fields.tags)).toEqual([['travel', 'morning', 'starred'], []]);
    expect(plan.report.notImported).toEqual([
      { label: 'Photos', count: 1 },
      { label: 'Places (an entry’s location)', count: 1 },
    ]);
  });
});
