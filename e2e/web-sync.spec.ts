import { JOURNAL_ENTRIES, MOOD_ENTRIES } from '@/lib/contract/paths';
import { userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { Timestamp } from 'firebase-admin/firestore';
import type { Page } from '@playwright/test';
import { createTestUser, expect, signIn, test } from './fixtures';

test('the portal writes journal entries through the sync protocol: create, edit, delete', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user);
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel('Title').fill('Written in the browser');
  await page.getByLabel('Entry').fill('Some **bold** words.');
  await page.getByLabel('Tags').fill('web, test');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Written in the browser' })).toBeVisible();
  const [doc] = (await userCollection(user, JOURNAL_ENTRIES).get()).docs;
  expect(doc!.data()).toMatchObject({
    title: 'Written in the browser',
    tags: ['web', 'test'],
    baseRev: null,
    deletedAt: null,
  });
  expect(doc!.get('deviceId')).toMatch(/^web-/);

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill('Edited in the browser');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edited in the browser' })).toBeVisible();
  const edited = (await userCollection(user, JOURNAL_ENTRIES).doc(doc!.id).get()).data()!;
  expect(edited.baseRev).toBe(doc!.get('rev'));

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete entry' }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect
    .poll(async () => (await userCollection(user, JOURNAL_ENTRIES).doc(doc!.id).get()).get('deletedAt'))
    .not.toBeNull();
});

test('an edit made offline is kept and synced on reconnect', async ({ page, context }) => {
  const user = await createTestUser();
  await signIn(page, user, '/journal/new');
  await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
  await context.setOffline(true);
  await page.getByLabel('Title').fill('Written on a train');
  await page.getByLabel('Entry').fill('No signal here.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved on this device')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText(/Offline · 1 change waiting/);
  expect((await userCollection(user, JOURNAL_ENTRIES).get()).size).toBe(0);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Written on a train' })).toBeVisible({ timeout: 20_000 });
  const docs = (await userCollection(user, JOURNAL_ENTRIES).get()).docs.map((d) => d.data());
  expect(docs).toEqual([expect.objectContaining({ title: 'Written on a train', body: 'No signal here.' })]);
});

test('a check-in can be added, edited and deleted', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user, '/mood');
  await page.getByRole('link', { name: 'Add check-in' }).first().click();
  await page.getByLabel('4 · Good').check();
  await page.getByRole('button', { name: 'calm' }).click();
  await page.getByRole('button', { name: 'exercise' }).click();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page).toHaveURL(/\/mood$/);
  await expect(page.getByRole('heading', { name: 'Recent check-ins' })).toBeVisible();
  const [doc] = (await userCollection(user, MOOD_ENTRIES).get()).docs;
  expect(doc!.data()).toMatchObject({ score: 4, emotions: ['calm'], activities: ['exercise'] });

  await page.getByRole('link', { name: /Edit the check-in/ }).click();
  await page.getByLabel('2 · Low').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/mood$/);
  await expect.poll(async () => (await userCollection(user, MOOD_ENTRIES).doc(doc!.id).get()).get('score')).toBe(2);

  await page.getByRole('link', { name: /Edit the check-in/ }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete check-in' }).click();
  await expect(page.getByRole('heading', { name: 'No check-ins yet' })).toBeVisible();
});

/** Counts the page's opens of this user's outbox database: each is one SyncClient started on it. */
async function countOutboxOpens(page: Page, uid: string): Promise<() => Promise<number>> {
  await page.addInitScript((prefix) => {
    const counted = window as unknown as { outboxOpens: number };
    counted.outboxOpens = 0;
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      if (name.startsWith(prefix)) counted.outboxOpens += 1;
      return open(name, version);
    };
  }, `wellsync-${uid}-`);
  return () => page.evaluate(() => (window as unknown as { outboxOpens: number }).outboxOpens);
}

test('a phone\u2019s push appears on the open page without a reload', async ({ page }) => {
  const user = await createTestUser();
  const outboxOpens = await countOutboxOpens(page, user.uid);
  await signIn(page, user);
  await expect(page.getByRole('heading', { name: 'Your journal is empty' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
  // A reload would wipe this marker.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));

  // A simulated phone writes and syncs with the real protocol.
  const phone = await SyncClient.open({
    device: { id: 'ios-live', platform: 'ios', appVersion: '3.2.1', name: 'iPhone' },
    cloud: adminCloud(user),
    store: memoryStore(),
  });
  await phone.edit(JOURNAL_ENTRIES, 'from-the-phone', {
    title: 'Pushed from the phone',
    body: 'Hello from iOS',
    tags: [],
    mood: null,
    createdAt: Timestamp.now(),
  });
  expect((await phone.sync()).status).toBe('ok');

  await expect(page.getByRole('link', { name: 'Pushed from the phone' })).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');

  // The refresh that showed it, and the web's own save and its refresh, keep the one client the page started with:
  // a second one on the same outbox could push an edit the first is still pushing.
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.getByLabel('Title').fill('Written beside the phone');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Written beside the phone' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
  expect(await outboxOpens()).toBe(1);
});
