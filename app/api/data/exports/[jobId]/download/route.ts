// Streams a ready export's ZIP to its owner; nobody else's job is ever found (404).
import { Readable } from 'node:stream';
import { withUser } from '@/lib/api/guard';
import { openExportDownload } from '@/lib/export/open-export-download';
import { ZJobParams } from '@/lib/jobs/job-id';

export const GET = withUser(
  async ({ caller, params }) => {
    const download = await openExportDownload(caller, params.jobId);
    return new Response(Readable.toWeb(download.stream) as ReadableStream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': String(download.bytes),
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
  { params: ZJobParams },
);
