import { describe, expect, it } from 'vitest';
import { emulatorAddress } from './emulator-address';

describe('emulatorAddress', () => {
  it.each([
    ['a page on localhost keeps the configured loopback host', '127.0.0.1:9099', 'localhost', '127.0.0.1'],
    ['a page on 127.0.0.1 keeps it', '127.0.0.1:9099', '127.0.0.1', '127.0.0.1'],
    ['a page on [::1] keeps it', '127.0.0.1:9099', '[::1]', '127.0.0.1'],
    ["a page at the machine's LAN address uses that address", '127.0.0.1:9099', '192.0.2.2', '192.0.2.2'],
    ["a page at the machine's IPv6 address uses it, bracketed", '127.0.0.1:8080', '[2001:db8::2]', '[2001:db8::2]'],
    ['a page at a host name uses it', 'localhost:8080', 'devbox.local', 'devbox.local'],
    ['an emulator configured at a real address is left alone', '10.0.0.5:8080', '192.0.2.2', '10.0.0.5'],
    ['no page (the simulator in Node) keeps the configured host', '127.0.0.1:8080', '', '127.0.0.1'],
  ])('%s', (_name, configured, page, host) => {
    expect(emulatorAddress(configured, page)).toEqual({ host, port: Number(configured.split(':').at(-1)) });
  });
});
