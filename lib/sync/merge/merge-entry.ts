import type { z } from 'zod';
import { ZJournalEntry, ZMoodEntry } from '@/lib/contract/schemas';
import { compareRevs } from '../hlc';
import { encodeLocal } from '../local-codec';
import type { SyncCollection } from '../types';
import { mergeText } from './merge-text';

// Why: docs/sync.md, "Merging". Sides are ordered by rev, never by who merges, so every device agrees.
export type MergeFailure =
  | 'tombstone' // a delete never merges: the user decides
  | 'changed-on-both-sides' // a scalar set to different values, or a line changed differently
  | 'invalid-result' // the merge would break the contract (a body past 100,000 characters, a 31st tag…)
  | 'no-base' // nothing to merge against (an old conflict, or a device that did not keep it)
  | 'no-cloud-version'
  | 'already-resolved';

export type MergeOutcome =
  { ok: true; fields: Record<string, unknown> } | { ok: false; reason: MergeFailure; field?: string };

type Version = Record<string, unknown> & { rev: string };

/** Set by the protocol, not merged: the caller stamps the merged version with its own. */
const PROTOCOL = new Set(['rev', 'baseRev', 'deviceId', 'syncedAt', 'updatedAt', 'deletedAt']);
const TEXT = new Set(['title', 'body', 'note']);
const SETS = new Set(['tags', 'emotions', 'activities']);
const CONTENT: Record<SyncCollection, z.ZodType> = {
  journal_entries: ZJournalEntry.omit({ rev: true, baseRev: true, deviceId: true, syncedAt: true }),
  mood_entries: ZMoodEntry.omit({ rev: true, baseRev: true, deviceId: true, syncedAt: true }),
};

export function mergeEntry(collection: SyncCollection, base: Version, one: Version, other: Version): MergeOutcome {
  if ([base, one, other].some((v) => v.deletedAt != null)) return { ok: false, reason: 'tombstone' };
  const [earlier, later] = compareRevs(one.rev, other.rev) <= 0 ? [one, other] : [other, one];
  const fields: Record<string, unknown> = {};
  const names = [...new Set([base, earlier, later].flatMap((v) => Object.keys(v)))]
    .filter((n) => !PROTOCOL.has(n))
    .sort();
  for (const name of names) {
    const merged = mergeField(name, base[name], earlier[name], later[name]);
    if (!merged.ok) return { ok: false, reason: 'changed-on-both-sides', field: name };
    fields[name] = merged.value;
  }
  fields.deletedAt = null;
  fields.updatedAt = laterTimestamp(earlier.updatedAt, later.updatedAt);
  const checked = CONTENT[collection].safeParse(fields);
  if (!checked.success) return { ok: false, reason: 'invalid-result', field: checked.error.issues[0]?.path.join('.') };
  return { ok: true, fields };
}

type FieldMerge = { ok: true; value: unknown } | { ok: false };

function mergeField(name: string, base: unknown, earlier: unknown, later: unknown): FieldMerge {
  // Absent and null are the same value (docs/contract.md, "Optional fields").
  const [b, x, y] = [base ?? null, earlier ?? null, later ?? null];
  if (same(x, y) || same(x, b)) return { ok: true, value: y };
  if (same(y, b)) return { ok: true, value: x };
  return mergeBoth(name, b, x, y);
}

function mergeBoth(name: string, base: unknown, earlier: unknown, later: unknown): FieldMerge {
  if (TEXT.has(name) && [base, earlier, later].every((v) => v === null || typeof v === 'string')) {
    const [b, x, y] = [base, earlier, later].map((v) => (v as string | null) ?? '') as [string, string, string];
    const text = mergeText(b, x, y);
    return text.ok ? { ok: true, value: text.text } : { ok: false };
  }
  if (SETS.has(name) && [base, earlier, later].every((v) => v === null || Array.isArray(v))) {
    const [b, x, y] = [base, earlier, later].map((v) => (v as unknown[] | null) ?? []) as [
      unknown[],
      unknown[],
      unknown[],
    ];
    return { ok: true, value: mergeSet(b, x, y) };
  }
  return { ok: false };
}

/** The later rev's list, then the earlier side's additions: merging either side in again changes nothing. */
export function mergeSet(base: unknown[], earlier: unknown[], later: unknown[]): unknown[] {
  const keys = (list: unknown[]) => new Set(list.map(canonical));
  const [b, x, y] = [keys(base), keys(earlier), keys(later)];
  const kept = (k: string) => (x.has(k) && y.has(k)) || (x.has(k) && !b.has(k)) || (y.has(k) && !b.has(k));
  const out = new Map<string, unknown>();
  for (const item of [...later, ...earlier]) {
    const k = canonical(item);
    if (kept(k) && !out.has(k)) out.set(k, item);
  }
  return [...out.values()];
}

/** Value equality across SDKs: timestamps compare by seconds and nanoseconds, objects by sorted keys. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(encodeLocal(value ?? null)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

function laterTimestamp(a: unknown, b: unknown): unknown {
  const [ea, eb] = [encodeLocal(a ?? null), encodeLocal(b ?? null)] as { $ts?: [number, number] }[];
  if (!ea?.$ts) return b;
  if (!eb?.$ts) return a;
  return ea.$ts[0] > eb.$ts[0] || (ea.$ts[0] === eb.$ts[0] && ea.$ts[1] > eb.$ts[1]) ? a : b;
}
