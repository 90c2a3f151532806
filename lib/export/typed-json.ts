import 'server-only';
import { DocumentReference, GeoPoint, Timestamp, type Firestore } from 'firebase-admin/firestore';

/**
 * Firestore values as JSON without losing their types (docs/data-rights.md, "Typed values").
 * Strings, booleans, null, arrays and finite numbers are plain JSON; everything JSON cannot say is an object
 * with one `$`-key: `{"$timestamp": {"seconds", "nanoseconds"}}`, `{"$bytes": base64}`, `{"$geopoint": …}`,
 * `{"$reference": path}`, `{"$double": "NaN" | "Infinity" | "-Infinity" | "-0"}`. A map whose own keys start
 * with `$` is wrapped as `{"$map": {…}}`, so a user's field can never be mistaken for a type tag.
 */
export type TypedJson = null | boolean | number | string | TypedJson[] | { [key: string]: TypedJson };

export function encodeValue(value: unknown): TypedJson {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return { $double: '-0' };
    return Number.isFinite(value) ? value : { $double: String(value) };
  }
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Timestamp) return { $timestamp: { seconds: value.seconds, nanoseconds: value.nanoseconds } };
  if (value instanceof GeoPoint) return { $geopoint: { latitude: value.latitude, longitude: value.longitude } };
  if (value instanceof DocumentReference) return { $reference: value.path };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'object') {
    const fields = encodeFields(value as Record<string, unknown>);
    return Object.keys(fields).some((key) => key.startsWith('$')) ? { $map: fields } : fields;
  }
  throw new Error(`Cannot export a value of type ${typeof value}`);
}

export function encodeFields(data: Record<string, unknown>): { [key: string]: TypedJson } {
  const out: { [key: string]: TypedJson } = {};
  for (const key of Object.keys(data).sort()) out[key] = encodeValue(data[key]);
  return out;
}

export class TypedJsonError extends Error {
  override name = 'TypedJsonError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Firestore nests maps and arrays at most 20 deep, so no export holds more. Decoding recurses, and a hand-made file
 * nested 500,000 deep would overflow the stack (a crash, not a refusal) if the depth were not counted.
 */
export const MAX_DEPTH = 20;

const DOUBLES: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };

/** The inverse of encodeValue. Throws TypedJsonError with the path of the first value it cannot read. */
export function decodeValue(value: unknown, db: Firestore | null, path = '', depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypedJsonError(path, 'Numbers must be finite.');
    return value;
  }
  if (typeof value !== 'object') throw new TypedJsonError(path, `Unexpected ${typeof value}.`);
  if (depth >= MAX_DEPTH) throw new TypedJsonError(path, `Values nest more than ${MAX_DEPTH} maps or lists deep, more than Firestore stores.`);
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, db, `${path}.${i}`, depth + 1));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0]!.startsWith('$')) return decodeTagged(keys[0]!, record[keys[0]!], db, path, depth);
  if (keys.some((key) => key.startsWith('$'))) throw new TypedJsonError(path, 'A map with $-keys must be wrapped in {"$map": …}.');
  return decodeFields(record, db, path, depth + 1);
}

export function decodeFields(record: Record<string, unknown>, db: Firestore | null, path = '', depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = decodeValue(item, db, path ? `${path}.${key}` : key, depth);
  return out;
}

function decodeTagged(tag: string, body: unknown, db: Firestore | null, path: string, depth: number): unknown {
  const at = `${path || '(value)'}`;
  switch (tag) {
    case '$timestamp': {
      const { seconds, nanoseconds } = (body ?? {}) as { seconds?: unknown; nanoseconds?: unknown };
      if (!Number.isSafeInteger(seconds) || !Number.isInteger(nanoseconds) || (nanoseconds as number) < 0 || (nanoseconds as number) > 999_999_999) {
        throw new TypedJsonError(at, 'A $timestamp needs integer seconds and nanoseconds from 0 to 999999999.');
      }
      // Firestore's range: 0001-01-01 to 9999-12-31.
      if ((seconds as number) < -62_135_596_800 || (seconds as number) > 253_402_300_799) throw new TypedJsonError(at, 'A $timestamp is outside the years 1 to 9999.');
      return new Timestamp(seconds as number, nanoseconds as number);
    }
    case '$bytes':
      if (typeof body !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new TypedJsonError(at, '$bytes must be base64.');
      return Buffer.from(body, 'base64');
    case '$geopoint': {
      const { latitude, longitude } = (body ?? {}) as { latitude?: unknown; longitude?: unknown };
      if (typeof latitude !== 'number' || typeof longitude !== 'number' || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        throw new TypedJsonError(at, '$geopoint needs a latitude (±90) and a longitude (±180).');
      }
      return new GeoPoint(latitude, longitude);
    }
    case '$reference':
      if (typeof body !== 'string' || !db) throw new TypedJsonError(at, '$reference must be a document path.');
      return db.doc(body);
    case '$double':
      if (typeof body !== 'string' || !(body in DOUBLES)) throw new TypedJsonError(at, '$double must be "NaN", "Infinity", "-Infinity" or "-0".');
      return DOUBLES[body];
    case '$map':
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TypedJsonError(at, '$map must hold an object.');
      return decodeFields(body as Record<string, unknown>, db, path, depth + 1);
    default:
      throw new TypedJsonError(at, `Unknown type tag ${tag}.`);
  }
}
