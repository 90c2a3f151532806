import 'server-only';
import { isDeepStrictEqual } from 'node:util';

/**
 * Rollups are rewritten only when their content changes, so that running the aggregator again over the same
 * events writes nothing (and costs no writes). `ignore` lists fields that record when, not what.
 */
export function sameContent(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  ignore: string[] = [],
): boolean {
  if (!before) return false;
  const strip = (data: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(data).filter(([key]) => !ignore.includes(key)));
  return isDeepStrictEqual(strip(before), strip(after));
}
