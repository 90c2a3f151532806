/**
 * Hybrid logical clocks as the contract writes them: `<physical ms, 13 digits>:<counter, 4 digits>:<deviceId>`.
 * The fixed widths make the string order the clock order, so revs compare as plain strings.
 */
export type Hlc = { readonly physical: number; readonly counter: number; readonly node: string };

const MAX_COUNTER = 9999;
const REV = /^(\d{13}):(\d{4}):(\S{1,128})$/;

export function formatRev(clock: Hlc): string {
  return `${String(clock.physical).padStart(13, '0')}:${String(clock.counter).padStart(4, '0')}:${clock.node}`;
}

export function parseRev(rev: string): Hlc {
  const match = REV.exec(rev);
  if (!match) throw new Error(`Not an HLC revision: ${JSON.stringify(rev.slice(0, 160))}`);
  return { physical: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export function initialClock(node: string): Hlc {
  return { physical: 0, counter: 0, node };
}

/**
 * A local edit: physical time is max(wall, last.physical), and the counter counts edits within one
 * millisecond. Past 9,999 the clock moves to the next millisecond rather than overflowing the 4 digits.
 */
export function tick(clock: Hlc, wallMs: number): Hlc {
  const physical = Math.max(Math.floor(wallMs), clock.physical);
  if (physical !== clock.physical) return { physical, counter: 0, node: clock.node };
  return bump(clock.node, physical, clock.counter + 1);
}

/** The standard HLC receive rule: after merging a pulled rev, the next local tick sorts after it. */
export function receive(clock: Hlc, remoteRev: string, wallMs: number): Hlc {
  const remote = parseRev(remoteRev);
  const physical = Math.max(Math.floor(wallMs), clock.physical, remote.physical);
  let counter: number;
  if (physical === clock.physical && physical === remote.physical)
    counter = Math.max(clock.counter, remote.counter) + 1;
  else if (physical === clock.physical) counter = clock.counter + 1;
  else if (physical === remote.physical) counter = remote.counter + 1;
  else counter = 0;
  return bump(clock.node, physical, counter);
}

function bump(node: string, physical: number, counter: number): Hlc {
  return counter > MAX_COUNTER ? { physical: physical + 1, counter: 0, node } : { physical, counter, node };
}

/** Revs order as strings; the device id breaks ties between devices deterministically. */
export function compareRevs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
