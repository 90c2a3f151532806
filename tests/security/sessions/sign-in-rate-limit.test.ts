// Issue 13, C: the sign-in limit is per client address, and `X-Real-IP` is a header the client writes. Rotating
// it must not buy a fresh allowance. This file runs at the real limits (scale 1).
process.env.RATE_LIMIT_SCALE = '1';

import { describe, expect, it } from 'vitest';
import { POST as signIn } from '@/app/api/auth/session/route';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { request, routeContext } from '../../helpers/users';

const attempt = (headers: Record<string, string>) => {
  const req = request('/api/auth/session', { method: 'POST', body: { idToken: 'x'.repeat(40) } });
  for (const [name, value] of Object.entries(headers)) req.headers.set(name, value);
  return signIn(req, routeContext());
};

describe('the sign-in rate limit', () => {
  it('is not reset by inventing a new X-Real-IP for each attempt', async () => {
    // No proxy in front (no X-Forwarded-For): every attempt claims another address of its own.
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.signIn.limit + 3; i++)
      statuses.push((await attempt({ 'x-real-ip': `198.18.${i}.${Math.floor(Math.random() * 250)}` })).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(RATE_LIMITS.signIn.limit);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });
});
