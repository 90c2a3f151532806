import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors/app-error';
import { getEnv } from '@/lib/config/env';

/** Constant-time over SHA-256 digests, so neither content nor length leaks; no CRON_SECRET means closed. */
export function checkCronSecret(req: Request): void {
  const secret = getEnv().cronSecret;
  if (!secret) {
    throw new AppError(
      'unavailable',
      'Scheduled jobs are switched off because CRON_SECRET is not set. Set it (32+ characters), or run `npm run metrics:rollup`.',
    );
  }
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!match || !timingSafeEqual(digest(match[1]!), digest(secret))) {
    throw new AppError('unauthenticated', 'Send the scheduler secret as "Authorization: Bearer <CRON_SECRET>".');
  }
}
