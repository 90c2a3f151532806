import { parseEntities } from 'parse-entities';

/** The tags Daylio writes in notes: dropped, their text kept. Any other `<…>` is the user's own text. */
const DROPPED_TAGS = new Set(['b', 'i', 'u', 'li', 'ul', 'ol', 'p', 'div', 'span']);

const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** Single pass: the regex it replaces backtracked on every unclosed `<b` (160 KB took seconds). */
export function htmlToText(note: string): string {
  let out = '';
  let textStart = 0;
  let nextClose = -2;
  for (let open = note.indexOf('<'); open !== -1; open = note.indexOf('<', open + 1)) {
    if (nextClose !== -1 && nextClose < open) nextClose = note.indexOf('>', open);
    if (nextClose === -1) break; // no '>' left, so no tag can end: the rest is text
    let end = open + 1;
    if (note.charCodeAt(end) === 47 /* / */) end += 1;
    const nameStart = end;
    while (end < nextClose && isLetter(note.charCodeAt(end))) end += 1;
    const after = note.charCodeAt(end);
    if (end !== nextClose && after !== 47 && !isSpace(after)) continue; // `<bold…` is not `<b …`
    const name = note.slice(nameStart, end).toLowerCase();
    if (name !== 'br' && !DROPPED_TAGS.has(name)) continue;
    out += decodeEntities(note.slice(textStart, open)) + (name === 'br' ? '\n' : '');
    textStart = nextClose + 1;
    open = nextClose;
  }
  return out + decodeEntities(note.slice(textStart));
}

/** Bounded quantifiers keep a failed match cheap; a bare `&` ("AT&T") is text, so only `;`-ended refs decode. */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,40});/g;

/** Decoded once (`&amp;lt;` stays `&lt;`), by parse-entities, which follows the HTML spec for odd numbers. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference) => {
    const decoded = parseEntities(reference, { nonTerminated: false });
    return decoded === '\u00A0' ? ' ' : decoded;
  });
}
