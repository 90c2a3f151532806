const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

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
  const reachable = LOOPBACK.has(host) && !LOOPBACK.has(pageHostname) && pageHostname !== '' ? pageHostname : host;
  return { host: reachable, port };
}
