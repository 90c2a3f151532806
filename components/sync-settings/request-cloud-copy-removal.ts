import type { SyncType } from '@/lib/contract/paths';
import { NdjsonUnreadable, readNdjson } from '@/lib/ndjson/read-ndjson';
import { ZRemovalLine } from '@/lib/sync-settings/removal-lines';

export type RemovalProgress = { deleted: number; total: number };

/** Null when the stream ended without saying (the page refreshes either way). */
export async function requestCloudCopyRemoval(
  type: SyncType,
  onProgress: (progress: RemovalProgress) => void,
): Promise<number | null> {
  const response = await fetch('/api/sync-settings/remove-cloud-copy', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type }),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Removing failed (${response.status}).`);
  }
  try {
    for await (const line of readNdjson(response.body, ZRemovalLine)) {
      if (line.type === 'error') throw new Error(line.message);
      if (line.type === 'done') return line.deleted;
      onProgress({ deleted: line.deleted, total: line.total });
    }
  } catch (caught) {
    if (!(caught instanceof NdjsonUnreadable)) throw caught;
    throw new Error('The connection ended before the removal finished. Remove it again to finish.');
  }
  return null;
}
