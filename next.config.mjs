import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';
import { listDevOrigins } from './lib/dev/dev-origins.mjs';

/** Request-independent only; the CSP nonce, no-store and HSTS are set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Entry ids in URLs are nobody else's business.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server for deployment: `npm run build` then `npm start` (node .next/standalone/server.js).
  output: 'standalone',
  // firebase-admin and its gRPC stack stay in node_modules rather than in the server bundle.
  serverExternalPackages: ['firebase-admin'],
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

/** @param {string} phase */
export default function config(phase) {
  // Only `next dev` reads allowedDevOrigins; leaving it out elsewhere keeps this machine's addresses out of builds.
  return phase === PHASE_DEVELOPMENT_SERVER ? { ...nextConfig, allowedDevOrigins: listDevOrigins() } : nextConfig;
}
