import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { progressLines } from './progress-lines';
import { NdjsonLineTooLong, NdjsonUnreadable, readNdjson } from './read-ndjson';
import { writeNdjson } from './write-ndjson';

const ZLine = progressLines({ note: z.string() });

const bodyOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

async function readAll<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('NDJSON progress', () => {
  it('reads back what the writer wrote', async () => {
    const body = writeNdjson(ZLine, async (send) => {
      send({ type: 'progress', deleted: 0, total: 2 });
      send({ type: 'progress', deleted: 2, total: 2 });
      send({ type: 'done', note: 'ok' });
    });
    expect(await readAll(readNdjson(body, ZLine))).toEqual([
      { type: 'progress', deleted: 0, total: 2 },
      { type: 'progress', deleted: 2, total: 2 },
      { type: 'done', note: 'ok' },
    ]);
  });

  it('refuses to write a line the schema does not allow', async () => {
    const body = writeNdjson(ZLine, async (send) => {
      send({ type: 'done', note: 'x', secret: 1 } as never);
    });
    await expect(readAll(readNdjson(body, ZLine))).rejects.toThrow();
  });

  it('joins a line split mid-line and mid-character across chunks', async () => {
    const bytes = new TextEncoder().encode(
      '{"type":"done","note":"Grüße 😀"}\n{"type":"progress","deleted":1,"total":1}\n',
    );
    const emoji = bytes.indexOf(0xf0);
    const umlaut = bytes.indexOf(0xc3);
    const chunks = [bytes.subarray(0, umlaut + 1), bytes.subarray(umlaut + 1, emoji + 2), bytes.subarray(emoji + 2)];
    expect(await readAll(readNdjson(bodyOf(chunks), ZLine))).toEqual([
      { type: 'done', note: 'Grüße 😀' },
      { type: 'progress', deleted: 1, total: 1 },
    ]);
  });

  it('reads a body sent one byte at a time', async () => {
    const bytes = new TextEncoder().encode('{"type":"error","code":"internal","message":"ä"}\n');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    expect(await readAll(readNdjson(bodyOf(chunks), ZLine))).toEqual([
      { type: 'error', code: 'internal', message: 'ä' },
    ]);
  });

  it('drops a last line cut off before its newline, and skips blank lines', async () => {
    const bytes = new TextEncoder().encode('\n{"type":"progress","deleted":0,"total":1}\n{"type":"pro');
    expect(await readAll(readNdjson(bodyOf([bytes]), ZLine))).toEqual([{ type: 'progress', deleted: 0, total: 1 }]);
  });

  it('refuses an over-long line, even one that never ends', async () => {
    const long = new TextEncoder().encode(`{"type":"done","note":"${'x'.repeat(100)}"}\n`);
    await expect(readAll(readNdjson(bodyOf([long]), ZLine, { maxLineBytes: 64 }))).rejects.toThrow(NdjsonLineTooLong);
    const endless = Array.from({ length: 10 }, () => new TextEncoder().encode('x'.repeat(10)));
    await expect(readAll(readNdjson(bodyOf(endless), ZLine, { maxLineBytes: 64 }))).rejects.toThrow(NdjsonLineTooLong);
  });

  it.each([
    ['a line that is not JSON', '{"type":"progress",\n'],
    ['a line of an unknown type', '{"type":"receipt","receipt":{}}\n'],
    ['a line with a field the schema does not know', '{"type":"done","note":"x","extra":1}\n'],
  ])('reports %s as an unreadable stream, not a parser error', async (_name, text) => {
    const body = bodyOf([new TextEncoder().encode(text)]);
    await expect(readAll(readNdjson(body, ZLine))).rejects.toThrow(NdjsonUnreadable);
  });

  it('reports a connection that drops mid-stream as an unreadable stream', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"type":"progress","deleted":0,"total":1}\n'));
        controller.error(new TypeError('network error'));
      },
    });
    await expect(readAll(readNdjson(body, ZLine))).rejects.toThrow(NdjsonUnreadable);
  });

  it('stops sending once the reader has gone, and lets the producer know', async () => {
    const sent: boolean[] = [];
    let finished!: () => void;
    const producerDone = new Promise<void>((resolve) => (finished = resolve));
    const body = writeNdjson(ZLine, async (send) => {
      sent.push(send({ type: 'progress', deleted: 0, total: 2 }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      sent.push(send({ type: 'progress', deleted: 1, total: 2 }));
      finished();
    });
    for await (const line of readNdjson(body, ZLine)) {
      expect(line.type).toBe('progress');
      break; // leaving the loop cancels the body
    }
    await producerDone;
    expect(sent).toEqual([true, false]);
  });
});
