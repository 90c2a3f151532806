import { describe, expect, it } from 'vitest';
import { clientAddress } from './rate-limit';

const withForwarded = (value: string | null, realIp?: string) => {
  const headers = new Headers();
  if (value !== null) headers.set('x-forwarded-for', value);
  if (realIp) headers.set('x-real-ip', realIp);
  return new Request('http://localhost/', { headers });
};

describe('clientAddress', () => {
  it('takes the entry the trusted proxies added, not what the client claimed to its left', () => {
    expect(clientAddress(withForwarded('1.1.1.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(withForwarded('1.1.1.1, 203.0.113.9, 35.191.0.1'), 2)).toBe('203.0.113.9');
  });

  it('falls back to the leftmost entry, then one shared bucket', () => {
    expect(clientAddress(withForwarded('203.0.113.9'), 2)).toBe('203.0.113.9');
    expect(clientAddress(withForwarded(' , '), 1)).toBe('unknown');
  });

  it('never reads X-Real-IP, which the client writes', () => {
    expect(clientAddress(withForwarded(null, '198.51.100.4'), 1)).toBe('unknown');
    expect(clientAddress(withForwarded(null, '198.51.100.5'), 1)).toBe('unknown');
    expect(clientAddress(withForwarded('203.0.113.9', '198.51.100.4'), 1)).toBe('203.0.113.9');
  });
});
