import { z } from 'zod';
import { ENTRY_COLLECTIONS } from '@/lib/contract/paths';
import { AppError, validationError } from '@/lib/errors/app-error';
import {
  ZConflict,
  ZDevice,
  ZJournalEntry,
  ZMoodEntry,
  ZSyncEvent,
  ZSyncSettings,
  ZUserProfile,
} from '@/lib/contract/schemas';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { decodeFields, TypedJsonError } from '@/lib/export/typed-json';
import { DOC_ID_PATTERN } from '@/lib/firebase/refs';
import { emptyReport } from './import-report';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedDoc, PlannedEntry } from './import-plan';

const ZDocId = z.string().regex(DOC_ID_PATTERN, 'Expected a document id (no "/", at most 512 characters)');
/** Not z.record: copying a parsed own "__proto__" key sets the copy's prototype, so the key vanished unrefused. */
const ZFields = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'Expected an object of fields',
);
const ZDocument = z.object({ id: ZDocId, data: ZFields }).strict();
const ZSection = z.array(ZDocument);

const ZWellsyncExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  profile: ZFields.nullish(),
  settings: ZSection.optional(),
  devices: ZSection.optional(),
  journal_entries: ZSection.optional(),
  mood_entries: ZSection.optional(),
  conflicts: ZSection.optional(),
  sync_events: ZSection.optional(),
});

// An imported entry's syncedAt is the server's to set, so the file's is accepted and then dropped.
const withoutSync = <S extends z.ZodObject>(schema: S) => schema.extend({ syncedAt: z.unknown().optional() }).strict();
const SECTIONS = ['settings', 'devices', 'journal_entries', 'mood_entries', 'conflicts', 'sync_events'] as const;
const SCHEMAS = {
  profile: ZUserProfile.strict(),
  settings: ZSyncSettings.strict(),
  devices: ZDevice.strict(),
  journal_entries: withoutSync(ZJournalEntry),
  mood_entries: withoutSync(ZMoodEntry),
  conflicts: ZConflict.strict(),
  sync_events: ZSyncEvent.strict(),
};

export function parseWellsyncExport(raw: unknown, maxDocuments: number = IMPORT_LIMITS.maxDocuments): ImportPlan {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format.startsWith('wellsync-export/') && format !== EXPORT_FORMAT) {
    throw new AppError(
      'validation',
      `This export is format ${format}, which this version of wellsync cannot read (it reads ${EXPORT_FORMAT}).`,
    );
  }
  const outer = ZWellsyncExport.safeParse(raw);
  if (!outer.success) throw validationError(outer.error, 'export file');
  const file = outer.data;
  // Counted before any document is decoded, so an oversized file costs no per-document work.
  const total = (file.profile ? 1 : 0) + SECTIONS.reduce((sum, key) => sum + (file[key]?.length ?? 0), 0);
  if (total > maxDocuments)
    throw new AppError(
      'payload-too-large',
      `The file holds ${total} documents; one import accepts at most ${maxDocuments}. Export a shorter date range and import it in parts.`,
    );
  const docs: PlannedDoc[] = [];
  const entries: PlannedEntry[] = [];
  if (file.profile) docs.push({ kind: 'profile', path: '', data: checked('profile', file.profile, 'profile') });
  const sections = [
    ['settings', 'settings'],
    ['devices', 'devices'],
    ['conflicts', 'conflicts'],
    ['sync_events', 'sync_events'],
  ] as const;
  for (const [key, kind] of sections) {
    for (const [i, doc] of (file[key] ?? []).entries()) {
      if (key === 'settings' && doc.id !== 'sync')
        throw new AppError(
          'validation',
          `The export file is not valid. settings.${i}.id: only the "sync" settings document exists.`,
        );
      docs.push({ kind, path: `${key}/${doc.id}`, data: checked(key, doc.data, `${key}.${i}.data`, doc.id) });
    }
  }
  for (const collection of ENTRY_COLLECTIONS) {
    for (const [i, doc] of (file[collection] ?? []).entries()) {
      const { syncedAt: _dropped, ...version } = checked(collection, doc.data, `${collection}.${i}.data`, doc.id);
      entries.push({
        collection,
        id: doc.id,
        kind: 'exact',
        version: version as { rev: string; baseRev: string | null; deviceId: string },
      });
    }
  }
  refuseDuplicates(docs.map((d) => d.path).concat(entries.map((e) => `${e.collection}/${e.id}`)));
  return { source: 'wellsync', docs, entries, report: emptyReport() };
}

function checked(
  kind: keyof typeof SCHEMAS,
  data: Record<string, unknown>,
  at: string,
  id?: string,
): Record<string, unknown> {
  // Own keys first: "__proto__" and friends are unknown fields like any other (a file can hold a million).
  const known = Object.keys(SCHEMAS[kind].shape);
  const unknown = Object.keys(data).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    const key = JSON.stringify(unknown.slice(0, 60));
    const entry = id === undefined ? '' : ` in document ${JSON.stringify(id.slice(0, 60))}`;
    throw new AppError(
      'validation',
      `The export file is not valid. ${at}.${unknown.slice(0, 60)}: fields that wellsync does not know (${key}${entry}). The file may have been edited; export it again from wellsync.`,
    );
  }
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeFields(data, null);
  } catch (error) {
    if (error instanceof TypedJsonError)
      throw new AppError('validation', `The export file is not valid. ${at}.${error.path}: ${error.message}`);
    throw error;
  }
  const result = SCHEMAS[kind].safeParse(decoded);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 5).join(', ') : issue.path.join('.');
    const message = issue.code === 'unrecognized_keys' ? 'fields that wellsync does not know' : issue.message;
    throw new AppError('validation', `The export file is not valid. ${at}${field ? `.${field}` : ''}: ${message}`);
  }
  // The contract schema checks shape; the decoded values (Timestamps and all) are what gets written.
  return decoded;
}

function refuseDuplicates(paths: string[]) {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path))
      throw new AppError('validation', `The export file lists ${path} twice; it may have been edited by hand.`);
    seen.add(path);
  }
}
