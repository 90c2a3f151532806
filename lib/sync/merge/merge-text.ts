import { diffComm, diffIndices } from 'node-diff3';

// Why: docs/sync.md, "Merging" (where the rules differ from GNU diff3, and CRLF).
export type TextMerge = { ok: true; text: string } | { ok: false };

type Lines = { keys: string[]; raw: string[]; finalNewline: boolean };
type Hunk = { side: 0 | 1; oStart: number; oEnd: number; sStart: number; sEnd: number };
type Op = { oStart: number; oEnd: number; raw: string[] };
type Pair = [number, number];

/** `earlier` and `later` are ordered by rev: the earlier rev's insertions go first. */
export function mergeText(base: string, earlier: string, later: string): TextMerge {
  if (earlier === later) return { ok: true, text: earlier };
  if (earlier === base) return { ok: true, text: later };
  if (later === base) return { ok: true, text: earlier };
  const o = splitLines(base);
  const sides = [splitLines(earlier), splitLines(later)] as const;
  const merged = mergeLines(o, sides);
  if (!merged) return { ok: false };
  if (!keepsEveryLine(o, sides, merged)) return { ok: false };
  const finalNewline = pickScalar(o.finalNewline, sides[0].finalNewline, sides[1].finalNewline);
  const text = joinLines(merged, finalNewline);
  // Repeated lines (blank ones, list items) can make the two diffs pair lines differently. A result is accepted
  // only if merging either side into it again gives it back, so no pairing chosen here can surprise a later merge.
  const result = splitLines(text);
  const stable = sides.every((side) => {
    const again = mergeLines(o, [side, result]);
    return again !== null && sameLines(again, result.raw);
  });
  return stable ? { ok: true, text } : { ok: false };
}

/** "" has no lines; otherwise a final "\n" ends the last line rather than starting an empty one. */
export function splitLines(text: string): Lines {
  const finalNewline = text.endsWith('\n');
  const raw = text === '' ? [] : (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { keys: raw.map(lineKey), raw, finalNewline };
}

/** A last line that is empty can only be written with a final newline: without one it would read as that newline. */
function joinLines(raw: string[], finalNewline: boolean): string {
  return raw.length === 0 ? '' : raw.join('\n') + (finalNewline || raw.at(-1) === '' ? '\n' : '');
}

export function lineKey(raw: string): string {
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}

function pickScalar<T>(base: T, earlier: T, later: T): T {
  if (earlier === later || later !== base) return later;
  return earlier;
}

function mergeLines(o: Lines, sides: readonly [Lines, Lines]): string[] | null {
  const toEarlier = matching(o.keys, sides[0].keys);
  const toLater = alignThrough(o.keys, toEarlier, sides[0].keys, sides[1].keys);
  const found = [
    ...hunksOf(toEarlier, o.keys.length, sides[0].keys.length, 0),
    ...hunksOf(toLater, o.keys.length, sides[1].keys.length, 1),
  ];
  if (deletesBesideInsertion(found, sides)) return null;
  // Matching the other side's changes comes first; only what stays a block is then read line by line.
  const hunks = refine(refine(found, sides).flatMap(splitLineByLine), sides);
  const ranges = hunks.filter((h) => h.oEnd > h.oStart).sort((a, b) => a.oStart - b.oStart || a.side - b.side);
  const inserts = hunks.filter((h) => h.oEnd === h.oStart);

  // Changes that share a base line, or an insertion strictly inside the other side's change, form one cluster.
  const clusters: Hunk[][] = [];
  for (const hunk of ranges) {
    const last = clusters.at(-1);
    if (last && hunk.oStart < clusterEnd(last)) last.push(hunk);
    else clusters.push([hunk]);
  }
  const ops: Op[] = [];
  const pointInserts = new Map<number, Hunk[]>();
  for (const hunk of inserts) {
    const inside = clusters.find((c) => c[0]!.oStart < hunk.oStart && hunk.oStart < clusterEnd(c));
    if (inside) inside.push(hunk);
    else pointInserts.set(hunk.oStart, [...(pointInserts.get(hunk.oStart) ?? []), hunk]);
  }
  for (const cluster of clusters) {
    const op = resolveCluster(sides, cluster);
    if (!op) return null;
    ops.push(op);
  }
  for (const [at, group] of pointInserts) ops.push({ oStart: at, oEnd: at, raw: combineInsertions(sides, group) });
  // At the same base position an insertion goes before a change that starts there.
  ops.sort((a, b) => a.oStart - b.oStart || a.oEnd - a.oStart - (b.oEnd - b.oStart));

  const maps = sides.map((_, i) =>
    alignment(
      hunks.filter((h) => h.side === i),
      o.raw.length,
    ),
  );
  const stable = (i: number) => {
    const [x, y] = [sides[0].raw[maps[0]![i]!]!, sides[1].raw[maps[1]![i]!]!];
    return pickScalar(o.raw[i]!, x, y);
  };
  const out: string[] = [];
  let cursor = 0;
  for (const op of ops) {
    for (; cursor < op.oStart; cursor++) out.push(stable(cursor));
    out.push(...op.raw);
    cursor = op.oEnd;
  }
  for (; cursor < o.raw.length; cursor++) out.push(stable(cursor));
  return out;
}

/** Common head and tail first, as diff(1) does, so a repeated line is not paired with a copy far away. */
function matching(a: string[], b: string[]): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  let [i, j] = [head, head];
  for (const d of diffIndices(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) {
    for (; i < head + d.buffer1[0]; i++, j++) pairs.push([i, j]);
    [i, j] = [head + d.buffer1[0] + d.buffer1[1], head + d.buffer2[0] + d.buffer2[1]];
  }
  for (; i < a.length; i++, j++) pairs.push([i, j]);
  return pairs;
}

/** Anchored through the earlier side, so a side that already holds the other's edit shows it as the same edit. */
function alignThrough(o: string[], toEarlier: Pair[], earlier: string[], later: string[]): Pair[] {
  const earlierToLater = new Map(matching(earlier, later));
  const anchors = toEarlier.flatMap(([i, e]): Pair[] => (earlierToLater.has(e) ? [[i, earlierToLater.get(e)!]] : []));
  const pairs: [number, number][] = [];
  let [pi, pk] = [-1, -1];
  for (const [i, k] of [...anchors, [o.length, later.length] as [number, number]]) {
    for (const [gi, gk] of matching(o.slice(pi + 1, i), later.slice(pk + 1, k))) pairs.push([pi + 1 + gi, pk + 1 + gk]);
    if (i < o.length) pairs.push([i, k]);
    [pi, pk] = [i, k];
  }
  return pairs;
}

function hunksOf(pairs: [number, number][], oLength: number, sLength: number, side: 0 | 1): Hunk[] {
  const hunks: Hunk[] = [];
  let [pi, pk] = [-1, -1];
  for (const [i, k] of [...pairs, [oLength, sLength] as [number, number]]) {
    if (i > pi + 1 || k > pk + 1) hunks.push({ side, oStart: pi + 1, oEnd: i, sStart: pk + 1, sEnd: k });
    [pi, pk] = [i, k];
  }
  return hunks;
}

/** Combined, this would read as an edit of the deleted lines, which a later merge must refuse: refuse it now. */
function deletesBesideInsertion(hunks: Hunk[], sides: readonly [Lines, Lines]): boolean {
  const content = (h: Hunk) => sides[h.side].keys.slice(h.sStart, h.sEnd);
  // A change both sides made is not one side's: it cannot be beside the other's.
  const shared = (h: Hunk) =>
    hunks.some(
      (k) => k.side !== h.side && k.oStart === h.oStart && k.oEnd === h.oEnd && sameLines(content(k), content(h)),
    );
  const deletions = hunks.filter((h) => h.sEnd === h.sStart && !shared(h));
  const insertions = hunks.filter((h) => h.oEnd === h.oStart && !shared(h));
  const beside = (d: Hunk, i: Hunk) => i.side !== d.side && (i.oStart === d.oStart || i.oStart === d.oEnd);
  return deletions.some((d) => insertions.some((i) => beside(d, i)));
}

function splitLineByLine(hunk: Hunk): Hunk[] {
  const length = hunk.oEnd - hunk.oStart;
  if (length < 2 || hunk.sEnd - hunk.sStart !== length) return [hunk];
  return Array.from({ length }, (_, k) => ({
    ...hunk,
    oStart: hunk.oStart + k,
    oEnd: hunk.oStart + k + 1,
    sStart: hunk.sStart + k,
    sEnd: hunk.sStart + k + 1,
  }));
}

/** Splits a block at the other side's exact prefix or suffix, so identical changes meet as identical. */
function refine(hunks: Hunk[], sides: readonly [Lines, Lines]): Hunk[] {
  let list = hunks;
  for (let changed = true; changed;) {
    changed = false;
    search: for (const h of list) {
      if (h.oEnd === h.oStart) continue; // insertions at one place are combined later, never split
      for (const g of list) {
        const pieces = g.side === h.side ? null : splitAgainst(h, g, sides);
        if (pieces) {
          list = [...list.filter((k) => k !== h), ...pieces];
          changed = true;
          break search;
        }
      }
    }
  }
  return list.sort((a, b) => a.side - b.side || a.oStart - b.oStart || a.oEnd - b.oEnd);
}

function splitAgainst(h: Hunk, g: Hunk, sides: readonly [Lines, Lines]): Hunk[] | null {
  const hKeys = sides[h.side].keys.slice(h.sStart, h.sEnd);
  const gKeys = sides[g.side].keys.slice(g.sStart, g.sEnd);
  if (gKeys.length > hKeys.length || g.oStart < h.oStart || g.oEnd > h.oEnd) return null;
  const holds = (k: number) => k >= 0 && sameLines(hKeys.slice(k, k + gKeys.length), gKeys);
  let at = -1;
  if (g.oStart === h.oStart && holds(0)) at = 0;
  else if (g.oEnd === h.oEnd && holds(hKeys.length - gKeys.length)) at = hKeys.length - gKeys.length;
  else if (gKeys.length > 0) at = hKeys.findIndex((_, k) => holds(k));
  if (at < 0) return null;
  // h = what it did before g's stretch, the very change g made, what it did after; stretches with nothing go.
  const pieces = [
    { ...h, oEnd: g.oStart, sEnd: h.sStart + at },
    { ...h, oStart: g.oStart, oEnd: g.oEnd, sStart: h.sStart + at, sEnd: h.sStart + at + gKeys.length },
    { ...h, oStart: g.oEnd, sStart: h.sStart + at + gKeys.length },
  ].filter((p) => p.oEnd > p.oStart || p.sEnd > p.sStart);
  if (pieces.length < 2) return null;
  // Never recast changed lines as "deleted, and new text inserted": against a deletion that would hide an
  // edit-versus-delete conflict, and against an insertion it would delete a line the other side's LCS kept.
  const recast = pieces.some((p) => p.oEnd === p.oStart) && pieces.some((p) => p.sEnd === p.sStart);
  return recast ? null : pieces;
}

function clusterEnd(cluster: Hunk[]): number {
  return Math.max(...cluster.map((h) => h.oEnd));
}

/** Both sides' changes to the same lines merge only when they are the same change, or both only delete. */
function resolveCluster(sides: readonly [Lines, Lines], cluster: Hunk[]): Op | null {
  const oStart = cluster[0]!.oStart;
  const oEnd = clusterEnd(cluster);
  if (cluster.length === 1) {
    const [hunk] = cluster as [Hunk];
    return { oStart, oEnd, raw: sides[hunk.side].raw.slice(hunk.sStart, hunk.sEnd) };
  }
  if (cluster.every((h) => h.sEnd === h.sStart)) return { oStart, oEnd, raw: [] };
  const [earlier, later] = [0, 1].map((i) =>
    sideSlice(
      sides[i]!,
      cluster.filter((h) => h.side === i),
      oStart,
      oEnd,
    ),
  );
  if (!earlier || !later || !sameLines(earlier.keys, later.keys)) return null;
  return { oStart, oEnd, raw: later.raw };
}

function sideSlice(side: Lines, hunks: Hunk[], oStart: number, oEnd: number): { keys: string[]; raw: string[] } | null {
  const sorted = [...hunks].sort((a, b) => a.oStart - b.oStart || a.oEnd - b.oEnd);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return null;
  const from = first.sStart - (first.oStart - oStart);
  const to = last.sEnd + (oEnd - last.oEnd);
  return { keys: side.keys.slice(from, to), raw: side.raw.slice(from, to) };
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

function combineInsertions(sides: readonly [Lines, Lines], group: Hunk[]): string[] {
  const x = group.find((h) => h.side === 0);
  const y = group.find((h) => h.side === 1);
  const slice = (h: Hunk | undefined, i: 0 | 1) =>
    h
      ? { keys: sides[i].keys.slice(h.sStart, h.sEnd), raw: sides[i].raw.slice(h.sStart, h.sEnd) }
      : { keys: [], raw: [] };
  const [a, b] = [slice(x, 0), slice(y, 1)];
  if (!x || !y) return x ? a.raw : b.raw;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffComm(a.keys, b.keys)) {
    if (part.common) {
      // The same line from both: the later rev's spelling of its line ending, as for an identical change.
      out.push(...b.raw.slice(j, j + part.common.length));
      i += part.common.length;
      j += part.common.length;
    } else {
      out.push(...a.raw.slice(i, i + part.buffer1.length), ...b.raw.slice(j, j + part.buffer2.length));
      i += part.buffer1.length;
      j += part.buffer2.length;
    }
  }
  return out;
}

function alignment(hunks: Hunk[], length: number): number[] {
  const map: number[] = [];
  let o = 0;
  let s = 0;
  for (const hunk of [...hunks].sort((a, b) => a.oStart - b.oStart || a.oEnd - b.oEnd)) {
    while (o < hunk.oStart) map[o++] = s++;
    while (o < hunk.oEnd) map[o++] = -1;
    s = hunk.sEnd;
  }
  while (o < length) map[o++] = s++;
  return map;
}

/** Refuses a result that duplicates a base line or loses an added one: cheap, and it keeps the guarantee local. */
function keepsEveryLine(o: Lines, [x, y]: readonly [Lines, Lines], merged: string[]): boolean {
  const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const [co, cx, cy, cr] = [count(o.keys), count(x.keys), count(y.keys), count(merged.map(lineKey))];
  for (const key of new Set([...cx.keys(), ...cy.keys(), ...co.keys(), ...cr.keys()])) {
    const bounds = lineBounds(co.get(key) ?? 0, cx.get(key) ?? 0, cy.get(key) ?? 0);
    const got = cr.get(key) ?? 0;
    if (got < bounds.min || got > bounds.max) return false;
  }
  return true;
}

/** Counts cannot say more when a line repeats: two sides may each delete a different blank line. */
export function lineBounds(base: number, x: number, y: number): { min: number; max: number } {
  const [addX, addY] = [Math.max(0, x - base), Math.max(0, y - base)];
  return { min: Math.max(addX, addY, base === 1 && x > 0 && y > 0 ? 1 : 0), max: base + addX + addY };
}
