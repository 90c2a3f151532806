import { describe, expect, it } from 'vitest';
import type { PlannedEntry } from './import-plan';
import { parseDaylioBackup } from './parse-daylio-backup';
import { parseDaylioCsv } from './parse-daylio-csv';

const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';
const journalOf = (entries: PlannedEntry[]) => {
  const entry = entries.find((e) => e.collection === 'journal_entries');
  return (entry?.kind === 'migrated' ? entry.fields : undefined) as { title: string; body: string } | undefined;
};

describe('a long Daylio note', () => {
  it('keeps a title longer than a journal title whole, at the top of the body (the title was cut at 200)', () => {
    const title = `${'T'.repeat(299)}!`;
    const note = 'b'.repeat(2000);
    const journal = journalOf(parseDaylioCsv(`${HEADER}\n2025-01-01,,,10:00,good,,${title},${note}\n`, 'UTC').entries);
    expect(journal).toMatchObject({ title: 'Daylio note', body: `${title}\n\n${note}` });
  });

  it('keeps a title of up to 200 characters as the title', () => {
    const journal = journalOf(
      parseDaylioCsv(`${HEADER}\n2025-01-01,,,10:00,good,,Walk,${'b'.repeat(2500)}\n`, 'UTC').entries,
    );
    expect(journal).toMatchObject({ title: 'Walk', body: 'b'.repeat(2500) });
  });

  it('is refused, with its line, when title and note together pass a journal body', () => {
    const csv = `${HEADER}\n2025-01-01,,,10:00,good,,${'T'.repeat(1000)},${'b'.repeat(99_500)}\n2025-01-02,,,10:00,good,,,ok\n`;
    const plan = parseDaylioCsv(csv, 'UTC');
    expect(plan.report.skipped).toEqual([
      { where: 'Line 2', reason: expect.stringMatching(/^the note is 100,502 characters long/) },
    ]);
    expect(plan.entries).toHaveLength(1);
  });

  it('keeps a backup check-in’s long title whole too', () => {
    const title = 'T'.repeat(600);
    const backup = {
      customMoods: [{ id: 1, custom_name: '', mood_group_id: 1, predefined_name_id: 1 }],
      tags: [],
      dayEntries: [{ id: 1, datetime: 1_700_000_000_000, mood: 1, note: 'b'.repeat(1500), note_title: title }],
    };
    const journal = journalOf(
      parseDaylioBackup(Buffer.from(Buffer.from(JSON.stringify(backup)).toString('base64'))).entries,
    );
    expect(journal).toMatchObject({ title: 'Daylio note', body: `${title}\n\n${'b'.repeat(1500)}` });
  });
});
