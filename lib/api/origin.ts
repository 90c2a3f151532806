import 'server-only';
import { getEnv } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutation(method: string): boolean {
  return MUTATING.has(method.toUpperCase());
}

/** The origin a same-site request carries: APP_ORIGIN in production, this request's own host on the emulators. */
export function expectedOrigin(req: Request): string {
  const configured = getEnv().appOrigin;
  if (configured) return configured;
  const url = new URL(req.url);
  const host = req.headers.get('host') ?? url.host;
  return `${url.protocol}//${host}`;
}

/** CSRF defence: a missing or `null` Origin is refused too, since a real browser always sends one on a mutation. */
export function checkOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') {
    throw new AppError('forbidden', 'This request has no Origin header. Send it from the wellsync web app.');
  }
  if (origin !== expectedOrigin(req)) {
    throw new AppError('forbidden', 'This request came from another site and was refused.');
  }
}
