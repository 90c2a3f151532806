import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { decidePush } from '@/lib/sync/decide-push';
import { formatRev, parseRev } from '@/lib/sync/hlc';
import type { EntryVersion } from '@/lib/sync/types';
import { encodeFields } from '@/lib/export/typed-json';
import type { Outcome, PlannedDoc, PlannedEntry } from './import-plan';

type Cloud = Record<string, unknown> | null;

/** A migrated entry acts like a device, so a phone's later edit and the imported text both survive. */
export function decideEntry(entry: PlannedEntry, cloud: Cloud): { outcome: Outcome; version: EntryVersion | null } {
  if (entry.kind === 'exact') {
    const decision = decidePush(cloud as { rev: string; baseRev: string | null } | null, entry.version);
    const outcome: Outcome =
      decision === 'already-applied'
        ? 'unchanged'
        : decision === 'fast-forward'
          ? cloud
            ? 'updated'
            : 'new'
          : 'conflicting';
    return { outcome, version: outcome === 'unchanged' ? null : (entry.version as EntryVersion) };
  }
  const fields = migratedFields(entry);
  if (cloud && sameContent(fields, cloud)) return { outcome: 'unchanged', version: null };
  if (!cloud)
    return {
      outcome: 'new',
      version: {
        ...fields,
        rev: formatRev({ physical: entry.physicalMs, counter: 0, node: entry.node }),
        baseRev: null,
        deviceId: entry.node,
      } as EntryVersion,
    };
  if (cloud.deviceId === entry.node && typeof cloud.rev === 'string') {
    const base = parseRev(cloud.rev);
    const physical = Math.max(entry.physicalMs, base.physical);
    const rev = formatRev({ physical, counter: physical === base.physical ? base.counter + 1 : 0, node: entry.node });
    return {
      outcome: 'updated',
      version: { ...fields, rev, baseRev: cloud.rev, deviceId: entry.node } as EntryVersion,
    };
  }
  return {
    outcome: 'conflicting',
    version: {
      ...fields,
      rev: formatRev({ physical: entry.physicalMs, counter: 0, node: entry.node }),
      baseRev: null,
      deviceId: entry.node,
    } as EntryVersion,
  };
}

/** Profile and settings: the newer `updatedAt` wins. Devices, conflicts and sync history: added when missing. */
export function decideDoc(doc: PlannedDoc, cloud: Cloud): Outcome {
  if (!cloud) return 'new';
  if (sameContent(doc.data, cloud)) return 'unchanged';
  if (doc.kind === 'profile' || doc.kind === 'settings') {
    const mine = doc.data.updatedAt as Timestamp;
    const theirs = cloud.updatedAt;
    return !(theirs instanceof Timestamp) ||
      mine.toMillis() > theirs.toMillis() ||
      (mine.toMillis() === theirs.toMillis() && mine.nanoseconds > theirs.nanoseconds)
      ? 'updated'
      : 'conflicting';
  }
  return 'conflicting';
}

function migratedFields(entry: Extract<PlannedEntry, { kind: 'migrated' }>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry.fields, updatedAt: Timestamp.fromMillis(entry.physicalMs) };
  for (const key of ['createdAt', 'recordedAt'])
    if (typeof out[key] === 'number') out[key] = Timestamp.fromMillis(out[key] as number);
  return out;
}

const PROTOCOL = new Set(['updatedAt', 'rev', 'baseRev', 'deviceId', 'syncedAt']);

function sameContent(fields: Record<string, unknown>, cloud: Record<string, unknown>): boolean {
  const hasRev = 'rev' in cloud;
  const pick = (data: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(data).filter(([key]) => !(hasRev && PROTOCOL.has(key))));
  return JSON.stringify(encodeFields(pick(fields))) === JSON.stringify(encodeFields(pick(cloud)));
}
