import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import { describe, expect, it } from 'vitest';
import { listDevOrigins } from './dev-origins.mjs';

const nic = (address: string, family: 'IPv4' | 'IPv6'): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', internal: false, cidr: null }
    : {
        address,
        family,
        netmask: 'ffff:ffff:ffff:ffff::',
        mac: '00:00:00:00:00:00',
        internal: false,
        cidr: null,
        scopeid: 0,
      };

describe('listDevOrigins', () => {
  it('lists the loopback names and every interface address, as URL#hostname spells them', () => {
    const origins = listDevOrigins({
      lo: [nic('127.0.0.1', 'IPv4'), nic('::1', 'IPv6')],
      eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1c2a:3bff:fe4d:5e6f', 'IPv6')],
      wlan0: undefined,
    });
    expect(origins.sort()).toEqual(['127.0.0.1', '192.168.1.20', '[::1]', '[fe80::1c2a:3bff:fe4d:5e6f]', 'localhost']);
    // That spelling is what Next compares against.
    expect(new URL('http://[fe80::1c2a:3bff:fe4d:5e6f]:3000/').hostname).toBe('[fe80::1c2a:3bff:fe4d:5e6f]');
  });

  it("includes this machine's own addresses by default", () => {
    const origins = listDevOrigins();
    expect(origins).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']));
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? [])
        expect(origins).toContain(address.includes(':') ? `[${address}]` : address);
    }
  });
});

describe('next.config.mjs', () => {
  // A computed path, so TypeScript does not look for the plain-JS config's types.
  const load = async () =>
    (
      (await import(new URL('../../next.config.mjs', import.meta.url).href)) as {
        default: (phase: string) => NextConfig;
      }
    ).default;

  it('allows the loopback and machine origins in `next dev`', async () => {
    const config = (await load())(PHASE_DEVELOPMENT_SERVER);
    expect(config.allowedDevOrigins).toEqual(listDevOrigins());
    expect(config.output).toBe('standalone');
  });

  it.each([PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER])('leaves them out in %s', async (phase) => {
    const config = (await load())(phase);
    expect(config.allowedDevOrigins).toBeUndefined();
    expect(config.output).toBe('standalone');
    expect(await config.headers!()).toHaveLength(1);
  });
});
