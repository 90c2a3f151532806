import 'server-only';
import { createHash } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { ZDevice, type Device } from '@/lib/contract/schemas';
import { deviceRef } from '@/lib/firebase/refs';
import { describeUserAgent } from './describe-user-agent';
import { APP_VERSION } from '@/lib/config/app-version';

/** Derived from the session cookie, so the guard stores nothing else; the id reveals nothing about the cookie. */
export function webDeviceIdFor(sessionCookie: string): string {
  return `web-${createHash('sha256').update(sessionCookie).digest('hex').slice(0, 20)}`;
}

export async function registerWebDevice(scope: UserScope, deviceId: string, userAgent: string | null): Promise<void> {
  const now = Timestamp.now();
  const { name, model } = describeUserAgent(userAgent);
  const device: Device = ZDevice.strict().parse({
    name,
    platform: 'web',
    model,
    appVersion: APP_VERSION,
    createdAt: now,
    lastSeenAt: now,
    lastSyncAt: null,
    lastSyncStatus: null,
    pendingChanges: 0,
    revokedAt: null,
  });
  try {
    await deviceRef(scope, deviceId).create(device);
  } catch (error) {
    // Two sign-ins in the same second can yield byte-identical session cookies: one session, one device.
    if ((error as { code?: number }).code !== 6) throw error;
  }
}
