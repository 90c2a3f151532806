// Issue 13, hole 4: in a wellsync export, an entry whose data held "__proto__" was previewed (201) while any other
// unknown key got a 422, and {"$double": "toString"} decoded to a function because typed-json looked the name up
// with `in`. Unknown keys, the prototype's names included, must be refused with the key and the entry named, at
// parse time: createImportJob parses the whole file before it previews, stores or writes anything.
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '@/lib/api/errors';
import { AppError } from '@/lib/errors/app-error';
import { EXPORT_FORMAT } from '@/lib/export/export-readme';
import { decodeFields, decodeValue, TypedJsonError } from '@/lib/export/typed-json';
import { parseImportFile } from '@/lib/import/parse-import-file';

const ts = '{"$timestamp":{"seconds":1760000000,"nanoseconds":0}}';
const JOURNAL = `"title":"A day","body":"Walked.","tags":[],"mood":4,"createdAt":${ts},"updatedAt":${ts},"deletedAt":null,"rev":"1760000000000:0001:ios-a","baseRev":null,"deviceId":"ios-a"`;
const MOOD = `"score":4,"emotions":[],"activities":[],"note":null,"recordedAt":${ts},"updatedAt":${ts},"deletedAt":null,"rev":"1760000000000:0001:ios-a","baseRev":null,"deviceId":"ios-a"`;
/** Written as text: building the file with object spread or zod would itself drop a "__proto__" key. */
const exportWith = (
  section: 'journal_entries' | 'mood_entries',
  extra: string,
  base = section === 'journal_entries' ? JOURNAL : MOOD,
) => Buffer.from(`{"format":${JSON.stringify(EXPORT_FORMAT)},"${section}":[{"id":"e-1","data":{${base}${extra}}}]}`);

async function refusal(file: Buffer): Promise<AppError> {
  try {
    await parseImportFile(file, 'UTC');
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the file was accepted');
}

describe('a wellsync export with keys wellsync does not know is refused, naming the key and the entry', () => {
  it('accepts the same file without the extra key (the cases below differ by that key only)', async () => {
    const plan = await parseImportFile(exportWith('journal_entries', ''), 'UTC');
    expect(plan.entries).toHaveLength(1);
  });

  it.each([
    ['__proto__', 'journal_entries', ',"__proto__":{"isAdmin":true}'],
    ['__proto__', 'mood_entries', ',"__proto__":{"score":5}'],
    ['__proto__ holding null', 'journal_entries', ',"__proto__":null'],
    ['constructor', 'journal_entries', ',"constructor":{"prototype":{"polluted":true}}'],
    ['prototype', 'journal_entries', ',"prototype":1'],
    ['isAdmin', 'journal_entries', ',"isAdmin":true'],
  ] as const)('%s in %s', async (key, section, extra) => {
    const error = await refusal(exportWith(section, extra));
    expect(ERROR_STATUS[error.code]).toBe(422);
    const name = key.split(' ')[0]!;
    expect(error.message).toContain(`${section}.0.data`);
    expect(error.message).toContain(`"${name}"`);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses "__proto__" nested inside a document\u2019s map, which Firestore reserves', async () => {
    const file = Buffer.from(
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"conflicts":[{"id":"c-1","data":{"collection":"journal_entries","docId":"e-1","rev":"1760000000000:0001:ios-a","deviceId":"ios-a","data":{"__proto__":{"x":1}},"detectedAt":${ts},"resolvedAt":null}}]}`,
    );
    const error = await refusal(file);
    expect(ERROR_STATUS[error.code]).toBe(422);
    expect(error.message).toContain('conflicts.0.data');
    expect(error.message).toContain('__proto__');
  });

  it('refuses "__proto__" beside a document\u2019s id and data', async () => {
    const file = Buffer.from(
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"journal_entries":[{"id":"e-1","data":{${JOURNAL}},"__proto__":{"id":"other"}}]}`,
    );
    const error = await refusal(file);
    expect(ERROR_STATUS[error.code]).toBe(422);
    expect(error.message).toContain('__proto__');
  });
});

describe('typed JSON type tags are a closed set, looked up as own properties', () => {
  it.each(['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty', 'isPrototypeOf'])(
    '{"$double": "%s"} is refused, not decoded to a function',
    (name) => {
      expect(() => decodeValue({ $double: name }, null)).toThrow(TypedJsonError);
    },
  );

  it.each(['$toString', '$constructor', '$__proto__', '$hasOwnProperty'])('the tag %s is unknown', (tag) => {
    expect(() => decodeValue(JSON.parse(`{"${tag}": 1}`), null)).toThrow(/Unknown type tag/);
  });

  it('refuses extra or inherited-looking keys inside a tag\u2019s body', () => {
    expect(() => decodeValue(JSON.parse('{"$timestamp":{"seconds":1,"nanoseconds":0,"__proto__":{}}}'), null)).toThrow(
      TypedJsonError,
    );
    expect(() => decodeValue(JSON.parse('{"$timestamp":{"__proto__":{"seconds":1,"nanoseconds":0}}}'), null)).toThrow(
      TypedJsonError,
    );
    expect(() => decodeValue(JSON.parse('{"$geopoint":{"latitude":1,"longitude":2,"extra":3}}'), null)).toThrow(
      TypedJsonError,
    );
  });

  it('decodes the real doubles and timestamps as before', () => {
    expect(Number.isNaN(decodeValue({ $double: 'NaN' }, null))).toBe(true);
    expect(Object.is(decodeValue({ $double: '-0' }, null), -0)).toBe(true);
    expect(decodeValue({ $double: '-Infinity' }, null)).toBe(Number.NEGATIVE_INFINITY);
    expect(decodeValue({ $timestamp: { seconds: 5, nanoseconds: 6 } }, null)).toEqual(new Timestamp(5, 6));
  });

  it('keeps a decoded map free of a "__proto__" that would replace its prototype', () => {
    expect(() => decodeFields(JSON.parse('{"a":{"__proto__":{"polluted":true}}}'), null)).toThrow(/__proto__/);
    expect(() => decodeValue(JSON.parse('{"$map":{"__proto__":{"polluted":true}}}'), null)).toThrow(/__proto__/);
  });
});
