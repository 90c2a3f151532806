import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeLocal, encodeLocal, type TimestampFactory } from '../local-codec';
import type { LocalState, LocalStore } from '../sync-client';

/** Write then rename, so a crash never leaves a torn outbox; saves are queued, so the last call wins. */
export function fileStore(file: string, timestamp: TimestampFactory): LocalStore {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return decodeLocal(JSON.parse(await readFile(file, 'utf8')), timestamp) as LocalState;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save(state) {
      const text = JSON.stringify(encodeLocal(state));
      queue = queue.then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, file);
      });
      return queue;
    },
  };
}
