/**
 * How wellsync writes sizes and money, everywhere (portal, admin, errors, bench report). Pure, so the browser
 * and the server write the same. The precision, in one place:
 * - Bytes are binary (1 KB = 1024 bytes, as Firestore bills them): under 1 KB in bytes, KB in whole numbers, MB
 *   and GB with at most one decimal ("1.5 MB", "50 MB"). Tables pass `decimals` so that every row has as many
 *   digits and columns line up; `unit` fixes the unit, for figures compared against each other.
 * - Dollars are cents from $0.01 up ("$1,234.50"); below a cent, two significant digits ("$0.0031"), since a
 *   user's monthly cost is often a fraction of a cent and "$0.00" would hide it. Zero is "$0".
 * - Anything that is not a finite number (and a negative size) is "—", the same as a missing figure.
 */

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;
type ByteUnit = (typeof UNITS)[number];
const NONE = '—';

export function formatBytes(bytes: number, options: { decimals?: number; unit?: ByteUnit } = {}): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NONE;
  if (bytes < 1024 && !options.unit)
    return Math.round(bytes) === 1 ? '1 byte' : `${Math.round(bytes).toLocaleString('en-US')} bytes`;
  let power = options.unit ? UNITS.indexOf(options.unit) : 0;
  while (!options.unit && power < UNITS.length - 1 && bytes >= 1024 ** (power + 2)) power += 1;
  const value = bytes / 1024 ** (power + 1);
  const digits =
    options.decimals === undefined
      ? { minimumFractionDigits: 0, maximumFractionDigits: power === 0 ? 0 : 1 }
      : { minimumFractionDigits: options.decimals, maximumFractionDigits: options.decimals };
  return `${value.toLocaleString('en-US', digits)} ${UNITS[power]}`;
}

export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return NONE;
  if (usd === 0) return '$0';
  const digits =
    Math.abs(usd) >= 0.01 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumSignificantDigits: 2 };
  return usd.toLocaleString('en-US', { style: 'currency', currency: 'USD', ...digits });
}
