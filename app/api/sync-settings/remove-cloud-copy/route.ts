// Deletes the cloud copy of a data type that is switched off, streaming progress as NDJSON lines.
import { z } from 'zod';
import { toAppError } from '@/lib/api/errors';
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { SYNC_TYPES } from '@/lib/contract/paths';
import { NDJSON_HEADERS, writeNdjson } from '@/lib/ndjson/write-ndjson';
import { removeCloudCopy } from '@/lib/sync-settings/remove-cloud-copy';
import { ZRemovalLine } from '@/lib/sync-settings/removal-lines';

export const POST = withUser(
  async ({ caller, body, requestId }) => {
    const progress = removeCloudCopy(caller, body.type);
    // The first step runs before the response starts, so "turn it off first" is a proper 409, not a stream line.
    const first = await progress.next();
    const stream = writeNdjson(ZRemovalLine, async (send) => {
      let last = first.done ? { deleted: 0, total: 0 } : first.value;
      try {
        // A reader that goes away stops the removal between pages, as before; running it again finishes it.
        if (send({ type: 'progress', ...last })) {
          for await (const step of { [Symbol.asyncIterator]: () => progress }) {
            last = step;
            if (!send({ type: 'progress', ...step })) break;
          }
        }
        send({ type: 'done', deleted: last.deleted });
      } catch (error) {
        const appError = toAppError(error, requestId);
        send({
          type: 'error',
          code: appError.code,
          message: `${appError.message} ${last.deleted} were removed; run it again to finish.`,
        });
      }
    });
    return new Response(stream, { headers: NDJSON_HEADERS });
  },
  { body: z.object({ type: z.enum(SYNC_TYPES) }).strict(), rateLimit: RATE_LIMITS.removeCloudCopy },
);
