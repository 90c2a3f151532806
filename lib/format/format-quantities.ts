// Bytes are binary (as Firestore bills); below a cent, two significant digits, since "$0.00" would hide a cost.

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
