import { describe, expect, it } from 'vitest';
import { tableToCsv } from './table-to-csv';

describe('tableToCsv', () => {
  it('quotes fields, names units in the header, and defuses formulas', () => {
    const csv = tableToCsv({
      id: 't',
      title: 'T',
      columns: [
        { key: 'code', label: 'Error code', kind: 'text' },
        { key: 'rate', label: 'Failure rate', kind: 'percent' },
        { key: 'n', label: 'Count', kind: 'count' },
      ],
      rows: [
        { code: 'unavailable, "retry"', rate: 0.0123, n: 5 },
        { code: '=HYPERLINK("http://evil")', rate: null, n: -1 },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Error code,Failure rate (%),Count',
      '"unavailable, ""retry""",1.23,5',
      `"'=HYPERLINK(""http://evil"")",,-1`,
      '',
    ]);
  });
});
