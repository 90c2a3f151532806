// After `next build`: the standalone server serves public/ and the static assets itself when they sit beside it
// (Next's own guidance; a CDN may serve them instead).
import { cpSync, existsSync } from 'node:fs';

if (!existsSync('.next/standalone/server.js')) {
  console.error('No standalone build found: run `next build` first.');
  process.exit(1);
}
cpSync('public', '.next/standalone/public', { recursive: true });
cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
console.log('Standalone server ready: node .next/standalone/server.js');
