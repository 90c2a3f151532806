// Issue 13, hole 3: /signin?next=/%09/evil.example/x passed safeReturnPath, and the browser, which drops tabs and
// newlines from URLs, then went to //evil.example/x. Every `next` must come back as a path on our own origin.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '@/lib/auth/safe-return-path';

const HOME = '/journal';

describe('safeReturnPath refuses every way off the site', () => {
  it('keeps the journal as the default', () => expect(DEFAULT_RETURN_PATH).toBe(HOME));

  it.each([
    ['a tab after the slash, as the query string decodes %09', '/\t/evil.example/x'],
    ['the raw %09 form, if it ever arrives undecoded', '/%09/evil.example/x'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a backslash then a slash', '\\/evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['an absolute https URL', 'https://evil.example'],
    ['an absolute URL with our path', 'https://evil.example/journal'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['an encoded double slash', '%2F%2Fevil.example'],
    ['a newline inside the slashes', '/\n/evil.example'],
    ['a carriage return inside the slashes', '/\r/evil.example'],
    ['tabs and newlines all over', '/\t\n\r/\tevil.example/x'],
    ['a dot segment that leaves //', '/.//evil.example'],
    ['a climb that leaves //', '/a/..//evil.example'],
    ['a credential-looking path', '//user@evil.example'],
    ['a relative path', 'journal'],
    ['a NUL byte', '/journal\u0000'],
    ['a DEL byte', '/journal\u007f'],
    ['an escape byte', '/journal\u001b[31m'],
    ['leading spaces before //', '  //evil.example'],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['a very long input', `/${'a'.repeat(100_000)}`],
    ['a very long run of slashes', '/'.repeat(100_000)],
  ])('%s', (_name, input) => {
    expect(safeReturnPath(input)).toBe(HOME);
  });

  it.each([
    ['a plain page', '/journal', '/journal'],
    ['a page with query and hash', '/journal?q=a#x', '/journal?q=a#x'],
    ['a nested page', '/settings/devices', '/settings/devices'],
    ['an encoded slash in a query', '/journal?next=%2F%2Fx', '/journal?next=%2F%2Fx'],
    ['dot segments, resolved', '/a/../journal', '/journal'],
  ])('keeps %s', (_name, input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it('never returns anything that a browser would read as another host', () => {
    const tricky = [
      '/\t/evil.example',
      '/\\evil.example',
      '/.//evil.example',
      '/%5Cevil.example',
      '/%2F/evil.example',
      '/;//evil.example',
    ];
    for (const input of tricky) {
      const out = safeReturnPath(input);
      expect(out.startsWith('/')).toBe(true);
      expect(/^\/[/\\]/.test(out)).toBe(false);
      expect(new URL(out, 'https://wellsync.example').origin).toBe('https://wellsync.example');
    }
  });
});
