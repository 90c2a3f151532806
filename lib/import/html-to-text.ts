import { parseEntities } from 'parse-entities';

/** The tags Daylio writes in notes: dropped, their text kept. Any other `<…>` is the user's own text. */
const DROPPED_TAGS = new Set(['b', 'i', 'u', 'li', 'ul', 'ol', 'p', 'div', 'span']);

const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * A Daylio note as plain text: `<br>` becomes a line break, Daylio's formatting tags go, entities are decoded.
 *
 * A single pass, linear in the note's length whatever it holds. The regex this replaces backtracked on every
 * unclosed `<b` (160 KB took seconds), so the position of the next `>` is found once and reused until the scan
 * passes it: every character is looked at a bounded number of times.
 */
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

/**
 * A candidate character reference: `&name;`, `&#123;` or `&#x1F600;`. The quantifiers are bounded and the three
 * forms start differently, so a failed match costs at most a few dozen steps however long the run of `&#9999…`.
 * Only references ended by `;` are decoded: notes typed by hand often hold a bare `&` ("AT&T", "&not sure").
 */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,40});/g;

/** Decoded once (`&amp;lt;` stays `&lt;`), by parse-entities, which follows the HTML spec for odd numbers. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference) => {
    const decoded = parseEntities(reference, { nonTerminated: false });
    return decoded === '\u00A0' ? ' ' : decoded;
  });
}
