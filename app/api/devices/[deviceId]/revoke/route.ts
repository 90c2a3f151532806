// Revokes one of the caller's devices. Revoking the browser making the request also ends its session here.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clearedSessionCookie, withUser } from '@/lib/api/guard';
import { ZDocId } from '@/lib/api/route-params';
import { revokeDevice } from '@/lib/devices/update-device';

export const POST = withUser(
  async ({ caller, params }) => {
    const result = await revokeDevice(caller, params.deviceId);
    const signedOut = params.deviceId === caller.deviceId;
    const response = NextResponse.json(
      { ok: true, ...result, signedOut },
      { headers: { 'Cache-Control': 'no-store' } },
    );
    if (signedOut) response.headers.set('Set-Cookie', clearedSessionCookie());
    return response;
  },
  { params: z.object({ deviceId: ZDocId }), body: z.object({}).strict() },
);
