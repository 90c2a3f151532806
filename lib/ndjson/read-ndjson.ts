import type { z } from 'zod';

/** A line longer than this is refused rather than buffered: progress lines are small, receipts a few KB. */
export const MAX_LINE_BYTES = 1024 * 1024;

export class NdjsonUnreadable extends Error {}

export class NdjsonLineTooLong extends NdjsonUnreadable {
  constructor(limit: number) {
    super(`A progress line was longer than ${limit} bytes.`);
  }
}

const NEWLINE = 0x0a;

/** A last line without its newline is a cut connection, not a message: it is dropped. */
export async function* readNdjson<Line extends z.ZodType>(
  body: ReadableStream<Uint8Array>,
  schema: Line,
  { maxLineBytes = MAX_LINE_BYTES }: { maxLineBytes?: number } = {},
): AsyncGenerator<z.output<Line>> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const keep = (part: Uint8Array) => {
    pendingBytes += part.length;
    if (pendingBytes > maxLineBytes) throw new NdjsonLineTooLong(maxLineBytes);
    if (part.length > 0) pending.push(part);
  };
  const unreadable = (error: unknown) =>
    error instanceof NdjsonUnreadable
      ? error
      : new NdjsonUnreadable('The progress stream broke off.', { cause: error });
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw unreadable(error);
      });
      if (done) return;
      let start = 0;
      for (let end = value.indexOf(NEWLINE); end !== -1; end = value.indexOf(NEWLINE, start)) {
        keep(value.subarray(start, end));
        const text = pending.map((part) => decoder.decode(part, { stream: true })).join('') + decoder.decode();
        pending = [];
        pendingBytes = 0;
        start = end + 1;
        if (text.trim() === '') continue;
        let line: z.output<Line>;
        try {
          line = schema.parse(JSON.parse(text));
        } catch (error) {
          throw unreadable(error);
        }
        yield line;
      }
      keep(value.subarray(start));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
