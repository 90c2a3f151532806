import type { Platform } from '@/lib/contract/schemas';
import type { Random } from '@/lib/seed/random';
import { SyncError, type SyncCloud } from '@/lib/sync/types';

/** Advances a virtual clock rather than sleeping, so years run in seconds with phone-like durations. */
export type NetworkProfile = { medianRttMs: number; spread: number; failureRate: number };

/** Release quality: 3.1.0 is the deliberately worse release (more failures, slower), so dashboards have something to find. */
export function networkProfile(platform: Platform, appVersion: string, failureRate: number): NetworkProfile {
  const worse = appVersion === '3.1.0';
  const medianRttMs = (platform === 'android' ? 180 : platform === 'web' ? 120 : 140) * (worse ? 1.6 : 1);
  return { medianRttMs, spread: 0.6, failureRate: failureRate * (worse ? 8 : 1) };
}

const ERRORS: [code: string, weight: number][] = [
  ['unavailable', 55],
  ['deadline-exceeded', 30],
  ['resource-exhausted', 5],
  ['internal', 10],
];

export type DeviceNetwork = { offline: boolean; clock: { elapsedMs: number } };

export function withNetwork(
  cloud: SyncCloud,
  profile: NetworkProfile,
  state: DeviceNetwork,
  random: Random,
): SyncCloud {
  const roundTrip = () => {
    state.clock.elapsedMs += Math.round(profile.medianRttMs * Math.exp(random.normal(0, profile.spread)));
  };
  const failure = () => {
    let pick = random.next() * ERRORS.reduce((n, [, w]) => n + w, 0);
    for (const [code, weight] of ERRORS) {
      pick -= weight;
      if (pick <= 0) return new SyncError(code, `simulated ${code}`);
    }
    return new SyncError('unavailable', 'simulated unavailable');
  };
  const call = async <T>(run: () => Promise<T>, canLandFirst = false): Promise<T> => {
    if (state.offline) {
      // No network: the SDK gives up after its timeout.
      state.clock.elapsedMs += 8_000 + random.int(0, 4_000);
      throw new SyncError('unavailable', 'simulated: offline');
    }
    roundTrip();
    if (random.chance(profile.failureRate)) {
      const error = failure();
      if (error.code === 'deadline-exceeded') state.clock.elapsedMs += 10_000;
      // Some failures happen after the server applied the write: the device cannot tell which.
      if (canLandFirst && random.chance(0.5)) await run();
      throw error;
    }
    return run();
  };
  return {
    readSettings: () => call(() => cloud.readSettings()),
    readDevice: (id) => call(() => cloud.readDevice(id)),
    pushEntry: (collection, id, version, merge) => call(() => cloud.pushEntry(collection, id, version, merge), true),
    pullPage: (collection, after, limit) => call(() => cloud.pullPage(collection, after, limit)),
    // Telemetry goes out on the same network, but the model does not fail it: losing a report is not a sync failure.
    recordAttempt: async (device, attempt, pending, registered) => {
      if (state.offline) throw new SyncError('unavailable', 'simulated: offline');
      roundTrip();
      await cloud.recordAttempt(device, attempt, pending, registered);
    },
    timestamp: cloud.timestamp,
  };
}
