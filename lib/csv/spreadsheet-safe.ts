export type CsvCell = string | number | boolean | null;

/** OWASP "CSV Injection": no exception for "-" before a digit (`-2+3+cmd|' /C calc'!A0` still runs). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The one guard for every CSV wellsync writes; the JSON export keeps the exact text. */
export function spreadsheetSafe<T extends CsvCell>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
