import { NextResponse, type NextRequest } from 'next/server';
import { emulatorAddress } from '@/lib/firebase/emulator-address';

/** Never decides access: every page and route verifies the session itself (CVE-2025-29927). */
const PRIVATE_PREFIXES = ['/journal', '/mood', '/devices', '/settings', '/conflicts', '/data', '/admin'];
const SESSION_COOKIES = ['__Host-wellsync_session', 'wellsync_session'];

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy(nonce, hostnameOf(request.headers.get('host')));
  const isPrivate = PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

  if (isPrivate && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-wellsync-path', `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (isPrivate || pathname === '/signin') response.headers.set('Cache-Control', 'private, no-store');
  // Only over https (production): browsers then refuse plain http to this host for two years.
  if (process.env.APP_ORIGIN?.startsWith('https://'))
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

/** The hostname the browser opened (request.nextUrl names the server's own host in `next dev`). */
function hostnameOf(host: string | null): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

function contentSecurityPolicy(nonce: string, pageHostname: string): string {
  const isDev = process.env.NODE_ENV === 'development';
  const firestore = process.env.FIRESTORE_EMULATOR_HOST;
  const auth = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  // The browser SDK talks to Firestore and Auth directly: the emulators locally (at the address the page was
  // opened at, as lib/firebase/client.ts reaches them), Google's endpoints otherwise.
  const emulator = (configured: string) => {
    const { host, port } = emulatorAddress(configured, pageHostname);
    return `http://${host}:${port}`;
  };
  const firebase =
    firestore && auth
      ? `${emulator(firestore)} ${emulator(auth)}`
      : 'https://firestore.googleapis.com https://identitytoolkit.googleapis.com https://securetoken.googleapis.com';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (charts position their tooltips with them) carry far less risk than scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${firebase}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(process.env.APP_ORIGIN?.startsWith('https://') ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
