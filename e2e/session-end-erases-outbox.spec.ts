import { Timestamp } from 'firebase-admin/firestore';
import type { Page } from '@playwright/test';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { createTestUser, expect, pinnedContext, signIn, test } from './fixtures';

/**
 * Issue 13: the browser's IndexedDB outbox must not outlive its session, however the session ends, and the
 * user is told how many unsynced changes went with it (docs/sync.md, "When a session ends").
 */

/** Every IndexedDB database of the page's origin, dumped whole: the wellsync names and all their values as text. */
async function readIndexedDb(page: Page): Promise<{ names: string[]; text: string }> {
  return page.evaluate(async () => {
    const settle = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const names = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
    const dumps: unknown[] = [];
    for (const name of names) {
      const db = await settle(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const objects = db.transaction(store).objectStore(store);
        dumps.push(await settle(objects.getAllKeys()), await settle(objects.getAll()));
      }
      db.close();
    }
    return { names: names.filter((n) => n.startsWith('wellsync-')), text: JSON.stringify(dumps) };
  });
}

async function writeEntry(page: Page, title: string, body: string) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Entry').fill(body);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Saved on this device')).toBeVisible();
}

const discardedOne = (page: Page) =>
  page.getByRole('status').filter({ hasText: '1 unsynced change was discarded from this browser' });

test('revoked from another browser: the offline edit is erased on reconnect, and the user is told', async ({
  browser,
}) => {
  const user = await createTestUser();
  const context = await pinnedContext(browser);
  const page = await context.newPage();
  await signIn(page, user, '/journal/new');
  await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
  await context.setOffline(true);
  await writeEntry(page, 'Offline secret', 'Words nobody else should read');
  await expect(page.getByTestId('sync-status')).toHaveText(/Offline · 1 change waiting/);
  // The probe itself works: the outbox holds the text before the session ends.
  expect((await readIndexedDb(page)).text).toContain('Words nobody else should read');

  const other = await (await pinnedContext(browser)).newPage();
  await signIn(other, user, '/devices');
  const revoked = other.getByRole('article').filter({ hasText: 'Web' }).filter({ hasNotText: 'This browser' });
  await revoked.getByRole('button', { name: /^Revoke / }).click();
  await other.getByRole('dialog').getByRole('button', { name: 'Revoke device' }).click();
  await expect(revoked).toContainText('Revoked');

  await context.setOffline(false);
  await expect(page).toHaveURL(/\/signin\?reason=revoked/, { timeout: 20_000 });
  await expect(discardedOne(page)).toBeVisible();
  const left = await readIndexedDb(page);
  expect(left.names).toEqual([]);
  expect(left.text).not.toContain('Words nobody else should read');
  expect(left.text).not.toContain('Offline secret');
  // Revoked devices cannot write: the edit never reached the cloud either, which is why the user is told.
  expect((await userCollection(user, JOURNAL_ENTRIES).get()).size).toBe(0);
});

test('a cookie that expired while no tab was open: the next visit lands on sign-in, which erases and tells', async ({
  browser,
}) => {
  const user = await createTestUser();
  const context = await pinnedContext(browser);
  const page = await context.newPage();
  await signIn(page, user, '/journal/new');
  await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
  await context.setOffline(true);
  await writeEntry(page, 'Left behind', 'Written just before closing the laptop');
  await page.close();
  // The browser drops an expired cookie by itself; clearing it is the same from the server's side.
  await context.clearCookies();
  await context.setOffline(false);

  const next = await context.newPage();
  await next.goto('/journal');
  await expect(next).toHaveURL(/\/signin\?next=%2Fjournal/);
  await expect(discardedOne(next)).toBeVisible();
  const left = await readIndexedDb(next);
  expect(left.names).toEqual([]);
  expect(left.text).not.toContain('Written just before closing the laptop');

  // Told once: a reload of the sign-in page has nothing left to erase or report.
  await next.reload();
  await expect(next.getByRole('heading', { name: 'Sign in to your journal' })).toBeVisible();
  await expect(discardedOne(next)).toHaveCount(0);
});

test('an open tab whose session ended: the first 401 erases the outbox and says what was discarded', async ({
  page,
  context,
}) => {
  const user = await createTestUser();
  // Journal sync switched off: the edit waits in the outbox while online, as it would behind a failing network.
  await syncSettingsRef(user).set({
    enabled: true,
    collections: { journal: false, mood: true, profile: true },
    updatedAt: Timestamp.now(),
    updatedBy: 'e2e-phone',
  });
  await signIn(page, user, '/journal/new');
  await writeEntry(page, 'Waiting to sync', 'Still only on this device');
  await expect(page.getByTestId('sync-status')).toHaveText(/1 change waiting/);

  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page).toHaveURL(/\/devices$/);
  await context.clearCookies();
  const current = page.getByRole('article').filter({ hasText: 'This browser' });
  await current.getByRole('button', { name: /^Rename / }).click();
  await page.getByLabel('Device name').fill('Kitchen laptop');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/signin\?reason=expired/);
  await expect(page.getByText('Your session expired.')).toBeVisible();
  await expect(discardedOne(page)).toBeVisible();
  const left = await readIndexedDb(page);
  expect(left.names).toEqual([]);
  expect(left.text).not.toContain('Still only on this device');
});

test('signing out with nothing unsynced erases the outbox without a warning', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user, '/journal/new');
  await page.getByLabel('Title').fill('Synced first');
  await page.getByLabel('Entry').fill('This one reaches the cloud');
  await page.getByRole('button', { name: 'Save entry' }).click();
  // The entry page opens once the cloud has the entry: nothing is left unsynced.
  await expect(page.getByRole('heading', { level: 1, name: 'Synced first' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText(/unsynced change/)).toHaveCount(0);
  const left = await readIndexedDb(page);
  expect(left.names).toEqual([]);
  expect(left.text).not.toContain('This one reaches the cloud');
});
