// fast-check fuzzing of the zod schemas every mutation and query is validated with (the route fuzz in
// tests/integration/fuzz-routes.test.ts drives the handlers; this covers the schemas at higher volume, in memory).
// Properties: parsing never throws; a refusal becomes a 422 whose message names what to fix; what is accepted
// parses again to itself and keeps each schema's own invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZResolveConflictRequest } from '@/lib/conflicts/resolve-conflict';
import { ZRenameDeviceRequest } from '@/lib/devices/update-device';
import { ZCreateExportRequest } from '@/lib/export/export-types';
import { ZJournalEdit } from '@/lib/journal/journal-edit';
import { ZJournalQuery } from '@/lib/journal/journal-query';
import { ZMoodEdit } from '@/lib/mood/mood-edit';
import { ZUpdateSyncSettingsRequest } from '@/lib/sync-settings/update-sync-settings';
import { validationError } from '@/lib/errors/app-error';
import { ERROR_STATUS } from './errors';

const CASES_PER_SCHEMA = 1_000;

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 2 }));
const dayish = fc.oneof(
  fc.constantFrom('2025-01-31', '2024-02-29', '2025-02-29', '2025-13-01', '0000-00-00', '2025-1-1', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
/** Valid-looking bodies with each field swapped, sometimes, for something else: the near misses real clients send. */
const nearMiss = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(
    Object.fromEntries(
      Object.entries(fields).map(([key, valid]) => [
        key,
        fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyJson }),
      ]),
    ),
    { requiredKeys: [] },
  );
const words = fc.array(fc.string({ maxLength: 60 }), { maxLength: 35 });

type Case = { name: string; schema: z.ZodType; input: fc.Arbitrary<unknown>; invariant?: (value: never) => boolean };

const CASES: Case[] = [
  {
    name: 'journal query',
    schema: ZJournalQuery,
    input: fc.oneof(
      anyJson,
      nearMiss({
        q: fc.string({ maxLength: 220 }),
        tag: fc.string({ maxLength: 110 }),
        from: dayish,
        to: dayish,
        cursor: fc.string({ maxLength: 520 }),
      }),
    ),
    invariant: (q: z.infer<typeof ZJournalQuery>) => (!q.from || !q.to || q.from <= q.to) && (q.q ?? '').length <= 200,
  },
  {
    name: 'journal edit',
    schema: ZJournalEdit,
    input: fc.oneof(
      anyJson,
      nearMiss({
        title: fc.string({ maxLength: 220 }),
        body: fc.string({ maxLength: 500 }),
        tags: words,
        mood: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 7 }), fc.double()),
      }),
    ),
    invariant: (e: z.infer<typeof ZJournalEdit>) =>
      e.tags.every((t) => t.length > 0 && t === t.trim()) && (e.mood === null || Number.isInteger(e.mood)),
  },
  {
    name: 'mood edit',
    schema: ZMoodEdit,
    input: fc.oneof(
      anyJson,
      nearMiss({
        score: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double()),
        emotions: words,
        activities: words,
        note: fc.oneof(fc.constant(null), fc.string({ maxLength: 2100 })),
      }),
    ),
    invariant: (m: z.infer<typeof ZMoodEdit>) => m.score >= 1 && m.score <= 5 && Number.isInteger(m.score),
  },
  {
    name: 'sync settings',
    schema: ZUpdateSyncSettingsRequest,
    input: fc.oneof(
      anyJson,
      nearMiss({
        enabled: fc.boolean(),
        collections: nearMiss({
          journal: fc.boolean(),
          mood: fc.boolean(),
          profile: fc.boolean(),
          photos: fc.boolean(),
        }),
      }),
    ),
    invariant: (s: z.infer<typeof ZUpdateSyncSettingsRequest>) =>
      Object.keys(s.collections).sort().join() === 'journal,mood,profile',
  },
  {
    name: 'conflict resolution',
    schema: ZResolveConflictRequest,
    input: fc.oneof(
      anyJson,
      nearMiss({
        choice: fc.constantFrom('kept-winner', 'restored', 'merged', 'both', ''),
        fields: fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 4 }),
      }),
    ),
  },
  {
    name: 'device rename',
    schema: ZRenameDeviceRequest,
    input: fc.oneof(anyJson, nearMiss({ name: fc.string({ maxLength: 120 }) })),
    invariant: (d: z.infer<typeof ZRenameDeviceRequest>) => d.name.trim().length > 0,
  },
  {
    name: 'export request',
    schema: ZCreateExportRequest,
    input: fc.oneof(
      anyJson,
      nearMiss({
        types: fc.array(fc.constantFrom('journal', 'mood', 'devices', 'photos', ''), { maxLength: 8 }),
        from: fc.option(dayish),
        to: fc.option(dayish),
        includeTombstones: fc.oneof(fc.boolean(), fc.constant('yes')),
      }),
    ),
    invariant: (r: z.infer<typeof ZCreateExportRequest>) => r.types.length > 0 && (!r.from || !r.to || r.from <= r.to),
  },
];

describe('request schemas under fuzzing', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: never throws, refuses with an actionable 422, accepts only what it can keep',
    (_name, { schema, input, invariant }) => {
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(input, (value) => {
          const result = schema.safeParse(value);
          if (result.success) {
            accepted += 1;
            expect(schema.parse(result.data)).toEqual(result.data);
            if (invariant) expect(invariant(result.data as never)).toBe(true);
          } else {
            refused += 1;
            const error = validationError(result.error, 'request');
            expect(ERROR_STATUS[error.code]).toBe(422);
            // "The request is not valid. <field>: <what is wrong>", never the bare sentence.
            expect(error.message).toMatch(/^The request is not valid\. \S/);
          }
        }),
        { numRuns: CASES_PER_SCHEMA, seed: 20261125 },
      );
      // The generators reach both sides of every schema, so both branches above were exercised.
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
  );
});
