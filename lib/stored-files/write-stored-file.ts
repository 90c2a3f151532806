import 'server-only';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { DocumentReference, Timestamp } from 'firebase-admin/firestore';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { CHUNK_BYTES, chunkId, FILE_CHUNKS, type StoredFile } from './stored-file';

/** One chunk in memory at a time: backpressure holds the writer while a chunk is saved. */
export class StoredFileWriter extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private total = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly parent: DocumentReference,
    private readonly attempt: string,
    private readonly expiresAt: Timestamp,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    this.total += chunk.byteLength;
    this.hash.update(chunk);
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.flushFull().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void) {
    this.save(Buffer.concat(this.pending)).then(() => done(), done);
  }

  describe(name: string, contentType: string): StoredFile {
    return {
      name,
      contentType,
      bytes: this.total,
      chunks: this.index,
      sha256: this.hash.digest('hex'),
      attempt: this.attempt,
    };
  }

  private async flushFull() {
    const all = Buffer.concat(this.pending);
    let offset = 0;
    while (all.byteLength - offset >= CHUNK_BYTES) {
      await this.save(all.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    }
    this.pending = [all.subarray(offset)];
    this.pendingBytes = all.byteLength - offset;
  }

  private async save(data: Buffer) {
    if (data.byteLength === 0 && this.index > 0) return;
    const ref = this.parent.collection(FILE_CHUNKS).doc(chunkId(this.attempt, this.index));
    await withDeadline(ref.set({ data, index: this.index, expiresAt: this.expiresAt }), 'saving a file');
    this.index += 1;
  }
}

/** Stores a whole buffer (an upload that has already been read within its size limit). */
export async function storeBuffer(
  parent: DocumentReference,
  attempt: string,
  expiresAt: Timestamp,
  bytes: Buffer,
  name: string,
  contentType: string,
): Promise<StoredFile> {
  const writer = new StoredFileWriter(parent, attempt, expiresAt);
  await new Promise<void>((resolve, reject) => {
    writer.once('error', reject);
    writer.end(bytes, () => resolve());
  });
  return writer.describe(name, contentType);
}
