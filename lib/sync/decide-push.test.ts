import { describe, expect, it } from 'vitest';
import { conflictIdFor, decidePush } from './decide-push';

const v = (rev: string, baseRev: string | null = null) => ({ rev, baseRev });
const r = (ms: number, device = 'a') => `${String(ms).padStart(13, '0')}:0000:${device}`;

describe('decidePush', () => {
  it('fast-forwards a new document, or an edit of what the cloud holds', () => {
    expect(decidePush(null, v(r(1)))).toBe('fast-forward');
    expect(decidePush(v(r(1)), v(r(2), r(1)))).toBe('fast-forward');
  });

  it('treats a version the cloud already holds, or has built on, as done', () => {
    expect(decidePush(v(r(2), r(1)), v(r(2), r(1)))).toBe('already-applied');
    expect(decidePush(v(r(3, 'b'), r(2)), v(r(2), r(1)))).toBe('already-applied');
  });

  it('lets the greater rev win a concurrent edit, whichever side it is on', () => {
    expect(decidePush(v(r(5, 'b'), r(1)), v(r(6), r(1)))).toBe('local-wins');
    expect(decidePush(v(r(6, 'b'), r(1)), v(r(5), r(1)))).toBe('cloud-wins');
    // Same millisecond and counter: the device id breaks the tie, the same way on every device.
    expect(decidePush(v(r(5, 'b'), r(1)), v(r(5, 'a'), r(1)))).toBe('cloud-wins');
    expect(decidePush(v(r(5, 'a'), r(1)), v(r(5, 'b'), r(1)))).toBe('local-wins');
  });

  it('treats two devices creating the same id as concurrent', () => {
    expect(decidePush(v(r(5, 'b')), v(r(4, 'a')))).toBe('cloud-wins');
  });
});

describe('conflictIdFor', () => {
  it('is stable for the same loser and differs for another', async () => {
    const id = await conflictIdFor('journal_entries', 'e1', r(5));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await conflictIdFor('journal_entries', 'e1', r(5))).toBe(id);
    expect(await conflictIdFor('journal_entries', 'e1', r(6))).not.toBe(id);
    expect(await conflictIdFor('mood_entries', 'e1', r(5))).not.toBe(id);
  });
});
