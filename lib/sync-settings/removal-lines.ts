import { z } from 'zod';
import { progressLines } from '@/lib/ndjson/progress-lines';

export const ZRemovalLine = progressLines({ deleted: z.number().int().nonnegative() });
