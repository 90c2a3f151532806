import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors/app-error';
import { getEnv } from '@/lib/config/env';

/**
 * Scheduled jobs authenticate with `Authorization: Bearer $CRON_SECRET` (Cloud Scheduler and Vercel Cron both send
 * it). The comparison is constant-time over SHA-256 digests, so neither the secret's content nor its length leaks
 * through timing. Without CRON_SECRET (only possible on the emulators, where env validation allows it) the route is
 * closed: `npm run metrics:rollup` does the same job locally.
 */
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
