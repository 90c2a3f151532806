import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/config/env';
import { readDoc } from '@/lib/firebase/metered';
import { pseudonymKeyRef } from './metrics-refs';

/** HMAC so admins rank users without learning who; never rotated: docs/admin-analytics.md, "Privacy by design". */
const keys = new Map<string, Promise<Buffer>>();

export function pseudonymWithKey(key: Buffer, uid: string): string {
  return `p${createHmac('sha256', key).update(uid).digest('hex').slice(0, 16)}`;
}

async function loadOrCreateKey(): Promise<Buffer> {
  const ref = pseudonymKeyRef();
  const existing = await readDoc(ref);
  if (existing.exists) return Buffer.from(existing.get('key') as string, 'base64');
  try {
    const key = randomBytes(32);
    await ref.create({ key: key.toString('base64'), createdAt: new Date() });
    return key;
  } catch (error) {
    // Another instance created it first (ALREADY_EXISTS): use theirs.
    if ((error as { code?: number }).code !== 6) throw error;
    return Buffer.from((await readDoc(ref)).get('key') as string, 'base64');
  }
}

export async function pseudonymKey(): Promise<Buffer> {
  const projectId = getEnv().projectId;
  let key = keys.get(projectId);
  if (!key) {
    key = loadOrCreateKey();
    keys.set(projectId, key);
    key.catch(() => keys.delete(projectId));
  }
  return key;
}

export async function pseudonymFor(uid: string): Promise<string> {
  return pseudonymWithKey(await pseudonymKey(), uid);
}
