const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
// A DNS name, an IPv4 address or a bracketed IPv6 one: the page's hostname comes from a Host header anyone can
// write, and it ends up in the CSP (proxy.ts), where `*`, `;` or `,` would change the policy.
const HOSTNAME = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i;

/** From a LAN page 127.0.0.1 is the phone itself, and Private Network Access refuses loopback. */
export function emulatorAddress(configured: string, pageHostname: string): { host: string; port: number } {
  const separator = configured.lastIndexOf(':');
  const host = configured.slice(0, separator);
  const port = Number(configured.slice(separator + 1));
  const reachable =
    LOOPBACK.has(host) && !LOOPBACK.has(pageHostname) && HOSTNAME.test(pageHostname) ? pageHostname : host;
  return { host: reachable, port };
}
