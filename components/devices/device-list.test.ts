import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import type { DeviceSummary } from '@/lib/devices/list-devices';
import { DeviceList } from './device-list';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, replace: () => undefined }) }));

const now = Date.UTC(2026, 11, 3, 12);
const phone = (aheadMs: number): DeviceSummary => ({
  id: 'ios-1',
  name: 'My iPhone',
  platform: 'ios',
  model: 'iPhone 15',
  appVersion: '3.2.1',
  createdAtMs: now - 86_400_000,
  lastSeenAtMs: now + aheadMs,
  lastSyncAtMs: now + aheadMs,
  lastSyncStatus: 'ok',
  pendingChanges: 0,
  revokedAtMs: null,
});
const render = (aheadMs: number) =>
  renderToStaticMarkup(createElement(DeviceList, { devices: [phone(aheadMs)], currentDeviceId: 'web-1', now }));

it('warns about a phone whose times are more than 10 minutes ahead of the server', () => {
  const html = render(15 * 60_000);
  expect(html).toContain('This phone&#x27;s clock looks wrong: it is about 15 minutes ahead.');
  expect(html).not.toMatch(/\bin 15 minutes\b/);
  expect(html).toContain('just now');
});

it('says nothing at 10 minutes ahead or less', () => {
  expect(render(10 * 60_000)).not.toContain('clock looks wrong');
  expect(render(-5 * 60_000)).not.toContain('clock looks wrong');
});
