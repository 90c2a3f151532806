import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Timestamp } from 'firebase/firestore';
import { expect, it } from 'vitest';
import { emptyLocalState } from '../sync-client';
import { fileStore } from './file-store';

it('survives a restart: what was saved loads back, timestamps typed', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ws-store-')), 'device.json');
  const store = fileStore(file, (s, ns) => new Timestamp(s, ns));
  expect(await store.load()).toBeNull();
  const state = emptyLocalState();
  state.docs.journal_entries.e1 = {
    cloud: null,
    pending: [
      {
        rev: '1764000000000:0000:ios',
        baseRev: null,
        deviceId: 'ios',
        deletedAt: null,
        updatedAt: new Timestamp(1, 5000),
      },
    ],
  };
  await store.save(state);
  const reopened = fileStore(file, (s, ns) => new Timestamp(s, ns));
  expect(await reopened.load()).toEqual(state);
});

it('keeps the last of many concurrent saves', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ws-store-')), 'device.json');
  const store = fileStore(file, (s, ns) => new Timestamp(s, ns));
  const states = Array.from({ length: 20 }, (_, i) => ({
    ...emptyLocalState(),
    clock: `${String(i).padStart(13, '0')}:0000:ios`,
  }));
  await Promise.all(states.map((state) => store.save(state)));
  expect((await store.load())?.clock).toBe(states.at(-1)!.clock);
});
