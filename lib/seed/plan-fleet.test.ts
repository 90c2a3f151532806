import { describe, expect, it } from 'vitest';
import { planFleet, settingsAt } from './plan-fleet';

const options = { nowMs: Date.parse('2026-11-25T08:40:00Z'), seed: 7, users: 60, telemetryDays: 90 };

describe('planFleet', () => {
  const fleet = planFleet(options);

  it('is deterministic', () => {
    expect(planFleet(options)).toEqual(fleet);
  });

  it('spans the three platforms, several releases, sync off, selective sync and revoked devices', () => {
    const devices = fleet.flatMap((u) => u.devices);
    expect(new Set(devices.map((d) => d.platform))).toEqual(new Set(['ios', 'android', 'web']));
    expect(new Set(devices.map((d) => `${d.platform} ${d.appVersion}`)).size).toBeGreaterThanOrEqual(6);
    expect(fleet.some((u) => !u.settings[0]!.value.enabled)).toBe(true);
    expect(fleet.some((u) => u.settings[0]!.value.enabled && !u.settings[0]!.value.mood)).toBe(true);
    expect(fleet.some((u) => u.settings.length > 1)).toBe(true);
    expect(devices.some((d) => d.revokedAtMs !== null)).toBe(true);
    expect(fleet.some((u) => u.conflicts.some((c) => c.resolvedAtMs === null))).toBe(true);
  });

  it('reports syncs only while sync is on, and refusals only after revocation', () => {
    for (const user of fleet) {
      for (const event of user.telemetry) {
        const device = user.devices.find((d) => d.id === event.deviceId)!;
        if (event.errorCode === 'device-revoked') expect(event.startedAtMs).toBeGreaterThanOrEqual(device.revokedAtMs!);
        else expect(settingsAt(user, event.startedAtMs)?.enabled).toBe(true);
      }
    }
  });

  it('makes the bad release fail more', () => {
    const events = fleet.flatMap((u) => u.telemetry).filter((e) => e.errorCode !== 'device-revoked');
    const rate = (match: (e: (typeof events)[number]) => boolean) => {
      const group = events.filter(match);
      return group.filter((e) => e.status === 'error').length / group.length;
    };
    expect(rate((e) => e.platform === 'android' && e.appVersion === '3.1.0')).toBeGreaterThan(
      3 * rate((e) => e.appVersion !== '3.1.0'),
    );
  });

  it('dates nothing after now, in any of its time zones', () => {
    const times = fleet.flatMap((u) => [
      ...u.telemetry.map((e) => e.startedAtMs + e.durationMs),
      ...u.conflicts.flatMap((c) => [c.detectedAtMs, c.resolvedAtMs ?? 0]),
      ...u.devices.flatMap((d) => [d.createdAtMs, d.revokedAtMs ?? 0]),
      ...u.settings.map((s) => s.atMs),
      ...[...u.history.journal, ...u.history.moods].map((doc) => doc.updatedAtMs),
    ]);
    expect(Math.max(...times)).toBeLessThanOrEqual(options.nowMs);
  });
});
