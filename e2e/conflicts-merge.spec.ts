// The Conflicts page after issue 14: the three-way view of an open conflict, "Merge both" with its preview, and
// undoing an automatic merge; checked with axe in light and dark mode, at phone width.
import AxeBuilder from '@axe-core/playwright';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { CONFLICTS, JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { createTestUser, expect, signIn, test, type TestUser } from './fixtures';

type Edit = Record<string, unknown>;

const BASE = { title: 'Beach day', body: 'We walked to the see.\nThe wind was cold.\n', tags: ['calm'], mood: 3 };

/** Two phones change one entry before either syncs; the second push merges both, through the protocol. */
async function autoMerge(user: TestUser, id: string, first: Edit, second: Edit) {
  let time = Date.now() - 60_000;
  const phone = (device: string) =>
    SyncClient.open({
      device: { id: device, platform: 'android', appVersion: '3.2.1', name: device },
      cloud: adminCloud(user),
      store: memoryStore(),
      now: () => time,
    });
  const [a, b] = [await phone(`android-a-${id}`), await phone(`android-b-${id}`)];
  await a.edit(JOURNAL_ENTRIES, id, { ...BASE, createdAt: Timestamp.fromMillis(time) });
  await a.sync();
  await b.sync();
  time += 1000;
  await a.edit(JOURNAL_ENTRIES, id, first);
  time += 1000;
  await b.edit(JOURNAL_ENTRIES, id, second);
  await a.sync();
  await b.sync();
}

/**
 * An open conflict that records its base and could merge, written in the contract's shape: the protocol merges
 * such a pair at push time, so it is left open only by a phone that kept the base but did not merge; the contract
 * lets any device or the web merge it later, which is what the page offers.
 */
async function openConflict(user: TestUser, id: string, winner: Edit, loser: Edit) {
  const now = Date.now();
  const at = (ms: number) => Timestamp.fromMillis(now - 60_000 + ms);
  const version = (ms: number, device: string, edit: Edit, baseRev: string | null) => ({
    ...BASE,
    ...edit,
    createdAt: at(0),
    updatedAt: at(ms),
    deletedAt: null,
    rev: `${now - 60_000 + ms}:0000:${device}`,
    baseRev,
    deviceId: device,
  });
  const base = version(0, 'android-a', {}, null);
  const lost = version(1000, 'android-a', loser, base.rev);
  await userCollection(user, JOURNAL_ENTRIES)
    .doc(id)
    .set({ ...version(2000, 'ios-b', winner, base.rev), syncedAt: FieldValue.serverTimestamp() });
  await userCollection(user, CONFLICTS)
    .doc(`c-${id}`)
    .set({
      collection: JOURNAL_ENTRIES,
      docId: id,
      rev: lost.rev,
      deviceId: lost.deviceId,
      data: lost,
      base,
      detectedAt: at(2000),
      resolvedAt: null,
    });
}

const fixTypo = { body: 'We walked to the sea.\nThe wind was cold.\n' };
const append = { body: 'We walked to the see.\nThe wind was cold.\nSlept well after.\n', tags: ['calm', 'sea'] };

test('conflicts: what each side changed, highlighted, and "Merge both" from a preview', async ({ page }) => {
  const user = await createTestUser();
  // The typo fix lost (the smaller rev) and waits, with the base, for the user.
  await openConflict(user, 'beach', append, fixTypo);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user, '/conflicts');
  await expect(page.getByRole('link', { name: /Conflicts.*1 waiting/ })).toBeVisible();
  const card = page.getByRole('article', { name: /Conflict on Beach day/ });
  const mine = card.getByRole('region', { name: 'Changed in your journal now', exact: true });
  const aside = card.getByRole('region', { name: 'Changed in the set-aside version', exact: true });
  // Changes are <ins>/<del> with a text marker, not colour alone.
  await expect(mine.locator('ins')).toContainText(['Slept well after.', 'sea']);
  await expect(mine.locator('ins').first()).toContainText('added:');
  await expect(aside.locator('del')).toContainText('We walked to the see.');
  await expect(aside.locator('ins')).toContainText('We walked to the sea.');
  // Nothing on the page is wider than a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await card.getByRole('button', { name: 'Merge both' }).click();
  const preview = card.getByRole('region', { name: 'Both merged (preview)', exact: true });
  await expect(preview).toContainText('We walked to the sea.');
  await expect(preview).toContainText('Slept well after.');
  await card.getByRole('button', { name: 'Save the merge' }).click();
  await expect(page.getByRole('heading', { name: 'No conflicts' })).toBeVisible();
  const saved = (await userCollection(user, JOURNAL_ENTRIES).doc('beach').get()).data()!;
  expect(saved).toMatchObject({
    body: 'We walked to the sea.\nThe wind was cold.\nSlept well after.\n',
    tags: ['calm', 'sea'],
  });
});

test('conflicts: an automatic merge is listed apart, not counted as waiting, and can be undone', async ({ page }) => {
  const user = await createTestUser();
  await autoMerge(user, 'merged', fixTypo, append);
  await signIn(page, user, '/conflicts');
  await expect(page.getByRole('link', { name: /Conflicts.*waiting/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No conflicts' })).toBeVisible();
  const merge = page
    .getByRole('list', { name: 'Merged automatically' })
    .getByRole('article', { name: /Merged automatically: Beach day/ });
  await expect(merge.getByRole('region', { name: 'In your journal now', exact: true })).toContainText(
    'Slept well after.',
  );

  await merge.getByRole('button', { name: 'Undo' }).click();
  const other = merge.getByRole('region', { name: 'Keep only the other changes', exact: true });
  await expect(other).toContainText('Slept well after.');
  await expect(other).toContainText('We walked to the see.');
  await merge.getByRole('button', { name: 'Keep the other changes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep them' }).click();
  await expect(page.getByRole('list', { name: 'Merged automatically' })).toHaveCount(0);
  // The set-aside typo fix is taken back out; the other phone's closing line and tag stay.
  const undone = (await userCollection(user, JOURNAL_ENTRIES).doc('merged').get()).data()!;
  expect(undone).toMatchObject({ body: append.body, tags: ['calm', 'sea'] });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`conflicts with a three-way view and an automatic merge pass axe in ${colorScheme} mode`, async ({ page }) => {
    const user = await createTestUser();
    await openConflict(user, 'open', append, fixTypo);
    await autoMerge(user, 'auto', fixTypo, append);
    await page.emulateMedia({ colorScheme });
    await signIn(page, user, '/conflicts');
    await page
      .getByRole('article', { name: /Merged automatically/ })
      .getByRole('button', { name: 'Undo' })
      .click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });
}
