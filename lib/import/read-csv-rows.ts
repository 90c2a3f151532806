export type CsvRow =
  { line: number; cells: string[]; error?: undefined } | { line: number; cells?: undefined; error: string };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const isBlank = (code: number) => code === 32 || code === 9;

/** Lenient and linear, one record at a time (csv-parse stops at the first bad row even when told to skip it). */
export function readCsvRows(text: string, maxRows: number): CsvRow[] {
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n && rows.length < maxRows) {
    const start = line;
    const cells: string[] = [];
    let error: string | undefined;
    for (;;) {
      let j = i;
      while (j < n && isBlank(text.charCodeAt(j))) j += 1;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        let q = text.indexOf('"', j + 1);
        while (q !== -1 && text.charCodeAt(q + 1) === QUOTE) q = text.indexOf('"', q + 2);
        if (q === -1) {
          const last = line + countNewlines(text, j, n);
          error = `a quote opens on this line and is never closed, so lines ${start}–${last} could not be read`;
          i = n;
          break;
        }
        line += countNewlines(text, j, q);
        cells.push(text.slice(j + 1, q).replaceAll('""', '"'));
        let k = q + 1;
        while (k < n && isBlank(text.charCodeAt(k))) k += 1;
        const after = text.charCodeAt(k);
        if (k < n && after === COMMA) {
          i = k + 1;
          continue;
        }
        if (k < n && after !== LF && after !== CR) {
          error = 'text follows a closing quote (a quote inside a cell must be doubled)';
          const end = text.indexOf('\n', k);
          i = end === -1 ? n : end + 1;
          line += 1;
          break;
        }
        i = skipNewline(text, k);
        if (i > k) line += 1;
        break;
      }
      let k = i;
      while (k < n) {
        const code = text.charCodeAt(k);
        if (code === COMMA || code === LF || code === CR) break;
        k += 1;
      }
      cells.push(text.slice(i, k));
      if (k < n && text.charCodeAt(k) === COMMA) {
        i = k + 1;
        continue;
      }
      i = skipNewline(text, k);
      if (i > k) line += 1;
      break;
    }
    if (error) rows.push({ line: start, error });
    else if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ line: start, cells });
  }
  return rows;
}

function skipNewline(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === CR) return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  return code === LF ? at + 1 : at;
}

/** Not indexOf: it would run past `to` to the next break, quadratic on a row of many quoted cells. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += 1) if (text.charCodeAt(at) === LF) count += 1;
  return count;
}
