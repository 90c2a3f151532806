import { fromMarkdown } from 'mdast-util-from-markdown';

type MdNode = { type: string; value?: string; alt?: string | null; children?: MdNode[] };

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'code',
  'tableCell',
  'thematicBreak',
  'break',
]);

/** Keyed by content, so an edited entry is a new key and nothing is stale (docs/benchmarks.md, "Profile first"). */
const MAX_CACHED_CHARS = 8_000_000;
const parsed = new Map<string, string>();
let cachedChars = 0;

/** The words of a Markdown body without its syntax: for excerpts and the search index. */
export function markdownToText(markdown: string): string {
  const known = parsed.get(markdown);
  if (known !== undefined) {
    parsed.delete(markdown);
    parsed.set(markdown, known); // most recently used last
    return known;
  }
  const text = parseMarkdownText(markdown);
  if (markdown.length + text.length <= MAX_CACHED_CHARS / 8) {
    parsed.set(markdown, text);
    cachedChars += markdown.length + text.length;
    for (const [body, kept] of parsed) {
      if (cachedChars <= MAX_CACHED_CHARS) break;
      parsed.delete(body);
      cachedChars -= body.length + kept.length;
    }
  }
  return text;
}

function parseMarkdownText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: MdNode) => {
    if (node.type === 'html') return; // raw HTML is never shown, so it is not searched either
    if (typeof node.value === 'string') parts.push(node.value);
    if (node.type === 'image' && node.alt) parts.push(node.alt);
    node.children?.forEach(walk);
    if (BLOCKS.has(node.type)) parts.push(' ');
  };
  walk(fromMarkdown(markdown) as MdNode);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function excerpt(text: string, maxLength = 220): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxLength * 0.6 ? lastSpace : maxLength).trimEnd()}…`;
}

/** An excerpt centred on the first word that a search matched, so the result shows why it matched. */
export function excerptAround(text: string, queryTokens: readonly string[], maxLength = 220): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  // Folding can change lengths (e.g. "é" is two code units folded), so positions are mapped back by ratio.
  const hits = queryTokens
    .map((token) => folded.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(token)}`, 'u')))
    .filter((i) => i >= 0);
  if (hits.length === 0) return excerpt(text, maxLength);
  const at = Math.round((Math.min(...hits) * text.length) / Math.max(1, folded.length));
  const start = Math.max(0, at - Math.floor(maxLength / 3));
  const head = start > 0 ? '…' : '';
  const body = text.slice(start, start + maxLength);
  return `${head}${body.trimStart()}${start + maxLength < text.length ? '…' : ''}`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
