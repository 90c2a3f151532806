export const DEFAULT_RETURN_PATH = '/journal';

/** The sign-in route accepts `next` up to this length; a longer one is no page of ours. */
const MAX_LENGTH = 2048;
/** Only whether the candidate stays on this origin matters, and only a path is returned, so any origin of ours would do. */
const PLACEHOLDER_ORIGIN = 'https://wellsync.invalid';
/** Percent-encoded slashes, backslashes and control characters in a path: some routers decode them before routing. */
const ENCODED_SEPARATOR = /%(?:2f|5c|[01][0-9a-f]|7f)/i;

const hasControlCharacter = (text: string) => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

/** No open redirect: resolved as a browser would (tabs dropped, `\` as `/`), then refused if it looks like a host. */
export function safeReturnPath(candidate: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_LENGTH)
    return DEFAULT_RETURN_PATH;
  if (
    hasControlCharacter(candidate) ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.startsWith('/\\')
  )
    return DEFAULT_RETURN_PATH;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(candidate, base);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== base.origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return DEFAULT_RETURN_PATH;
  const path = url.pathname;
  if (path.startsWith('//') || path.startsWith('/\\') || ENCODED_SEPARATOR.test(path)) return DEFAULT_RETURN_PATH;
  return `${path}${url.search}${url.hash}`;
}
