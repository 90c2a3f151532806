import { describe, expect, it } from 'vitest';
import {
  documentNameSize,
  documentSize,
  fieldValueSize,
  fieldsSize,
  singleFieldIndexEntrySize,
  storedDocumentBytes,
  stringSize,
} from './firestore-storage-size';

// The worked examples of Firestore's "Storage size calculations" page.
describe('Firestore storage sizes', () => {
  const path = 'users/jeff/tasks/my_task_id';
  const task = { type: 'Personal', done: false, priority: 1, description: 'Learn Cloud Firestore' };

  it('sizes strings as UTF-8 bytes + 1', () => {
    expect(stringSize('tasks')).toBe(6);
    expect(stringSize('description')).toBe(12);
    expect(stringSize('café')).toBe(6);
  });

  it('sizes a document name as its segments + 16', () => {
    expect(documentNameSize(path)).toBe(44);
    expect(documentNameSize('')).toBe(16);
  });

  it('sizes field values by type', () => {
    expect(fieldValueSize(null)).toBe(1);
    expect(fieldValueSize(true)).toBe(1);
    expect(fieldValueSize(3.5)).toBe(8);
    expect(fieldValueSize(new Date())).toBe(8);
    expect(fieldValueSize(['ab', 'c'])).toBe(3 + 2);
  });

  it('sizes the example task as 71 bytes of fields and a 147-byte document', () => {
    expect(fieldsSize(task)).toBe(71);
    expect(documentSize(path, task)).toBe(147);
  });

  it('sizes a single-field index entry from the document, its parent, the field and the value', () => {
    // 44 (document) + 27 (users/jeff) + 5 ("done") + 1 (false) + 32
    expect(singleFieldIndexEntrySize(path, 'done', false)).toBe(109);
  });

  it('counts two automatic index entries per scalar and one per distinct array element', () => {
    const withTags = { tags: ['a', 'b', 'a'] };
    const entry = (value: string) => singleFieldIndexEntrySize(path, 'tags', value);
    expect(storedDocumentBytes(path, withTags) - documentSize(path, withTags)).toBe(entry('a') + entry('b'));
    const scalar = { done: false };
    expect(storedDocumentBytes(path, scalar) - documentSize(path, scalar)).toBe(2 * 109);
  });

  it('indexes only the first 1,500 bytes of a long string', () => {
    expect(singleFieldIndexEntrySize(path, 'body', 'x'.repeat(10_000))).toBe(
      singleFieldIndexEntrySize(path, 'body', 'x'.repeat(1_499)),
    );
  });
});

describe('composite index entries', () => {
  it('adds one entry per composite, and one per element of an array-contains composite', () => {
    const path = 'users/u/journal_entries/e1';
    const fields = { tags: ['a', 'b'], deletedAt: null };
    const base = storedDocumentBytes(path, fields);
    const plain = storedDocumentBytes(path, fields, [['deletedAt', '__name__']]) - base;
    const perTag = storedDocumentBytes(path, fields, [['tags', 'deletedAt']]) - base;
    expect(plain).toBeGreaterThan(documentNameSize(path));
    expect(perTag).toBe(
      2 * (documentNameSize(path) + documentNameSize('users/u') + stringSize('journal_entries') + 2 + 1 + 32),
    );
  });
});
