import fc from 'fast-check';
import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { decodeFields, decodeValue, encodeFields, encodeValue, TypedJsonError } from './typed-json';

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc
      .record({
        s: fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }),
        n: fc.integer({ min: 0, max: 999_999_999 }),
      })
      .map(({ s, n }) => new Timestamp(s, n)),
    fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b)),
    fc
      .record({
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true }),
      })
      .map(({ lat, lng }) => new GeoPoint(lat + 0, lng + 0)), // JSON has no -0 inside a geopoint
    fc.array(tie('any'), { maxLength: 4 }),
    // Firestore reserves field names like __name__, so no stored document (and no export) has them.
    fc.dictionary(
      fc.oneof(
        fc.string().filter((key) => !/^__.*__$/.test(key)),
        fc.constantFrom('$timestamp', '$map', '$x'),
      ),
      tie('any'),
      { maxKeys: 4 },
    ),
  ),
})).any;

describe('typed JSON', () => {
  it('round-trips every Firestore value through JSON text, types included', () => {
    fc.assert(
      fc.property(value, (original) => {
        const text = JSON.stringify(encodeValue(original));
        const back = decodeValue(JSON.parse(text), null);
        expect(encodeValue(back)).toEqual(encodeValue(original));
        if (original instanceof Timestamp) expect(back).toEqual(original);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps nanoseconds, -0, NaN and infinities', () => {
    expect(encodeValue(new Timestamp(1, 123_456_789))).toEqual({
      $timestamp: { seconds: 1, nanoseconds: 123_456_789 },
    });
    expect(Object.is(decodeValue(encodeValue(-0), null), -0)).toBe(true);
    expect(decodeValue(encodeValue(Number.NaN), null)).toBeNaN();
    expect(decodeValue(encodeValue(Number.NEGATIVE_INFINITY), null)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('never mistakes a user field called $timestamp for a type', () => {
    const fields = { note: { $timestamp: 'not a time', other: 1 } };
    const encoded = encodeFields(fields);
    expect(encoded).toEqual({ note: { $map: { $timestamp: 'not a time', other: 1 } } });
    expect(decodeFields(JSON.parse(JSON.stringify(encoded)), null)).toEqual(fields);
  });

  it('names the path of a value it cannot read', () => {
    expect(() => decodeFields({ a: { b: [{ $timestamp: { seconds: 1, nanoseconds: -1 } }] } }, null)).toThrow(
      TypedJsonError,
    );
    try {
      decodeFields({ a: { b: [0, { $nope: 1 }] } }, null);
    } catch (error) {
      expect((error as TypedJsonError).path).toBe('a.b.1');
    }
    expect(() => decodeValue({ $x: 1, y: 2 }, null)).toThrow(/wrapped in \{"\$map"/);
  });
});
