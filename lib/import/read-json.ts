import { AppError } from '@/lib/errors/app-error';

/** Deep nesting costs JSON.parse and every recursive check super-linear time, so it is counted first. */
const MAX_JSON_DEPTH = 64;

function refuseDeepJson(text: string, what: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i += 1;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH)
        throw new AppError(
          'validation',
          `${what} nests lists or objects more than ${MAX_JSON_DEPTH} levels deep, which no export does; it was not read.`,
        );
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth -= 1;
  }
}

export function parseJson(text: string, what: string): unknown {
  refuseDeepJson(text, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new AppError(
      'validation',
      `${what} is not valid JSON${position ? ` (near character ${position})` : ''}; it may be cut short. Download it again and retry.`,
    );
  }
}

export function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('validation', `${what} is not UTF-8 text; it may be damaged.`);
  }
}
