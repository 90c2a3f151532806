import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '@/lib/errors/app-error';
import { formatBytes } from '@/lib/format/format-quantities';
import { IMPORT_LIMITS } from './import-limits';

export type UnzipLimits = {
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxZipEntries: number;
  maxZipFilesRead: number;
};

const invalid = (message: string) => new AppError('validation', message);

/** Sizes are checked against the directory, then counted again while inflating: a directory can lie. */
export async function unzipLimited(
  zip: Buffer,
  want: (name: string) => boolean,
  limits: UnzipLimits = IMPORT_LIMITS,
): Promise<Map<string, Buffer>> {
  const file = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true },
      (error, opened) => (error ? reject(zipError(error)) : resolve(opened)),
    ),
  );
  if (file.entryCount > limits.maxZipEntries) {
    file.close();
    throw tooManyFiles(limits);
  }
  const names = new Set<string>();
  const out = new Map<string, Buffer>();
  let declaredTotal = 0;
  let inflatedTotal = 0;
  let count = 0;
  try {
    for (;;) {
      const entry = await nextEntry(file);
      if (!entry) break;
      count += 1;
      if (count > limits.maxZipEntries) throw tooManyFiles(limits);
      const name = entry.fileName;
      const key = name.normalize('NFC').toLowerCase();
      if (names.has(key))
        throw invalid(`The ZIP file holds two files named ${JSON.stringify(name)}; it may have been tampered with.`);
      names.add(key);
      if (name.endsWith('/')) continue;
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxUncompressedBytes) throw tooBig(limits);
      if (!want(name)) continue;
      if (out.size >= limits.maxZipFilesRead)
        throw invalid(
          `The ZIP file holds more than ${limits.maxZipFilesRead} files an import would read (journal JSON files at its top level); no export has that many.`,
        );
      checkRatio(entry.uncompressedSize, entry.compressedSize, name, limits);
      const data = await inflate(file, entry, limits.maxUncompressedBytes - inflatedTotal, limits);
      inflatedTotal += data.byteLength;
      out.set(name, data);
    }
  } finally {
    file.close();
  }
  return out;
}

function checkRatio(uncompressed: number, compressed: number, name: string, limits: UnzipLimits) {
  // Tiny files compress absurdly well without being dangerous; only larger members are held to the ratio.
  if (uncompressed > 1024 * 1024 && uncompressed > Math.max(1, compressed) * limits.maxCompressionRatio) {
    throw invalid(
      `${name} in the ZIP expands more than ${limits.maxCompressionRatio} times; that looks like a zip bomb, so it was not opened.`,
    );
  }
}

function tooManyFiles(limits: UnzipLimits) {
  return invalid(`The ZIP file holds more than ${limits.maxZipEntries} files.`);
}

function tooBig(limits: UnzipLimits) {
  return new AppError(
    'payload-too-large',
    `The ZIP file unpacks to more than ${formatBytes(limits.maxUncompressedBytes)}, which is more than an import accepts.`,
  );
}

function nextEntry(file: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      file.off('entry', onEntry);
      file.off('end', onEnd);
      file.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(zipError(error)));
    file.on('entry', onEntry);
    file.on('end', onEnd);
    file.on('error', onError);
    file.readEntry();
  });
}

function inflate(file: ZipFile, entry: Entry, budget: number, limits: UnzipLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    file.openReadStream(entry, (error, stream) => {
      if (error) return reject(zipError(error));
      const parts: Buffer[] = [];
      let size = 0;
      stream.on('data', (part: Buffer) => {
        size += part.byteLength;
        if (size > budget) {
          stream.destroy();
          reject(tooBig(limits));
          return;
        }
        checkRatioWhileInflating(size, entry, limits, (e) => {
          stream.destroy();
          reject(e);
        });
        parts.push(part);
      });
      stream.once('error', (e) => reject(zipError(e)));
      stream.once('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

function checkRatioWhileInflating(size: number, entry: Entry, limits: UnzipLimits, fail: (error: AppError) => void) {
  try {
    checkRatio(size, entry.compressedSize, entry.fileName, limits);
  } catch (error) {
    fail(error as AppError);
  }
}

function zipError(error: Error): AppError {
  if (error instanceof AppError) return error;
  const message = error.message;
  if (/^absolute path/.test(message))
    return invalid(
      `The ZIP file contains an absolute path (${message.replace(/^absolute path: /, '')}); it was refused as unsafe.`,
    );
  if (/^invalid relative path/.test(message))
    return invalid(
      `The ZIP file contains a path that climbs out of its folder (${message.replace(/^invalid relative path: /, '')}); it was refused as unsafe.`,
    );
  if (/invalid characters in fileName/.test(message))
    return invalid('The ZIP file contains a file name with a backslash; it was refused as unsafe.');
  return invalid(
    'The ZIP file is damaged or incomplete, so it could not be read. Download the export again and retry.',
  );
}
