import 'server-only';
import { isDeepStrictEqual } from 'node:util';

/** So that re-running the aggregator writes nothing; `ignore` lists fields that record when, not what. */
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
