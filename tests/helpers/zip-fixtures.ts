import { PassThrough } from 'node:stream';
import archiver from 'archiver';

/** Builds a ZIP in memory with the same library the export uses. */
export async function makeZip(files: { name: string; data: string | Buffer }[], store = false): Promise<Buffer> {
  const archive = archiver('zip', store ? { store: true } : { zlib: { level: 9 } });
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => sink.on('end', resolve));
  archive.pipe(sink);
  for (const file of files) archive.append(file.data, { name: file.name });
  await archive.finalize();
  await done;
  return Buffer.concat(parts);
}

/**
 * ZIP libraries refuse to write hostile names, so a test archive is made with a harmless name of the same length
 * and the name bytes are then swapped in (local header and central directory; the CRC does not cover names).
 */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  let replaced = 0;
  while (at !== -1) {
    Buffer.from(to).copy(out, at);
    replaced += 1;
    at = out.indexOf(needle, at + needle.length);
  }
  if (replaced === 0) throw new Error(`${from} not found`);
  return out;
}
