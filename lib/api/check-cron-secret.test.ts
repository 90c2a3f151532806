import { beforeEach, describe, expect, it, vi } from 'vitest';

const env = { cronSecret: null as string | null };
vi.mock('@/lib/config/env', () => ({ getEnv: () => env }));
const { checkCronSecret } = await import('./check-cron-secret');

const withAuth = (value?: string) =>
  new Request('http://localhost/api/cron/rollup', { headers: value ? { authorization: value } : {} });

describe('checkCronSecret', () => {
  beforeEach(() => {
    env.cronSecret = 's'.repeat(40);
  });

  it('accepts exactly the configured bearer secret', () => {
    expect(() => checkCronSecret(withAuth(`Bearer ${'s'.repeat(40)}`))).not.toThrow();
    for (const bad of [
      undefined,
      's'.repeat(40),
      `Bearer ${'s'.repeat(39)}`,
      `Bearer ${'s'.repeat(41)}`,
      `bearer ${'s'.repeat(40)}`,
    ]) {
      expect(() => checkCronSecret(withAuth(bad))).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    }
  });

  it('keeps the route closed when no secret is configured, whatever is sent', () => {
    env.cronSecret = null;
    expect(() => checkCronSecret(withAuth('Bearer anything'))).toThrow(
      expect.objectContaining({ code: 'unavailable' }),
    );
    expect(() => checkCronSecret(withAuth('Bearer null'))).toThrow(/CRON_SECRET is not set/);
  });
});
