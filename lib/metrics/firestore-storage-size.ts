// Firestore's "Storage size calculations", pure (the rules are listed in docs/admin-analytics.md, "Cost model").

export type StoredValue =
  null | boolean | number | string | Date | { toMillis(): number } | StoredValue[] | { [key: string]: StoredValue };

const encoder = new TextEncoder();
const INDEXED_STRING_BYTES = 1500;

export function stringSize(value: string): number {
  return encoder.encode(value).length + 1;
}

/** `users/jeff/tasks/my_task_id` → 6 + 5 + 6 + 11 + 16 = 44. The database root (empty path) is 16. */
export function documentNameSize(path: string): number {
  return path
    .split('/')
    .filter(Boolean)
    .reduce((sum, segment) => sum + stringSize(segment), 16);
}

function isTimestampLike(value: unknown): value is Date | { toMillis(): number } {
  return (
    value instanceof Date ||
    (typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function')
  );
}

export function fieldValueSize(value: StoredValue): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return stringSize(value);
  if (isTimestampLike(value)) return 8;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + fieldValueSize(item), 0);
  return fieldsSize(value) + 32;
}

export function fieldsSize(fields: { [key: string]: StoredValue }): number {
  return Object.entries(fields).reduce((sum, [name, value]) => sum + stringSize(name) + fieldValueSize(value), 0);
}

export function documentSize(path: string, fields: { [key: string]: StoredValue }): number {
  return documentNameSize(path) + fieldsSize(fields) + 32;
}

function parentDocumentPath(path: string): string {
  return path.split('/').filter(Boolean).slice(0, -2).join('/');
}

function indexedValueSize(value: StoredValue): number {
  return typeof value === 'string' ? Math.min(stringSize(value), INDEXED_STRING_BYTES) : fieldValueSize(value);
}

export function singleFieldIndexEntrySize(path: string, fieldName: string, value: StoredValue): number {
  return (
    documentNameSize(path) +
    documentNameSize(parentDocumentPath(path)) +
    stringSize(fieldName) +
    indexedValueSize(value) +
    32
  );
}

export function compositeIndexEntrySize(path: string, values: StoredValue[]): number {
  const segments = path.split('/').filter(Boolean);
  const collectionId = segments[segments.length - 2] ?? '';
  return (
    documentNameSize(path) +
    documentNameSize(parentDocumentPath(path)) +
    stringSize(collectionId) +
    values.reduce((sum: number, v) => sum + indexedValueSize(v), 0) +
    32
  );
}

export function automaticIndexSize(path: string, fields: { [key: string]: StoredValue }, prefix = ''): number {
  let total = 0;
  for (const [name, value] of Object.entries(fields)) {
    const fieldName = prefix ? `${prefix}.${name}` : name;
    if (Array.isArray(value)) {
      for (const element of new Set(value.map((v) => JSON.stringify(v))))
        total += singleFieldIndexEntrySize(path, fieldName, JSON.parse(element) as StoredValue);
    } else if (value !== null && typeof value === 'object' && !isTimestampLike(value)) {
      total += automaticIndexSize(path, value, fieldName);
    } else {
      total += 2 * singleFieldIndexEntrySize(path, fieldName, value);
    }
  }
  return total;
}

/** `__name__` is the document's own name; an array field gives one entry per element. */
export function storedDocumentBytes(
  path: string,
  fields: { [key: string]: StoredValue },
  composites: string[][] = [],
): number {
  let compositeBytes = 0;
  for (const fieldNames of composites) {
    const arrayField = fieldNames.find((name) => Array.isArray(fields[name]));
    const elements = arrayField ? [...new Set(fields[arrayField] as StoredValue[])] : [null];
    for (const element of elements) {
      const values = fieldNames.map((name) => (name === arrayField ? element : (fields[name] ?? null)));
      const nameBytes = fieldNames.includes('__name__') ? documentNameSize(path) - 1 : 0;
      compositeBytes +=
        compositeIndexEntrySize(
          path,
          values.filter((_, i) => fieldNames[i] !== '__name__'),
        ) + nameBytes;
    }
  }
  return documentSize(path, fields) + automaticIndexSize(path, fields) + compositeBytes;
}
