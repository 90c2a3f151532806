const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
// A DNS name, an IPv4 address or a bracketed IPv6 one: the page's hostname comes from a Host header anyone can
// write, and it ends up in the CSP (proxy.ts), where `*`, `;` or `,` would change the policy.
const HOSTNAME = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i;

/**
 * Where the browser should reach an emulator the server knows as `host:port`. The dev stack's emulators listen
 * on every address of the machine, as `next dev` does (README, "npm run dev"), but the server
 * names them by loopback. A page opened at the machine's network address (the "Network" line `next dev` prints,
 * or from a phone on the LAN) must use that address too: from there, 127.0.0.1 is the phone itself, and Chrome's
 * Private Network Access refuses a LAN page's requests to loopback.
 */
export function emulatorAddress(configured: string, pageHostname: string): { host: string; port: number } {
  const separator = configured.lastIndexOf(':');
  const host = configured.slice(0, separator);
  const port = Number(configured.slice(separator + 1));
  const reachable =
    LOOPBACK.has(host) && !LOOPBACK.has(pageHostname) && HOSTNAME.test(pageHostname) ? pageHostname : host;
  return { host: reachable, port };
}
