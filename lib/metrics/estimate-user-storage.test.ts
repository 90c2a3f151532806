import { describe, expect, it } from 'vitest';
import { documentSize } from './firestore-storage-size';
import { bytesPerDocument, DEFAULT_PAYLOAD_BYTES, estimateUserStorage } from './estimate-user-storage';

describe('estimateUserStorage', () => {
  const counts = {
    journal_entries: 100,
    mood_entries: 200,
    conflicts: 2,
    sync_events: 1000,
    devices: 2,
    profile: 1,
    settings: 1,
  };

  it('multiplies counts by the stored size of a representative document', () => {
    const perDocument = bytesPerDocument('u1', 1500);
    const estimate = estimateUserStorage('u1', counts, 1500);
    expect(estimate.byCollection.sync_events).toBe(1000 * perDocument.sync_events);
    expect(estimate.bytes).toBe(Object.values(estimate.byCollection).reduce((a, b) => a + b, 0));
  });

  it('grows with the payload phones upload per entry, and counts index entries on top of the document', () => {
    const small = bytesPerDocument('u1', 500);
    const large = bytesPerDocument('u1', 5000);
    expect(large.journal_entries - small.journal_entries).toBeGreaterThan(4000);
    // Index entries at least double a small telemetry document's footprint (two entries per scalar field).
    expect(small.sync_events).toBeGreaterThan(
      2 * documentSize('users/u1/sync_events/01936f2a-7c1e-7d4b-9a8e-2f5b6c7d8e9f', { a: 1 }),
    );
  });

  it('falls back to a default payload for users who never pushed', () => {
    expect(estimateUserStorage('u1', counts, null)).toEqual(estimateUserStorage('u1', counts, DEFAULT_PAYLOAD_BYTES));
  });
});
