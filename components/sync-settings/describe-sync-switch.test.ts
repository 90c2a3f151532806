import { describe, expect, it } from 'vitest';
import { describeSyncSwitch } from './describe-sync-switch';

const OFF = 'Off: your phones keep everything on the device and nothing is sent or received.';

describe('describeSyncSwitch', () => {
  it.each([
    [true, 'On: your phones send and receive the types ticked below.'],
    [false, OFF],
  ])('describes the cloud switch from its own state (enabled %s)', (enabled, expected) => {
    expect(describeSyncSwitch(enabled, { kind: 'cloud' })).toBe(expected);
  });

  it.each([
    [true, true, 'Syncs: your phones send and receive it.'],
    [true, false, 'Not synced: it stays on your phones.'],
    [false, true, 'Paused: cloud sync is off, so this is not sent or received.'],
    [false, false, 'Not synced: it stays on your phones.'],
  ])('describes a type switch (cloud %s, type %s)', (enabled, on, expected) => {
    expect(describeSyncSwitch(enabled, { kind: 'type', on })).toBe(expected);
  });

  // The reported contradiction: sync on and a type ticked, yet a line saying nothing is sent.
  it('says "Off" only on the cloud switch, and only when cloud sync is off', () => {
    for (const enabled of [true, false]) {
      for (const which of [
        { kind: 'cloud' as const },
        { kind: 'type' as const, on: true },
        { kind: 'type' as const, on: false },
      ]) {
        expect(describeSyncSwitch(enabled, which) === OFF).toBe(!enabled && which.kind === 'cloud');
      }
    }
  });
});
