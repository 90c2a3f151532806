import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/data/imports/route';
import { userCollection } from '@/lib/firebase/refs';
import { JOB_LOCKS } from '@/lib/import/hold-import-lock';
import { createTestUser, ORIGIN, request, routeContext, sessionCookieFor } from '../helpers/users';

// Issue 13: each upload holds up to 250 MB while it is read and parsed, so one user may have only one in flight.
const DAYLIO = new TextEncoder().encode(
  'full_date,date,weekday,time,mood,activities,note_title,note\n2026-11-02,November 2,Monday,08:15,good,work,,\n',
);

/** An upload whose body arrives only when the test says so: a slow connection holding its slot. */
function slowUpload(cookie: string) {
  let finish!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(DAYLIO.slice(0, 20));
      finish = () => {
        controller.enqueue(DAYLIO.slice(20));
        controller.close();
      };
    },
  });
  const headers = {
    host: 'localhost:3000',
    origin: ORIGIN,
    cookie: `wellsync_session=${cookie}`,
    'content-type': 'application/octet-stream',
  };
  // Node needs `duplex` for a streamed body; NextRequest's init type does not list it.
  const init = { method: 'POST', headers, body, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1];
  const req = new NextRequest(new URL('/api/data/imports?name=slow.csv', ORIGIN), init);
  return { response: upload(req, routeContext()), finish: () => finish() };
}

const quickUpload = (cookie: string) =>
  upload(
    request('/api/data/imports?name=quick.csv', {
      method: 'POST',
      cookie,
      rawBody: DAYLIO,
      contentType: 'application/octet-stream',
    }),
    routeContext(),
  );

describe('concurrent imports of one user', () => {
  it('refuses a second upload with 409 while the first is still being read, then takes the next', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const slow = slowUpload(cookie);
    // Not a fixed sleep: on a loaded machine the slow upload may take seconds to reach its slot.
    await expect
      .poll(async () => (await userCollection(user, JOB_LOCKS).doc('import').get()).exists, { timeout: 30_000 })
      .toBe(true);

    const second = await quickUpload(cookie);
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toMatch(/an import is already being processed/i);

    slow.finish();
    expect((await slow.response).status).toBe(201);
    expect((await quickUpload(cookie)).status).toBe(201);
    expect((await userCollection(user, 'import_jobs').get()).size).toBe(2);
  });

  it('lets exactly one of several uploads fired together through, while the others answer 409', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    // Every body is held back, so whichever takes the slot keeps it until the test lets it finish: the quick
    // uploads of an earlier version could each finish before the next began, and then all passed legitimately.
    const uploads = Array.from({ length: 4 }, () => slowUpload(cookie));
    const settled: Response[] = [];
    uploads.forEach(({ response }) => void response.then((r) => settled.push(r)));
    await expect.poll(() => settled.length, { timeout: 30_000 }).toBe(3);
    expect(settled.map((r) => r.status)).toEqual([409, 409, 409]);
    for (const { finish } of uploads) finish();
    const statuses = await Promise.all(uploads.map(({ response }) => response.then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    expect((await userCollection(user, 'import_jobs').get()).size).toBe(1);
  });
});
