import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text';
import { indexTokens, matchesAll, tokenize } from './tokenize';

describe('search tokens', () => {
  it('folds case and accents and drops punctuation', () => {
    expect(tokenize('Café CRÈME, naïve—résumé!')).toEqual(['cafe', 'creme', 'naive', 'resume']);
  });

  it('splits unspaced scripts into characters', () => {
    expect(tokenize('東京で散歩')).toEqual(['東', '京', 'て', '散', '歩']);
  });

  it('matches by prefix, every query token', () => {
    const indexed = indexTokens(['Anxious morning', 'walked to the lighthouse', '#gratitude'], 100);
    expect(matchesAll(indexed, tokenize('anx light'))).toBe(true);
    expect(matchesAll(indexed, tokenize('grat'))).toBe(true);
    expect(matchesAll(indexed, tokenize('anx ocean'))).toBe(false);
    // Prefix, not infix: "house" is inside "lighthouse" but starts no token.
    expect(matchesAll(indexed, tokenize('house'))).toBe(false);
  });

  it('caps the distinct tokens kept for one entry', () => {
    const indexed = indexTokens([Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ')], 10);
    expect(indexed.split(' ')).toHaveLength(10);
  });
});

describe('markdownToText', () => {
  it('keeps words, drops syntax and raw HTML', () => {
    const text = markdownToText(
      '# Title\n\nSome **bold** and [a link](https://x.test).\n\n- one\n- two\n\n<script>alert(1)</script>\n\n`code`',
    );
    expect(text).toBe('Title Some bold and a link. one two code');
  });
});
