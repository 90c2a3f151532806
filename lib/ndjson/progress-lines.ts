import { z } from 'zod';

/**
 * The one line format of wellsync's streamed progress (NDJSON: one JSON object a line): any number of `progress`
 * lines, then exactly one `done` line carrying the result, or one `error` line. Both ends parse with this schema.
 */
export const ZProgressLine = z
  .object({
    type: z.literal('progress'),
    deleted: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .strict();

export const ZErrorLine = z.object({ type: z.literal('error'), code: z.string(), message: z.string() }).strict();

/** The schema of one stream's lines, given the fields of its `done` line. */
export function progressLines<Shape extends z.ZodRawShape>(result: Shape) {
  const done = z.object({ type: z.literal('done'), ...result }).strict();
  return z.discriminatedUnion('type', [ZProgressLine, done, ZErrorLine]);
}
