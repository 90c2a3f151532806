// fast-check fuzzing of the import parser with what people upload by mistake or on purpose: random bytes,
// random JSON, damaged copies of real Daylio and Day One exports, wellsync exports with wrong fields and typed
// values, and ZIPs (whole, truncated, bit-flipped). The property: a plan, or an AppError the user can act on
// (a 4xx with a message); never any other exception, which the route would turn into a 500.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeZip } from '@/tests/helpers/zip-fixtures';
import { ERROR_STATUS } from '@/lib/api/errors';
import { AppError } from '@/lib/errors/app-error';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { planSize } from './import-plan';
import { parseImportFile } from './parse-import-file';

const CASES_PER_KIND = 300;
// Every fixture of the corpus (issue 16), damaged: CSV layouts, a .daylio backup and Day One ZIPs among them.
const FIXTURES = readdirSync('tests/fixtures/imports')
  .filter((name) => !/\.(md|ts)$/.test(name))
  .map((name) => readFileSync(`tests/fixtures/imports/${name}`));

const anyJson = fc.jsonValue({ maxDepth: 4 });
const typedValue = fc.oneof(
  anyJson,
  fc.record({
    $timestamp: fc.record(
      {
        seconds: fc.oneof(fc.integer(), fc.double(), fc.string()),
        nanoseconds: fc.oneof(fc.integer({ min: -5, max: 1e9 + 5 }), fc.string()),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ $double: fc.oneof(fc.constantFrom('NaN', 'Infinity', '-0', 'nope'), anyJson) }),
  fc.record({ $bytes: fc.string() }),
  fc.record({ $map: anyJson }),
  fc.record({ $reference: fc.string() }),
);
const ts = (seconds: number) => ({ $timestamp: { seconds, nanoseconds: 123_456_789 } });
const VALID_ENTRY = {
  title: 'A day',
  body: 'Walked by the river.',
  tags: ['walk'],
  mood: 4,
  createdAt: ts(1_760_000_000),
  updatedAt: ts(1_760_000_100),
  deletedAt: null,
  rev: '1760000100000:0001:ios-a',
  baseRev: null,
  deviceId: 'ios-a',
};
/** A valid export with one entry's field replaced by anything (often still valid), or with a field added. */
const wellsyncExport = fc
  .tuple(
    fc.constantFrom(EXPORT_FORMAT, EXPORT_FORMAT, 'wellsync-export/v2'),
    fc.oneof(fc.uuid(), fc.string({ maxLength: 20 })),
    fc.constantFrom(...Object.keys(VALID_ENTRY), 'extra'),
    fc.oneof(
      { weight: 2, arbitrary: typedValue },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(VALID_ENTRY)) },
    ),
  )
  .map(([format, id, field, value]) => ({
    format,
    journal_entries: [{ id, data: { ...VALID_ENTRY, [field]: value } }],
  }));
/** A few bytes of a real file flipped, dropped or cut off. */
const damaged = (bytes: fc.Arbitrary<Buffer>) =>
  fc
    .tuple(
      bytes,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      fc.option(fc.nat()),
    )
    .map(([source, flips, cut]) => {
      const out = Buffer.from(source);
      for (const [at, value] of flips) out[at % out.length] = value;
      return cut === null ? out : out.subarray(0, cut % (out.length + 1));
    });

const zipOf = (content: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('wellsync-export.json', 'Journal.json', 'notes.txt', 'photos/a.json'), content)
    .map(([name, data]) => ({ name, data }));

async function expectPlanOrUserError(bytes: Buffer): Promise<'plan' | 'refused'> {
  try {
    const plan = await parseImportFile(bytes, 'Europe/Berlin');
    expect(planSize(plan)).toBeGreaterThan(0);
    return 'plan';
  } catch (error) {
    expect(error, String((error as Error).stack)).toBeInstanceOf(AppError);
    expect(ERROR_STATUS[(error as AppError).code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_STATUS[(error as AppError).code]).toBeLessThan(500);
    expect((error as AppError).message.length).toBeGreaterThan(10);
    return 'refused';
  }
}

const KINDS: [string, fc.Arbitrary<Buffer> | fc.Arbitrary<Promise<Buffer>>, boolean][] = [
  ['random bytes', fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)), false],
  ['random JSON', anyJson.map((v) => Buffer.from(JSON.stringify(v))), false],
  ['damaged real exports', damaged(fc.constantFrom(...FIXTURES)), true],
  ['wellsync exports with wrong fields', wellsyncExport.map((v) => Buffer.from(JSON.stringify(v))), true],
  [
    'ZIPs, whole and damaged',
    fc
      .tuple(
        fc.array(zipOf(fc.oneof(anyJson, wellsyncExport, wellsyncExport).map((v) => JSON.stringify(v))), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        fc.nat(),
      )
      .map(async ([files, damage, at]) => {
        const zip = await makeZip(files, true);
        if (damage) zip.writeUInt8(zip.readUInt8(at % zip.length) ^ 0xff, at % zip.length);
        return zip;
      }),
    true,
  ],
];

describe('parseImportFile under fuzzing', () => {
  it.each(KINDS)('%s: a plan or a clear 4xx, never a crash', async (_name, arbitrary, expectPlans) => {
    const outcomes = { plan: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(arbitrary, async (bytes) => {
        outcomes[await expectPlanOrUserError(await bytes)] += 1;
      }),
      { numRuns: CASES_PER_KIND, seed: 20261125 },
    );
    expect(outcomes.refused, 'the refusal paths were reached').toBeGreaterThan(0);
    if (expectPlans) expect(outcomes.plan, 'the generator also reaches files that import').toBeGreaterThan(0);
  });
});
