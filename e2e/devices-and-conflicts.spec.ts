import { Timestamp } from 'firebase-admin/firestore';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { deviceRef, userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { createTestUser, expect, pinnedContext, signIn, test } from './fixtures';

test('devices: rename a phone, revoke it, and revoke this browser', async ({ page }) => {
  const user = await createTestUser();
  const t = Timestamp.now();
  await deviceRef(user, 'ios-e2e').set({
    name: 'Old iPhone',
    platform: 'ios',
    model: 'iPhone 12',
    appVersion: '3.0.4',
    createdAt: t,
    lastSeenAt: t,
    lastSyncAt: t,
    lastSyncStatus: 'error',
    pendingChanges: 3,
    revokedAt: null,
  });
  await signIn(page, user, '/devices');
  const phone = page.getByRole('article', { name: 'Old iPhone' });
  await expect(phone).toContainText('iPhone 12');
  await expect(phone).toContainText('Last sync failed');
  await phone.getByRole('button', { name: 'Rename Old iPhone' }).click();
  await page.getByLabel('Device name').fill('Drawer iPhone');
  await page.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('article', { name: 'Drawer iPhone' });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Revoke Drawer iPhone' }).click();
  await expect(page.getByRole('dialog')).toContainText('3 changes that never reached the cloud');
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke device' }).click();
  await expect(renamed).toContainText('Revoked');
  expect((await deviceRef(user, 'ios-e2e').get()).get('revokedAt')).not.toBeNull();

  const browser = page.getByRole('article').filter({ hasText: 'This browser' });
  await browser.getByRole('button', { name: /^Revoke / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke device' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=revoked/);
});

test('devices: a phone whose clock runs ahead is flagged, not shown as syncing in the future', async ({ page }) => {
  const user = await createTestUser();
  const ahead = Timestamp.fromMillis(Date.now() + 15 * 60_000);
  await deviceRef(user, 'android-skew').set({
    name: 'Fast Pixel',
    platform: 'android',
    model: 'Pixel 8',
    appVersion: '3.2.1',
    createdAt: Timestamp.now(),
    lastSeenAt: ahead,
    lastSyncAt: ahead,
    lastSyncStatus: 'ok',
    pendingChanges: 0,
    revokedAt: null,
  });
  await signIn(page, user, '/devices');
  const phone = page.getByRole('article', { name: 'Fast Pixel' });
  await expect(phone.getByRole('status')).toHaveText(
    /This phone's clock looks wrong: it is about 1[45] minutes ahead\./,
  );
  await expect(phone).not.toContainText(/\bin \d+ minutes\b/);
  await expect(page.getByRole('article').filter({ hasText: 'This browser' })).not.toContainText('clock looks wrong');
});

test('revoking a browser from another one ends that session on its next request', async ({ browser }) => {
  const user = await createTestUser();
  const first = await (await pinnedContext(browser)).newPage();
  const second = await (await pinnedContext(browser)).newPage();
  await signIn(first, user, '/devices');
  await signIn(second, user, '/journal');
  const secondCookies = await second.context().cookies();
  await first.reload();
  const other = first.getByRole('article').filter({ hasText: 'Web' }).filter({ hasNotText: 'This browser' });
  await other.getByRole('button', { name: /^Revoke / }).click();
  await first.getByRole('dialog').getByRole('button', { name: 'Revoke device' }).click();
  await expect(other).toContainText('Revoked');
  // The open tab notices at once (it listens to its own device doc) and signs out.
  await expect(second).toHaveURL(/\/signin\?reason=revoked/);
  // And the server refuses that session's cookie by itself, whatever the tab does.
  const replay = await pinnedContext(browser);
  await replay.addCookies(secondCookies);
  const replayed = await replay.newPage();
  await replayed.goto('/mood');
  await expect(replayed).toHaveURL(/\/signin\?next=%2Fmood&reason=revoked/);
  await first.goto('/mood');
  await expect(first).toHaveURL(/\/mood$/);
});

test('conflicts: both versions side by side, restore the one set aside', async ({ page }) => {
  const user = await createTestUser();
  let time = Date.now() - 60_000;
  const phone = (id: string) =>
    SyncClient.open({
      device: { id, platform: 'android', appVersion: '3.2.1', name: id },
      cloud: adminCloud(user),
      store: memoryStore(),
      now: () => time,
    });
  const a = await phone('android-a');
  const b = await phone('android-b');
  await a.edit(JOURNAL_ENTRIES, 'trip', {
    title: 'Trip notes',
    body: 'draft',
    tags: [],
    mood: null,
    createdAt: Timestamp.fromMillis(time),
  });
  await a.sync();
  await b.sync();
  time += 1000;
  await a.edit(JOURNAL_ENTRIES, 'trip', { body: 'Written on the train' });
  time += 1000;
  await b.edit(JOURNAL_ENTRIES, 'trip', { body: 'Written at home' });
  await b.sync();
  await a.sync();

  await signIn(page, user, '/conflicts');
  await expect(page.getByRole('link', { name: /Conflicts.*1 waiting/ })).toBeVisible();
  const card = page.getByRole('article', { name: /Conflict on Trip notes/ });
  await expect(card.getByRole('region', { name: 'In your journal now', exact: true })).toContainText('Written at home');
  await expect(card.getByRole('region', { name: 'Set aside', exact: true })).toContainText('Written on the train');
  // A long body scrolls inside its box, so the box must be reachable by keyboard (axe scrollable-region-focusable).
  const fullText = card.getByRole('region', { name: 'In your journal now, full text', exact: true });
  await expect(fullText).toHaveAttribute('tabindex', '0');
  await expect(fullText).toContainText('Written at home');
  await fullText.focus();
  await expect(fullText).toBeFocused();
  await card.getByRole('button', { name: 'Restore the other' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore it' }).click();
  await expect(page.getByRole('heading', { name: 'No conflicts' })).toBeVisible();
  expect((await userCollection(user, JOURNAL_ENTRIES).doc('trip').get()).get('body')).toBe('Written on the train');
});
