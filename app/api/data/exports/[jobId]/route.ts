// One export: its status and progress, or delete it (and its archive) early.
import { AppError } from '@/lib/errors/app-error';
import { withUser } from '@/lib/api/guard';
import { deleteExportJob } from '@/lib/export/delete-export-job';
import { getExportJob } from '@/lib/export/list-export-jobs';
import { ZJobParams } from '@/lib/jobs/job-id';

export const GET = withUser(
  async ({ caller, params }) => {
    const job = await getExportJob(caller, params.jobId);
    if (!job) throw new AppError('not-found', 'That export does not exist.');
    return { job };
  },
  { params: ZJobParams },
);

export const DELETE = withUser(
  async ({ caller, params }) => {
    await deleteExportJob(caller, params.jobId);
    return { ok: true };
  },
  { params: ZJobParams },
);
