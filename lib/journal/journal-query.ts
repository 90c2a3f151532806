import { z } from 'zod';
import { isValidDayKey } from '@/lib/time/zoned';

export const ZJournalQuery = z
  .object({
    q: z.string().trim().max(200, 'Search for at most 200 characters').optional(),
    tag: z.string().trim().min(1).max(100).optional(),
    from: z.string().refine(isValidDayKey, 'Use a date like 2025-03-31').optional(),
    to: z.string().refine(isValidDayKey, 'Use a date like 2025-03-31').optional(),
    cursor: z.string().max(500).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'The start date is after the end date',
    path: ['from'],
  });

export type JournalQuery = z.infer<typeof ZJournalQuery>;

/** Opaque page cursors: the sort key of the last entry shown. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: z.ZodType<T>): T | null {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
