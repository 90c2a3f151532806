// Undoes one of the caller's automatic merges: keep the version set aside, or the other side alone.
import { z } from 'zod';
import { withUser } from '@/lib/api/guard';
import { ZDocId } from '@/lib/api/route-params';
import { undoAutoMerge, ZUndoAutoMergeRequest } from '@/lib/conflicts/undo-auto-merge';

export const POST = withUser(async ({ caller, params, body }) => undoAutoMerge(caller, params.conflictId, body), {
  params: z.object({ conflictId: ZDocId }),
  body: ZUndoAutoMergeRequest,
});
