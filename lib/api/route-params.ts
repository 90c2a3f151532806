import { z } from 'zod';

/** A document id in a URL: what Firestore accepts as an id, and no slash (which would address another path). */
export const ZDocId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^(?!\.\.?$)(?!__.*__$)[^/]+$/, 'That is not a valid id');
