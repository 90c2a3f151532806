import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { EXPORT_FILES, isoTime, spreadsheetSafe } from './export-files';
import { EXPORT_TYPES } from './export-types';

describe('export files', () => {
  it('has one CSV per exportable type, each starting with its key', () => {
    expect(EXPORT_FILES.map((f) => f.type).sort()).toEqual([...EXPORT_TYPES].sort());
    for (const file of EXPORT_FILES) for (const column of file.columns) expect(column.meaning.length).toBeGreaterThan(3);
  });

  it('writes times in UTC with the microseconds Firestore keeps', () => {
    expect(isoTime(new Timestamp(1_764_000_000, 123_456_000))).toBe('2025-11-24T16:00:00.123456Z');
    expect(isoTime(null)).toBeNull();
  });

  it('defuses cells a spreadsheet would run as formulas, and leaves Markdown lists and numbers alone', () => {
    expect(spreadsheetSafe('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(spreadsheetSafe('+1 555')).toBe("'+1 555");
    expect(spreadsheetSafe('@cmd')).toBe("'@cmd");
    expect(spreadsheetSafe('-cmd|calc')).toBe("'-cmd|calc");
    expect(spreadsheetSafe('- a list item')).toBe('- a list item');
    expect(spreadsheetSafe('-3')).toBe('-3');
    expect(spreadsheetSafe(4)).toBe(4);
  });
});
