import { describe, expect, it } from 'vitest';
import { parseDaylioCsv } from './parse-daylio-csv';

describe('Daylio CSV columns that are not read', () => {
  // A spreadsheet edit can repeat a column or leave one unnamed; what the user wrote there must at least be named in
  // the preview as not coming across, never dropped without a word.
  it('reports a repeated column and a column without a name when their cells hold text', () => {
    const csv = 'full_date,time,mood,note,note,\n2025-01-01,10:00,good,first,second,third\n';
    const plan = parseDaylioCsv(csv, 'UTC');
    expect(plan.report.notImported).toEqual([
      { label: 'A second column “note”', count: 1 },
      { label: 'A column without a name', count: 1 },
    ]);
  });

  it('says nothing of them when their cells are empty', () => {
    const plan = parseDaylioCsv('full_date,time,mood,note,note,\n2025-01-01,10:00,good,first,,\n', 'UTC');
    expect(plan.report.notImported).toEqual([]);
  });
});
