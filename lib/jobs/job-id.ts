import { z } from 'zod';

/** Job ids are UUIDv7; anything else in the address is simply not found. */
export const ZJobParams = z.object({
  jobId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not found'),
});
