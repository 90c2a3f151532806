import 'server-only';
import { DocumentReference, GeoPoint, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';

// docs/data-rights.md, "Typed values". A map with `$` keys is wrapped, so a field is never taken for a tag.
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

/** Counted, or a hand-made file nested 500,000 deep would overflow the stack instead of being refused. */
export const MAX_DEPTH = 20;

/** Maps, not `in` on an object: {"$double": "toString"} once decoded to Object.prototype.toString. */
const ZTypeTag = z.enum(['$timestamp', '$bytes', '$geopoint', '$reference', '$double', '$map']);
const DOUBLES = new Map<string, number>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
]);
const ZTimestampBody = z.strictObject({
  seconds: z.number().refine(Number.isSafeInteger),
  nanoseconds: z.number().int().min(0).max(999_999_999),
});
const ZGeoPointBody = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
const ZPlainMap = z.custom<Record<string, unknown>>(
  (body) => typeof body === 'object' && body !== null && !Array.isArray(body),
);
/** Firestore reserves field names like `__name__`; `__proto__` among them would also replace a decoded map's prototype. */
const RESERVED_FIELD = /^__.*__$/;

export function decodeValue(value: unknown, db: Firestore | null, path = '', depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypedJsonError(path, 'Numbers must be finite.');
    return value;
  }
  if (typeof value !== 'object') throw new TypedJsonError(path, `Unexpected ${typeof value}.`);
  if (depth >= MAX_DEPTH)
    throw new TypedJsonError(
      path,
      `Values nest more than ${MAX_DEPTH} maps or lists deep, more than Firestore stores.`,
    );
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, db, `${path}.${i}`, depth + 1));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0]!.startsWith('$')) return decodeTagged(keys[0]!, record[keys[0]!], db, path, depth);
  if (keys.some((key) => key.startsWith('$')))
    throw new TypedJsonError(path, 'A map with $-keys must be wrapped in {"$map": …}.');
  return decodeFields(record, db, path, depth + 1);
}

export function decodeFields(
  record: Record<string, unknown>,
  db: Firestore | null,
  path = '',
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (RESERVED_FIELD.test(key))
      throw new TypedJsonError(
        path || '(fields)',
        `The field name ${JSON.stringify(key.slice(0, 60))} is reserved by Firestore (names like __name__), so no export holds it.`,
      );
    out[key] = decodeValue(record[key], db, path ? `${path}.${key}` : key, depth);
  }
  return out;
}

function decodeTagged(tag: string, body: unknown, db: Firestore | null, path: string, depth: number): unknown {
  const at = `${path || '(value)'}`;
  const known = ZTypeTag.safeParse(tag);
  if (!known.success) throw new TypedJsonError(at, `Unknown type tag ${tag.slice(0, 40)}.`);
  switch (known.data) {
    case '$timestamp': {
      const parsed = ZTimestampBody.safeParse(body);
      if (!parsed.success)
        throw new TypedJsonError(at, 'A $timestamp needs integer seconds and nanoseconds from 0 to 999999999.');
      const { seconds, nanoseconds } = parsed.data;
      // Firestore's range: 0001-01-01 to 9999-12-31.
      if (seconds < -62_135_596_800 || seconds > 253_402_300_799)
        throw new TypedJsonError(at, 'A $timestamp is outside the years 1 to 9999.');
      return new Timestamp(seconds, nanoseconds);
    }
    case '$bytes':
      if (typeof body !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body))
        throw new TypedJsonError(at, '$bytes must be base64.');
      return Buffer.from(body, 'base64');
    case '$geopoint': {
      const parsed = ZGeoPointBody.safeParse(body);
      if (!parsed.success) throw new TypedJsonError(at, '$geopoint needs a latitude (±90) and a longitude (±180).');
      return new GeoPoint(parsed.data.latitude, parsed.data.longitude);
    }
    case '$reference':
      if (typeof body !== 'string' || !db) throw new TypedJsonError(at, '$reference must be a document path.');
      return db.doc(body);
    case '$double': {
      const value = typeof body === 'string' ? DOUBLES.get(body) : undefined;
      if (value === undefined) throw new TypedJsonError(at, '$double must be "NaN", "Infinity", "-Infinity" or "-0".');
      return value;
    }
    case '$map':
      if (!ZPlainMap.safeParse(body).success) throw new TypedJsonError(at, '$map must hold an object.');
      return decodeFields(body as Record<string, unknown>, db, path, depth + 1);
  }
}
