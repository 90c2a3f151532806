import { describe, expect, it } from 'vitest';
import { migratedEntryId } from './migrated-entry';

describe('migratedEntryId', () => {
  // Importing the same file again must address the same documents, so these ids may never change.
  it('gives the ids earlier imports wrote', () => {
    expect(migratedEntryId('dayone', 'A1', Date.parse('2024-01-01T08:00:00Z'))).toBe(
      '018cc409-6800-7626-bdd4-3364b8bc8b0a',
    );
    expect(migratedEntryId('daylio', '2025-01-01 10:00 #1', 0)).toBe('00000000-0000-7769-9e53-26059070e8b1');
  });

  it("is a UUIDv7 that carries the entry's own time", () => {
    const id = migratedEntryId('dayone', 'B2', Date.parse('2026-12-31T23:59:59.999Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse('2026-12-31T23:59:59.999Z'));
  });
});
