import { Fragment } from 'react';

/** Matches on folded text like the index; React escapes the original, so no HTML is built from entry text. */
export function Highlight({ text, tokens }: { text: string; tokens: readonly string[] }) {
  if (tokens.length === 0) return <>{text}</>;
  const folded = [...text].map((ch) =>
    ch
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  );
  const marks = new Array<boolean>(folded.length).fill(false);
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(folded[i - 1]!)) continue; // only at the start of a word
    for (const token of tokens) {
      let j = i;
      let matched = '';
      while (j < folded.length && matched.length < token.length) matched += folded[j++];
      if (matched.startsWith(token)) for (let k = i; k < j; k++) marks[k] = true;
    }
  }
  const chars = [...text];
  const parts: { text: string; marked: boolean }[] = [];
  chars.forEach((ch, i) => {
    const last = parts.at(-1);
    if (last && last.marked === marks[i]) last.text += ch;
    else parts.push({ text: ch, marked: marks[i]! });
  });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
