import { v7 as uuidv7 } from 'uuid';
import type { SyncEventRecord } from '@/lib/contract/schemas';
import { addDays, dayKeyOf, startOfDay, type DayKey } from '@/lib/time/zoned';
import type { PlannedDevice } from './generate-history';
import { createRandom, deriveSeed } from './random';

export type PlannedSyncEvent = { id: string } & SyncEventRecord;

/**
 * Release quality by app version: 3.1.0 on Android is the deliberately worse release, so that the
 * reliability breakdowns have something to find.
 */
const ERROR_RATE: Record<string, number> = { '3.1.0': 0.02 };
const ERROR_CODES = ['unavailable', 'deadline-exceeded', 'unavailable', 'internal', 'resource-exhausted'];

/** The simulator produces the same documents by actually syncing. */
export function generateTelemetry(
  uid: string,
  devices: PlannedDevice[],
  options: {
    nowMs: number;
    days: number;
    timeZone: string;
    seed: number;
    editsOn: (deviceId: string, day: DayKey) => number;
  },
): PlannedSyncEvent[] {
  const random = createRandom(deriveSeed(options.seed, `telemetry:${uid}`));
  const events: PlannedSyncEvent[] = [];
  const end = options.nowMs;
  const first = addDays(dayKeyOf(end, options.timeZone), -(options.days - 1));
  for (let offset = 0; offset < options.days; offset++) {
    const day = addDays(first, offset);
    for (const device of devices) {
      const attempts = random.int(2, 5);
      const edits = options.editsOn(device.id, day);
      for (let n = 0; n < attempts; n++) {
        const startedAtMs = startOfDay(day, options.timeZone) + random.int(7 * 60, 23 * 60) * 60_000;
        const failed = random.chance(ERROR_RATE[device.appVersion] ?? 0.002);
        const pushed = failed ? 0 : n === 0 ? edits : 0;
        const pulled = failed ? 0 : random.int(0, 2);
        // Log-normal latency, median ~350 ms on iOS, slower on Android and on the bad release.
        const median = (device.platform === 'android' ? 450 : 350) * (device.appVersion === '3.1.0' ? 1.4 : 1);
        const durationMs = Math.round(median * Math.exp(random.normal(0, 0.75)) + (failed ? 4000 : 0));
        events.push({
          id: uuidv7({ msecs: startedAtMs, random: Uint8Array.from({ length: 16 }, () => random.int(0, 255)) }),
          deviceId: device.id,
          platform: device.platform,
          appVersion: device.appVersion,
          startedAtMs,
          durationMs,
          status: failed ? 'error' : 'ok',
          errorCode: failed ? random.pick(ERROR_CODES) : null,
          pushed,
          pulled,
          conflicts: 0,
          // The protocol's costs: read settings and device, then per pushed entry one transaction read and write, plus the pull.
          reads: failed ? random.int(1, 3) : 2 + pushed + Math.max(1, pulled),
          writes: failed ? 1 : 2 + pushed,
          deletes: 0,
          bytesUp: failed ? 0 : 400 + pushed * random.int(600, 2400),
          bytesDown: failed ? 0 : 300 + pulled * random.int(500, 2000),
        });
      }
    }
  }
  // Drawn for the whole of today so the stream is the same at any hour; only attempts already finished are kept.
  return events.filter((event) => event.startedAtMs + event.durationMs <= end);
}
