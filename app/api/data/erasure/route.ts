// Erasure: GET is the dry-run inventory; POST erases after a fresh password and the phrase, streaming NDJSON.
import { z } from 'zod';
import { clearedSessionCookie, withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { toAppError } from '@/lib/api/errors';
import { eraseUser } from '@/lib/erasure/erase-user';
import { ERASE_PHRASE, ZErasureLine } from '@/lib/erasure/erasure-receipt';
import { takeErasureInventory } from '@/lib/erasure/take-erasure-inventory';
import { releaseErasureLease, takeErasureLease } from '@/lib/erasure/take-erasure-lease';
import { verifyRecentSignIn } from '@/lib/erasure/verify-recent-sign-in';
import { NDJSON_HEADERS, writeNdjson } from '@/lib/ndjson/write-ndjson';

export const GET = withUser(async ({ caller }) => ({ inventory: await takeErasureInventory(caller) }));

const ZEraseAccountRequest = z
  .object({
    idToken: z.string().min(20).max(8192),
    phrase: z
      .string()
      .max(100)
      .refine((p) => p.trim().toLowerCase() === ERASE_PHRASE, `Type "${ERASE_PHRASE}" to confirm`),
  })
  .strict();

export const POST = withUser(
  async ({ caller, body, requestId }) => {
    await verifyRecentSignIn(caller, body.idToken);
    // From here until the receipt, no export or import can start or write (lib/jobs/erasure-lease.ts).
    await takeErasureLease(caller);
    const total = await takeErasureInventory(caller).then(
      (inventory) => inventory.total,
      async (error: unknown) => {
        await releaseErasureLease(caller);
        throw error;
      },
    );
    // If the browser goes away, erasure carries on to the end: only the progress lines are lost.
    const stream = writeNdjson(ZErasureLine, async (send) => {
      let last = 0;
      try {
        send({ type: 'progress', deleted: 0, total });
        const receipt = await eraseUser(caller, (deleted) => {
          if (deleted - last >= 100 || deleted === total) send({ type: 'progress', deleted: (last = deleted), total });
        });
        send({ type: 'done', receipt });
      } catch (error) {
        // The sessions are already revoked; freeing the lease lets the user sign in again and repeat.
        await releaseErasureLease(caller);
        const appError = toAppError(error, requestId);
        send({
          type: 'error',
          code: appError.code,
          message: `${appError.message} Your sessions have ended: sign in again and repeat the erasure to finish it.`,
        });
      }
    });
    return new Response(stream, {
      headers: {
        ...NDJSON_HEADERS,
        // The account is being erased: this browser's session ends with it.
        'Set-Cookie': clearedSessionCookie(),
      },
    });
  },
  { body: ZEraseAccountRequest, rateLimit: RATE_LIMITS.erasure },
);
