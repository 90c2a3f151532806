import { z } from 'zod';
import { progressLines } from '@/lib/ndjson/progress-lines';

/** The remove-cloud-copy route's progress lines, ending with how many documents went. */
export const ZRemovalLine = progressLines({ deleted: z.number().int().nonnegative() });
