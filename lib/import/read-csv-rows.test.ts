import { describe, expect, it } from 'vitest';
import { readCsvRows } from './read-csv-rows';

describe('readCsvRows', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, numbering rows by the line they start on', () => {
    expect(readCsvRows('a,b\r\n"x, y","say ""hi""\nthere"\n3,4', 10)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('allows spaces around quotes, keeps a stray quote in an unquoted cell, and skips blank lines', () => {
    expect(readCsvRows('a, "b" ,c\n\n   \nx"y,z', 10)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 4, cells: ['x"y', 'z'] },
    ]);
  });

  it('reports a row whose quotes do not pair up and carries on with the next line', () => {
    expect(readCsvRows('"a"b,c\nd,e', 10)).toEqual([
      { line: 1, error: 'text follows a closing quote (a quote inside a cell must be doubled)' },
      { line: 2, cells: ['d', 'e'] },
    ]);
  });

  it('ends the file at a quote that is never closed, saying which lines were lost', () => {
    expect(readCsvRows('a,b\nc,"d\ne,f\ng,h', 10)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, error: 'a quote opens on this line and is never closed, so lines 2–4 could not be read' },
    ]);
  });

  it('stops after the rows asked for', () => {
    expect(readCsvRows('1\n2\n3\n4', 2)).toEqual([
      { line: 1, cells: ['1'] },
      { line: 2, cells: ['2'] },
    ]);
  });
});
