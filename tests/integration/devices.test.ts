import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { PATCH as rename } from '@/app/api/devices/[deviceId]/route';
import { POST as revoke } from '@/app/api/devices/[deviceId]/revoke/route';
import { listDevices } from '@/lib/devices/list-devices';
import { deviceRef } from '@/lib/firebase/refs';
import { createTestUser, request, routeContext, sessionCookieFor } from '../helpers/users';

async function phoneOf(user: { uid: string }, id = 'ios-phone') {
  const t = Timestamp.now();
  await deviceRef(user, id).set({
    name: 'iPhone',
    platform: 'ios',
    model: 'iPhone 15',
    appVersion: '3.2.1',
    createdAt: t,
    lastSeenAt: t,
    lastSyncAt: t,
    lastSyncStatus: 'ok',
    pendingChanges: 2,
    revokedAt: null,
  });
  return id;
}

describe('devices', () => {
  it('lists the phone and this browser', async () => {
    const user = await createTestUser();
    const { deviceId } = await sessionCookieFor(user);
    await phoneOf(user);
    const devices = await listDevices(user);
    expect(devices.map((d) => [d.id, d.platform, d.pendingChanges])).toEqual(
      expect.arrayContaining([
        ['ios-phone', 'ios', 2],
        [deviceId, 'web', 0],
      ]),
    );
  });

  it('renames a device, validating the name', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const id = await phoneOf(user);
    const ok = await rename(
      request(`/api/devices/${id}`, { method: 'PATCH', cookie, body: { name: '  Work phone ' } }),
      routeContext({ deviceId: id }),
    );
    expect(ok.status).toBe(200);
    expect((await deviceRef(user, id).get()).get('name')).toBe('Work phone');
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const bad = await rename(
        request(`/api/devices/${id}`, { method: 'PATCH', cookie, body: { name } }),
        routeContext({ deviceId: id }),
      );
      expect(bad.status).toBe(422);
    }
    expect((await deviceRef(user, id).get()).get('name')).toBe('Work phone');
  });

  it('answers 404 for another user\u2019s device and 422 for a malformed id', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const id = await phoneOf(bob, 'ios-bob');
    const { cookie } = await sessionCookieFor(alice);
    expect(
      (
        await rename(
          request(`/api/devices/${id}`, { method: 'PATCH', cookie, body: { name: 'mine now' } }),
          routeContext({ deviceId: id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await revoke(
          request(`/api/devices/${id}/revoke`, { method: 'POST', cookie, body: {} }),
          routeContext({ deviceId: id }),
        )
      ).status,
    ).toBe(404);
    expect((await deviceRef(bob, id).get()).get('revokedAt')).toBeNull();
    expect(
      (
        await revoke(
          request('/api/devices/x/revoke', { method: 'POST', cookie, body: {} }),
          routeContext({ deviceId: 'a/b' }),
        )
      ).status,
    ).toBe(422);
    expect(
      (await revoke(request(`/api/devices/${id}/revoke`, { method: 'POST', body: {} }), routeContext({ deviceId: id })))
        .status,
    ).toBe(401);
  });

  it('revokes a phone once, and revoking this browser ends its session', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    const phone = await phoneOf(user);
    const first = await revoke(
      request(`/api/devices/${phone}/revoke`, { method: 'POST', cookie, body: {} }),
      routeContext({ deviceId: phone }),
    );
    expect(await first.json()).toMatchObject({ alreadyRevoked: false, signedOut: false });
    const revokedAt = (await deviceRef(user, phone).get()).get('revokedAt');
    expect(revokedAt).toBeInstanceOf(Timestamp);
    const again = await revoke(
      request(`/api/devices/${phone}/revoke`, { method: 'POST', cookie, body: {} }),
      routeContext({ deviceId: phone }),
    );
    expect(await again.json()).toMatchObject({ alreadyRevoked: true });
    expect((await deviceRef(user, phone).get()).get('revokedAt')).toEqual(revokedAt);

    const self = await revoke(
      request(`/api/devices/${deviceId}/revoke`, { method: 'POST', cookie, body: {} }),
      routeContext({ deviceId }),
    );
    expect(await self.json()).toMatchObject({ signedOut: true });
    expect(self.headers.get('set-cookie')).toMatch(/wellsync_session=;/);
    expect(
      (
        await rename(
          request(`/api/devices/${phone}`, { method: 'PATCH', cookie, body: { name: 'x' } }),
          routeContext({ deviceId: phone }),
        )
      ).status,
    ).toBe(401);
  });
});
