// Plain JavaScript: next.config.mjs imports it, and Node loads that file without a TypeScript step.
import { networkInterfaces } from 'node:os';

/**
 * The hostnames `next dev` should serve its dev resources (HMR socket, chunks) to: the loopback names and
 * every address of this machine, so the app also hydrates when opened at http://127.0.0.1:3000 or from a phone
 * on the LAN. Next compares only the hostname of the Origin (or Referer), as URL#hostname spells it: no scheme
 * or port, IPv6 in brackets.
 *
 * @param {NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>} [interfaces]
 * @returns {string[]}
 */
export function listDevOrigins(interfaces = readInterfaces()) {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  for (const addresses of Object.values(interfaces)) {
    for (const { address } of addresses ?? []) hosts.add(address.includes(':') ? `[${address}]` : address);
  }
  return [...hosts];
}

/** @returns {NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>} */
function readInterfaces() {
  // Some sandboxes refuse to list interfaces; the loopback names still make localhost and 127.0.0.1 work.
  try {
    return networkInterfaces();
  } catch {
    return {};
  }
}
