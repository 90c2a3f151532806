/** A CSV cell before csv-stringify quotes it. */
export type CsvCell = string | number | boolean | null;

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): = + - @, tab and
 * carriage return. `-2+3+cmd|' /C calc'!A0` starts with a minus and a digit and still runs, so there is no
 * exception for "-" before a number or a space: only real numbers, which are not strings here, stay unprefixed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one guard for every CSV wellsync writes (data exports and admin downloads): a string cell that a spreadsheet
 * would run gets a leading apostrophe, which spreadsheets read as "this is text". csv-stringify then quotes the
 * cell as RFC 4180 needs. The JSON export always keeps the exact text.
 */
export function spreadsheetSafe<T extends CsvCell>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
