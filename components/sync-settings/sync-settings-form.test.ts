import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { CloudStats, SyncChoice } from '@/lib/sync-settings/preview-sync-change';
import { SyncSettingsForm } from './sync-settings-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, replace: () => undefined }) }));

const stats: CloudStats = {
  journal: { docs: 5, bytes: 4096 },
  mood: { docs: 2, bytes: 1024 },
  profile: { docs: 1, bytes: 512 },
  operations: { reads: 100, writes: 10, deletes: 0, days: 30 },
};
const prices = {
  readsPer100k: 0.06,
  writesPer100k: 0.18,
  deletesPer100k: 0.02,
  storageGibMonth: 0.18,
  freeTier: false,
};
const render = (saved: SyncChoice) => renderToStaticMarkup(createElement(SyncSettingsForm, { saved, stats, prices }));
const all = (on: boolean) => ({ journal: on, mood: on, profile: on });

describe('SyncSettingsForm', () => {
  it('does not say nothing is sent while cloud sync is on and types are ticked', () => {
    const html = render({ enabled: true, collections: all(true) });
    expect(html).not.toContain('nothing is sent or received');
    expect(html).toContain('On: your phones send and receive the types ticked below.');
    expect(html.match(/Syncs: your phones send and receive it\./g)).toHaveLength(3);
  });

  it('says so when cloud sync is off', () => {
    const html = render({ enabled: false, collections: { journal: true, mood: false, profile: true } });
    expect(html).toContain('Off: your phones keep everything on the device and nothing is sent or received.');
    expect(html.match(/Paused: cloud sync is off/g)).toHaveLength(2);
  });

  it('describes each switch by its status line and its cloud figures', () => {
    const html = render({ enabled: true, collections: all(true) });
    expect(html).toContain('aria-describedby="sync-journal-status sync-journal-hint"');
    expect(html).toMatch(/id="sync-journal-hint"[^>]*>5 entries in the cloud/);
  });
});
