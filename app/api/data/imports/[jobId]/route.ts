// One import: its dry run and progress, or discard it (its uploaded file is deleted).
import { AppError } from '@/lib/errors/app-error';
import { withUser } from '@/lib/api/guard';
import { deleteImportJob, getImportJob } from '@/lib/import/list-import-jobs';
import { ZJobParams } from '@/lib/jobs/job-id';

export const GET = withUser(
  async ({ caller, params }) => {
    const job = await getImportJob(caller, params.jobId);
    if (!job) throw new AppError('not-found', 'That import does not exist.');
    return { job };
  },
  { params: ZJobParams },
);

export const DELETE = withUser(
  async ({ caller, params }) => {
    await deleteImportJob(caller, params.jobId);
    return { ok: true };
  },
  { params: ZJobParams },
);
