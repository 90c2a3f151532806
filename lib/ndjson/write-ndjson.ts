import type { z } from 'zod';

export const NDJSON_HEADERS = { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' };

/** Lines are parsed before sending, so no stray field reaches the browser; `send` returns false once nobody reads. */
export function writeNdjson<Line extends z.ZodType>(
  schema: Line,
  produce: (send: (line: z.input<Line>) => boolean) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let open = true;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: z.input<Line>) => {
        const bytes = encoder.encode(`${JSON.stringify(schema.parse(line))}\n`);
        if (!open) return false;
        try {
          controller.enqueue(bytes);
        } catch {
          open = false;
        }
        return open;
      };
      try {
        await produce(send);
        if (open) controller.close();
      } catch (error) {
        // A producer's own failures are lines it sends; what reaches here is a bug, so the response is cut short.
        if (open) controller.error(error);
      }
    },
    cancel() {
      open = false;
    },
  });
}
