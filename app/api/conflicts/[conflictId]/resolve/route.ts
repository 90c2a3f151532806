// Resolves one of the caller's conflicts: keep the winner, restore the loser, or save a hand merge.
import { z } from 'zod';
import { withUser } from '@/lib/api/guard';
import { ZDocId } from '@/lib/api/route-params';
import { resolveConflict, ZResolveConflictRequest } from '@/lib/conflicts/resolve-conflict';

export const POST = withUser(async ({ caller, params, body }) => resolveConflict(caller, params.conflictId, body), {
  params: z.object({ conflictId: ZDocId }),
  body: ZResolveConflictRequest,
});
