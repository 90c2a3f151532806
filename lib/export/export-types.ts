import { z } from 'zod';
import { isValidDayKey } from '@/lib/time/zoned';

/** What a user can choose to export. Each maps to one contract path (docs/contract.md). */
export const EXPORT_TYPES = ['profile', 'settings', 'journal', 'mood', 'conflicts', 'devices', 'sync_events'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

export type CollectionSpec = {
  type: ExportType;
  collection: string | null;
  dateField: string | null;
  tombstones: boolean;
};

export const COLLECTION_SPECS: readonly CollectionSpec[] = [
  { type: 'profile', collection: null, dateField: null, tombstones: false },
  { type: 'settings', collection: 'settings', dateField: null, tombstones: false },
  { type: 'devices', collection: 'devices', dateField: null, tombstones: false },
  { type: 'journal', collection: 'journal_entries', dateField: 'createdAt', tombstones: true },
  { type: 'mood', collection: 'mood_entries', dateField: 'recordedAt', tombstones: true },
  { type: 'conflicts', collection: 'conflicts', dateField: 'detectedAt', tombstones: false },
  { type: 'sync_events', collection: 'sync_events', dateField: 'startedAt', tombstones: false },
];

export const TYPE_LABELS: Record<ExportType, string> = {
  profile: 'Profile',
  settings: 'Sync settings',
  journal: 'Journal entries',
  mood: 'Mood check-ins',
  conflicts: 'Sync conflicts',
  devices: 'Devices',
  sync_events: 'Sync history',
};

const ZDay = z.string().refine(isValidDayKey, 'Use a date like 2025-01-31');

export const ZCreateExportRequest = z
  .object({
    types: z.array(z.enum(EXPORT_TYPES)).min(1, 'Choose at least one kind of data').max(EXPORT_TYPES.length),
    from: ZDay.nullish(),
    to: ZDay.nullish(),
    includeTombstones: z.boolean().default(true),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: 'The start date must be on or before the end date',
    path: ['from'],
  });

export type CreateExportRequest = z.infer<typeof ZCreateExportRequest>;
export type ExportScope = {
  types: ExportType[];
  from: string | null;
  to: string | null;
  includeTombstones: boolean;
  timeZone: string;
};
