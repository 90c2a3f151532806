import { diffComm } from 'node-diff3';
import { same } from '@/lib/sync/merge/merge-entry';
import type { SyncCollection } from '@/lib/sync/types';

/** Pure and serialisable; node-diff3 line matching, so the view and the merge agree on what changed. */
export type LineSegment = { kind: 'same' | 'added' | 'removed'; text: string };

export type FieldChange =
  | { field: string; label: string; kind: 'text'; segments: LineSegment[] }
  | { field: string; label: string; kind: 'set'; added: string[]; removed: string[] }
  | { field: string; label: string; kind: 'value'; from: string; to: string };

const FIELDS: Record<SyncCollection, { field: string; label: string; kind: FieldChange['kind'] }[]> = {
  journal_entries: [
    { field: 'title', label: 'Title', kind: 'text' },
    { field: 'body', label: 'Entry', kind: 'text' },
    { field: 'tags', label: 'Tags', kind: 'set' },
    { field: 'mood', label: 'Mood', kind: 'value' },
  ],
  mood_entries: [
    { field: 'score', label: 'Mood', kind: 'value' },
    { field: 'emotions', label: 'Emotions', kind: 'set' },
    { field: 'activities', label: 'Activities', kind: 'set' },
    { field: 'note', label: 'Note', kind: 'text' },
  ],
};

export function describeChanges(
  collection: SyncCollection,
  base: Record<string, unknown>,
  side: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label, kind } of FIELDS[collection]) {
    const [from, to] = [base[field] ?? null, side[field] ?? null];
    if (same(from, to)) continue;
    if (kind === 'text') changes.push({ field, label, kind, segments: diffLines(asText(from), asText(to)) });
    else if (kind === 'set') {
      // A reordered list is the same set: the merge would not call it a change either.
      const { added, removed } = diffSet(asList(from), asList(to));
      if (added.length + removed.length > 0) changes.push({ field, label, kind, added, removed });
    } else changes.push({ field, label, kind, from: asValue(from), to: asValue(to) });
  }
  return changes;
}

export function diffLines(from: string, to: string): LineSegment[] {
  const segments: LineSegment[] = [];
  for (const block of diffComm(splitText(from), splitText(to))) {
    if (block.common) segments.push(...block.common.map((text) => ({ kind: 'same' as const, text })));
    else {
      segments.push(...block.buffer1.map((text) => ({ kind: 'removed' as const, text })));
      segments.push(...block.buffer2.map((text) => ({ kind: 'added' as const, text })));
    }
  }
  return segments;
}

export function diffSet(from: string[], to: string[]): { added: string[]; removed: string[] } {
  return { added: to.filter((item) => !from.includes(item)), removed: from.filter((item) => !to.includes(item)) };
}

// A final newline ends the last line rather than adding an empty one, as in the merge (merge-text.ts).
const splitText = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const asText = (value: unknown) => (typeof value === 'string' ? value : '');
const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const asValue = (value: unknown) => (value === null ? 'none' : String(value));
