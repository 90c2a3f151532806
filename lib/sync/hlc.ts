// Fixed widths (`<ms:13>:<counter:4>:<deviceId>`) make string order the clock order.
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

/** Past 9,999 edits in one millisecond the clock moves to the next one rather than overflow the 4 digits. */
export function tick(clock: Hlc, wallMs: number): Hlc {
  const physical = Math.max(Math.floor(wallMs), clock.physical);
  if (physical !== clock.physical) return { physical, counter: 0, node: clock.node };
  return bump(clock.node, physical, clock.counter + 1);
}

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

export function compareRevs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
