/** The Cloud Storage emulator cannot run here (docs/data-rights.md, "Where files are kept"). */
export const FILE_CHUNKS = 'file_chunks';
/** Under Firestore's 1 MiB document limit with room for the id and field names. */
export const CHUNK_BYTES = 960 * 1024;

export type StoredFile = {
  name: string;
  contentType: string;
  bytes: number;
  chunks: number;
  sha256: string;
  attempt: string;
};

export const chunkId = (attempt: string, index: number) => `${attempt}-${String(index).padStart(6, '0')}`;
