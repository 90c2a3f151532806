import { expect, it } from 'vitest';
import { canMergeRelease } from './simulate-user';

// The fleet's older release (3.0.x) plays a phone that cannot merge; everything from 3.1.0 on can.
it('lets releases from 3.1.0 on merge, and not the older ones', () => {
  expect(['3.0.4', '3.0.9', '2.9.0'].map(canMergeRelease)).toEqual([false, false, false]);
  expect(['3.1.0', '3.2.1', '3.10.0', '4.0.0'].map(canMergeRelease)).toEqual([true, true, true, true]);
});
