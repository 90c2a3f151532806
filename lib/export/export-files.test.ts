import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { csvRow, EXPORT_FILES, exportFileOf, isoTime } from './export-files';
import { EXPORT_TYPES } from './export-types';

describe('export files', () => {
  it('has one CSV per exportable type, each starting with its key', () => {
    expect(EXPORT_FILES.map((f) => f.type).sort()).toEqual([...EXPORT_TYPES].sort());
    for (const file of EXPORT_FILES)
      for (const column of file.columns) expect(column.meaning.length).toBeGreaterThan(3);
  });

  it('writes times in UTC with the microseconds Firestore keeps', () => {
    expect(isoTime(new Timestamp(1_764_000_000, 123_456_000))).toBe('2025-11-24T16:00:00.123456Z');
    expect(isoTime(null)).toBeNull();
  });

  it('defuses every cell a spreadsheet would run as a formula, in every column (OWASP; see tests/security)', () => {
    const file = exportFileOf('journal');
    const row = csvRow(file, '=id', { title: '-2+3', body: '- a list item', tags: ['@a'], mood: 4 });
    const cell = (name: string) => row[file.columns.findIndex((c) => c.name === name)];
    expect([cell('id'), cell('title'), cell('body'), cell('tags'), cell('mood')]).toEqual([
      "'=id",
      "'-2+3",
      "'- a list item",
      "'@a",
      4,
    ]);
  });
});
