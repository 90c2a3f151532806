import 'server-only';
import { Readable } from 'node:stream';
import type { DocumentReference } from 'firebase-admin/firestore';
import { readDoc } from '@/lib/firebase/metered';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { chunkId, FILE_CHUNKS, type StoredFile } from './stored-file';

/** Streams a stored file chunk by chunk, fetching the next chunk while the current one is sent. */
export function readStoredFile(parent: DocumentReference, file: StoredFile): Readable {
  const fetchChunk = async (index: number): Promise<Buffer> => {
    const snapshot = await withDeadline(
      readDoc(parent.collection(FILE_CHUNKS).doc(chunkId(file.attempt, index))),
      'reading a file',
    );
    const data = snapshot.get('data') as Buffer | undefined;
    if (!data) throw new Error(`Chunk ${index} of ${parent.path} is missing`);
    return data;
  };
  async function* chunks() {
    let next = file.chunks > 0 ? fetchChunk(0) : null;
    for (let index = 0; index < file.chunks; index++) {
      const current = await next!;
      next = index + 1 < file.chunks ? fetchChunk(index + 1) : null;
      // A rejected prefetch is awaited on the next turn; keep it from being reported as unhandled meanwhile.
      next?.catch(() => undefined);
      yield current;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

export async function readStoredFileToBuffer(parent: DocumentReference, file: StoredFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStoredFile(parent, file)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
