// Deletes the cloud copy of a data type that is switched off, streaming progress as NDJSON lines.
import { z } from 'zod';
import { toAppError } from '@/lib/api/errors';
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { SYNC_TYPES } from '@/lib/contract/paths';
import { removeCloudCopy } from '@/lib/sync-settings/remove-cloud-copy';

export const POST = withUser(
  async ({ caller, body, requestId }) => {
    const progress = removeCloudCopy(caller, body.type);
    // The first step runs before the response starts, so "turn it off first" is a proper 409, not a stream line.
    const first = await progress.next();
    const encoder = new TextEncoder();
    const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        let last = first.done ? { deleted: 0, total: 0 } : first.value;
        controller.enqueue(line(last));
        try {
          for await (const step of { [Symbol.asyncIterator]: () => progress }) {
            last = step;
            controller.enqueue(line(step));
          }
          controller.enqueue(line({ done: true, deleted: last.deleted }));
        } catch (error) {
          const appError = toAppError(error, requestId);
          controller.enqueue(
            line({
              error: {
                code: appError.code,
                message: `${appError.message} ${last.deleted} were removed; run it again to finish.`,
              },
            }),
          );
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' } });
  },
  { body: z.object({ type: z.enum(SYNC_TYPES) }).strict(), rateLimit: RATE_LIMITS.removeCloudCopy },
);
