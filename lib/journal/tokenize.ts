/** Unspaced scripts (Han, kana, Hangul) become one token per character, so part of a sentence still matches. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export const MAX_TOKEN_LENGTH = 32;

export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const tokens: string[] = [];
  for (const run of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (UNSPACED.test(run)) {
      for (const piece of run.split(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/u)) {
        if (piece) tokens.push(piece.slice(0, MAX_TOKEN_LENGTH));
      }
    } else {
      tokens.push(run.slice(0, MAX_TOKEN_LENGTH));
    }
  }
  return tokens;
}

/** The distinct tokens of an entry, as one space-separated string (compact to store, quick to scan). */
export function indexTokens(texts: readonly string[], maxTokens: number): string {
  const unique = new Set<string>();
  for (const text of texts) {
    for (const token of tokenize(text)) {
      unique.add(token);
      if (unique.size >= maxTokens) return [...unique].join(' ');
    }
  }
  return [...unique].join(' ');
}

/** True when every query token is the start of some indexed token (so "anx" finds "anxious"). */
export function matchesAll(indexed: string, queryTokens: readonly string[]): boolean {
  const haystack = ` ${indexed}`;
  return queryTokens.every((token) => haystack.includes(` ${token}`));
}
