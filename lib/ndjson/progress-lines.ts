import { z } from 'zod';

/** Progress lines, then exactly one `done` or `error` line; both ends parse with this schema. */
export const ZProgressLine = z
  .object({
    type: z.literal('progress'),
    deleted: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .strict();

export const ZErrorLine = z.object({ type: z.literal('error'), code: z.string(), message: z.string() }).strict();

export function progressLines<Shape extends z.ZodRawShape>(result: Shape) {
  const done = z.object({ type: z.literal('done'), ...result }).strict();
  return z.discriminatedUnion('type', [ZProgressLine, done, ZErrorLine]);
}
