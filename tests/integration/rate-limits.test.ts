// The real limits: this file runs at scale 1 (the test runner raises it for everything else).
process.env.RATE_LIMIT_SCALE = '1';

import { describe, expect, it } from 'vitest';
import { POST as signIn } from '@/app/api/auth/session/route';
import { POST as eraseAccount } from '@/app/api/data/erasure/route';
import { POST as startExport } from '@/app/api/data/exports/route';
import { POST as uploadImport } from '@/app/api/data/imports/route';
import { POST as removeCloudCopy } from '@/app/api/sync-settings/remove-cloud-copy/route';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { createTestUser, request, routeContext, sessionCookieFor } from '../helpers/users';

/** As the platform's proxy forwards it: whatever the client claimed, then the address the proxy saw. */
const fromAddress = (address: string) => {
  const req = request('/api/auth/session', { method: 'POST', body: { idToken: 'x'.repeat(40) } });
  req.headers.set('x-forwarded-for', `10.${Math.floor(Math.random() * 250)}.0.1, ${address}`);
  return req;
};

describe('rate limits', () => {
  it('limits sign-in attempts per client address, with Retry-After, and not other addresses; spoofed hops do not help', async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.signIn.limit + 2; i++)
      statuses.push((await signIn(fromAddress(address), routeContext())).status);
    expect(statuses.slice(0, RATE_LIMITS.signIn.limit).every((s) => s === 401)).toBe(true);
    const limited = await signIn(fromAddress(address), routeContext());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/Too many requests\. Please wait/);
    expect((await signIn(fromAddress('198.51.100.7'), routeContext())).status).toBe(401);
  });

  it('counts 50 sign-ins at once from one address without a single 5xx (one counter document, no lock contention)', async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () => signIn(fromAddress(address), routeContext()).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(RATE_LIMITS.signIn.limit);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - RATE_LIMITS.signIn.limit);
  });

  // Invalid requests count too: the limit is on calls, so a script cannot probe without bound. Nothing is written,
  // so each call is cheap to repeat; the limit's own response comes after `limit` refusals.
  const perUser = [
    {
      name: 'starting exports',
      rule: RATE_LIMITS.exportStart,
      handler: startExport,
      call: (cookie: string) =>
        request('/api/data/exports', {
          method: 'POST',
          cookie,
          body: { types: ['journal'], includeTombstones: false, unknown: true },
        }),
    },
    {
      name: 'uploading imports',
      rule: RATE_LIMITS.importUpload,
      handler: uploadImport,
      call: (cookie: string) =>
        request('/api/data/imports?name=x.txt', {
          method: 'POST',
          cookie,
          rawBody: 'not an export',
          contentType: 'application/octet-stream',
        }),
    },
    {
      name: 'erasing the account',
      rule: RATE_LIMITS.erasure,
      handler: eraseAccount,
      call: (cookie: string) => request('/api/data/erasure', { method: 'POST', cookie, body: { phrase: 'no' } }),
    },
    {
      name: 'removing a cloud copy',
      rule: RATE_LIMITS.removeCloudCopy,
      handler: removeCloudCopy,
      call: (cookie: string) =>
        request('/api/sync-settings/remove-cloud-copy', { method: 'POST', cookie, body: { type: 'nothing' } }),
    },
  ];
  it.each(perUser)('limits $name per user', async ({ rule, handler, call }) => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const statuses: number[] = [];
    for (let i = 0; i < rule.limit + 1; i++) statuses.push((await handler(call(cookie), routeContext())).status);
    const refusal = statuses[0]!;
    expect(refusal).toBeGreaterThanOrEqual(400);
    expect(refusal).toBeLessThan(429);
    expect(statuses.slice(0, rule.limit).every((s) => s === refusal)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another user is not limited by this one.
    const other = await createTestUser();
    expect((await handler(call((await sessionCookieFor(other)).cookie), routeContext())).status).toBe(refusal);
  });
});
