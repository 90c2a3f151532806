import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';

// The CSP names the emulators at the address the page was opened at (lib/firebase/emulator-address.ts), which it
// reads from the Host header: a header anyone can write.
const connectSrc = (host: string) => {
  const request = new NextRequest('http://localhost:3000/signin', { headers: { host } });
  const csp = proxy(request).headers.get('content-security-policy') ?? '';
  return csp.split('; ').find((directive) => directive.startsWith('connect-src'));
};

describe('the CSP and the Host header', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("names the emulators at the machine's network address when the page was opened there", () => {
    vi.stubEnv('FIRESTORE_EMULATOR_HOST', '127.0.0.1:8080');
    vi.stubEnv('FIREBASE_AUTH_EMULATOR_HOST', '127.0.0.1:9099');
    expect(connectSrc('192.0.2.2:3000')).toBe("connect-src 'self' http://192.0.2.2:8080 http://192.0.2.2:9099");
    expect(connectSrc('localhost:3000')).toBe("connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:9099");
  });

  it.each([
    '*',
    'a;b',
    'a,b',
    "x'y",
    'a;sandbox',
    '*.example',
    'a; script-src *',
    "evil.example 'unsafe-inline'",
    'x\ty',
    '[::1',
    '',
    'a'.repeat(10_000),
  ])('a hostile Host %j adds no source and no directive', (host) => {
    vi.stubEnv('FIRESTORE_EMULATOR_HOST', '127.0.0.1:8080');
    vi.stubEnv('FIREBASE_AUTH_EMULATOR_HOST', '127.0.0.1:9099');
    const directive = connectSrc(host)!;
    expect(directive).toMatch(/^connect-src 'self' http:\/\/[^\s;,'*]+:8080 http:\/\/[^\s;,'*]+:9099$/);
    expect(directive).not.toContain('unsafe');
  });

  it("ignores the Host header in production, where the browser talks to Google's endpoints", () => {
    vi.stubEnv('FIRESTORE_EMULATOR_HOST', '');
    vi.stubEnv('FIREBASE_AUTH_EMULATOR_HOST', '');
    expect(connectSrc('evil.example')).toBe(
      "connect-src 'self' https://firestore.googleapis.com https://identitytoolkit.googleapis.com https://securetoken.googleapis.com",
    );
  });
});
