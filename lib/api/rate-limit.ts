import 'server-only';
import { createHash } from 'node:crypto';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { getEnv } from '@/lib/config/env';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc } from '@/lib/firebase/metered';
import { RateLimitedError } from '@/lib/errors/app-error';

export type RateLimit = { name: string; limit: number; windowSeconds: number; by: 'user' | 'ip' };

export const RATE_LIMITS = {
  signIn: { name: 'sign-in', limit: 20, windowSeconds: 600, by: 'ip' },
  exportStart: { name: 'export', limit: 10, windowSeconds: 3600, by: 'user' },
  importUpload: { name: 'import', limit: 20, windowSeconds: 3600, by: 'user' },
  // Reading a stored upload again with other choices (time zone, mood levels) costs what an upload does, minus the upload.
  importPreview: { name: 'import-preview', limit: 60, windowSeconds: 3600, by: 'user' },
  erasure: { name: 'erasure', limit: 5, windowSeconds: 3600, by: 'user' },
  removeCloudCopy: { name: 'remove-cloud-copy', limit: 10, windowSeconds: 3600, by: 'user' },
} as const satisfies Record<string, RateLimit>;

export const RATE_LIMITS_COLLECTION = 'rate_limits';

/** Key hashed (no uid or address stored); blind increment then read: a transaction times out behind one NAT. */
export async function enforceRateLimit(rule: RateLimit, key: string, nowMs = Date.now()): Promise<void> {
  const windowStart = Math.floor(nowMs / 1000 / rule.windowSeconds) * rule.windowSeconds;
  const ref = adminDb()
    .collection(RATE_LIMITS_COLLECTION)
    .doc(`${rateLimitKeyPrefix(rule, key)}${windowStart}`);
  await ref.set(
    { count: FieldValue.increment(1), expiresAt: Timestamp.fromMillis((windowStart + rule.windowSeconds) * 1000) },
    { merge: true },
  );
  const count = ((await readDoc(ref)).get('count') as number | undefined) ?? 0;
  if (count > rule.limit * getEnv().rateLimitScale) {
    const retryAfter = Math.max(1, windowStart + rule.windowSeconds - Math.floor(nowMs / 1000));
    throw new RateLimitedError(`Too many requests. Please wait ${formatWait(retryAfter)} and try again.`, retryAfter);
  }
}

/** Every window's counter of one rule and key starts with this; erasure finds a user's counters by it. */
export function rateLimitKeyPrefix(rule: Pick<RateLimit, 'name'>, key: string): string {
  return `${rule.name}_${createHash('sha256').update(`${rule.name}:${key}`).digest('hex').slice(0, 32)}_`;
}

/** Only the entry our proxies added is trusted; X-Real-IP is never read (issue 13: the client writes it). */
export function clientAddress(req: Request, trustedHops = getEnv().trustedProxyHops): string {
  const hops = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedHops)] ?? 'unknown';
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
