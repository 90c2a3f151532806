import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-import-file';

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`);

describe('parseImportFile', () => {
  it('reads a Daylio CSV in the user\u2019s time zone, with stable ids', async () => {
    const plan = await parseImportFile(fixture('daylio_export.csv'), 'America/New_York');
    expect(plan.source).toBe('daylio');
    expect(plan.entries).toHaveLength(4);
    const first = plan.entries[0]!;
    expect(first).toMatchObject({ kind: 'migrated', node: 'import-daylio', collection: 'mood_entries' });
    // 9:15 pm on 2 March in New York is 02:15 UTC on the 3rd.
    expect(new Date((first as { physicalMs: number }).physicalMs).toISOString()).toBe('2025-03-03T02:15:00.000Z');
    const again = await parseImportFile(fixture('daylio_export.csv'), 'America/New_York');
    expect(again.entries.map((e) => e.id)).toEqual(plan.entries.map((e) => e.id));
    expect(new Set(plan.entries.map((e) => e.id)).size).toBe(4);
    expect(plan.entries[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('turns a Daylio note too long for a check-in into a journal entry, so no text is cut', async () => {
    const csv = `full_date,date,weekday,time,mood,activities,note_title,note\n2025-01-01,,,10:00,good,,Long,"${'word '.repeat(500)}"`;
    const plan = await parseImportFile(Buffer.from(csv), 'UTC');
    expect(plan.entries.map((e) => e.collection)).toEqual(['mood_entries', 'journal_entries']);
    expect((plan.entries[0] as unknown as { fields: { note: unknown } }).fields.note).toBeNull();
    expect((plan.entries[1] as unknown as { fields: { body: string; title: string } }).fields).toMatchObject({
      title: 'Long',
      body: 'word '.repeat(500).trim(),
    });
  });

  it('reads a Day One journal: first line as title, starred as a tag', async () => {
    const plan = await parseImportFile(fixture('dayone-Journal.json'), 'UTC');
    expect(plan.source).toBe('dayone');
    expect((plan.entries[0] as { fields: Record<string, unknown> }).fields).toMatchObject({
      title: 'Lisbon, first morning',
      tags: ['travel', 'morning', 'starred'],
    });
  });
});
