import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { formatBytes } from '@/lib/format/format-quantities';

/** Reads a request body, refusing it as soon as it passes `maxBytes` (a Content-Length header can lie). */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported-media-type', 'Send this request as JSON (Content-Type: application/json).');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readBodyBytes(req, maxBytes));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad-request', 'The request body is not valid JSON.');
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'payload-too-large',
    `The request is larger than the ${formatBytes(maxBytes)} this endpoint accepts.`,
  );
}
