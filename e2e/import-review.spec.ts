// Issue 16: the preview as a review step. A Daylio CSV with custom moods (levels changed, zone changed, previewed
// again, then applied), a file with odd rows, a Day One ZIP of two journals, and a .daylio backup: each shows
// what it will import, what it leaves out and why, and writes nothing until Apply.
import type { Page } from '@playwright/test';
import { userCollection } from '@/lib/firebase/refs';
import { createTestUser, expect, expectAccessible, signIn, test } from './fixtures';

const FIXTURES = 'tests/fixtures/imports';

async function upload(page: Page, file: string) {
  await page.getByLabel('File').setInputFiles(`${FIXTURES}/${file}`);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  const card = page.getByRole('article', { name: `Import of ${file}` });
  await expect(card.getByText('Dry run: nothing has been written yet.')).toBeVisible({ timeout: 30_000 });
  return card;
}

test('Daylio with custom moods: check the guessed levels, change one and the zone, preview again, apply', async ({
  page,
}) => {
  const user = await createTestUser({ timezone: 'Europe/Berlin' });
  await signIn(page, user, '/data/import');
  const card = await upload(page, 'daylio-7col-24h-custom-moods.csv');
  const review = card.getByRole('region', { name: 'Review before applying' });
  const levels = review.getByRole('table', { name: 'Mood levels' });
  await expect(levels.getByRole('row', { name: /blah/ })).toContainText('a guess: please check');
  await expect(levels.getByRole('row', { name: /ecstatic/ })).toContainText('guessed from the name');
  await expect(review.getByLabel('Level for blah')).toHaveValue('3');
  const zone = review.getByLabel('Time zone of this file’s times');
  await expect(zone).toHaveValue('Europe/Berlin');
  await expect(review.getByText(/Read as Europe\/Berlin \(your profile’s time zone\)/)).toBeVisible();
  await expectAccessible(page);

  // Until the change is previewed, Apply waits: what is applied is always what was shown.
  await review.getByLabel('Level for blah').selectOption('1');
  await zone.fill('UTC');
  await expect(card.getByRole('button', { name: 'Apply import' })).toBeDisabled();
  await review.getByRole('button', { name: 'Preview again with these choices' }).click();
  await expect(review.getByText(/Read as UTC \(chosen by you\)/)).toBeVisible();
  await expect(levels.getByRole('row', { name: /blah/ })).toContainText('chosen by you');
  await expect(card.getByRole('button', { name: 'Apply import' })).toBeEnabled();
  expect((await userCollection(user, 'mood_entries').get()).size).toBe(0);

  await card.getByRole('button', { name: 'Apply import' }).click();
  await expect(card.getByText('Import complete.')).toBeVisible({ timeout: 30_000 });
  const moods = (await userCollection(user, 'mood_entries').orderBy('recordedAt').get()).docs.map((d) => d.data());
  // Read in UTC, as chosen: 23:59 on 28 March stays 23:59, and "blah" is level 1.
  expect(moods.map((m) => [m.recordedAt.toDate().toISOString().slice(0, 16), m.score])).toEqual([
    ['2026-03-28T08:05', 4],
    ['2026-03-28T23:59', 1],
    ['2026-03-29T02:30', 2],
    ['2026-03-29T10:00', 5],
  ]);
});

test('Daylio with odd rows: the sound rows come in, each refused row is listed with its line and reason', async ({
  page,
}) => {
  const user = await createTestUser({ timezone: 'Europe/London' });
  await signIn(page, user, '/data/import');
  // At phone width the review still fits: the mood table scrolls on its own, nothing else overflows.
  await page.setViewportSize({ width: 375, height: 800 });
  const card = await upload(page, 'daylio-odd-rows.csv');
  await expect(card.getByRole('row', { name: /Mood check-ins/ })).toContainText('2');
  await card.getByText('4 rows or entries left out').click();
  const leftOut = card.getByRole('list', { name: 'Left out, with the reason' });
  await expect(leftOut.getByRole('listitem')).toHaveCount(4);
  await expect(leftOut).toContainText('Line 3: it has 7 cells where the first line names 8');
  await expect(leftOut).toContainText('Line 7: "2025-02-30" is not a date');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Apply import' }).click();
  await expect(card.getByText('Import complete.')).toBeVisible({ timeout: 30_000 });
  expect((await userCollection(user, 'mood_entries').get()).size).toBe(2);
});

test('Day One ZIP of two journals: what will not come across, entries left out, and the journals as tags', async ({
  page,
}) => {
  const user = await createTestUser({ timezone: 'Europe/Berlin' });
  await signIn(page, user, '/data/import');
  const card = await upload(page, 'dayone-two-journals.zip');
  await expect(card.getByRole('row', { name: /Journal entries/ })).toContainText('3');
  const notImported = card.getByRole('region', { name: 'Will not come across' });
  await expect(notImported).toContainText('Photos: 3');
  await expect(notImported).toContainText('PDF attachments: 1');
  await card.getByText('3 rows or entries left out').click();
  await expect(card.getByRole('list', { name: 'Left out, with the reason' })).toContainText(
    'Journal.json, entry 4: it has no text',
  );
  await expect(card.getByText(/2 entries were written in another time zone/)).toBeVisible();
  // Day One's times are exact: there is no zone to choose.
  await expect(card.getByLabel('Time zone of this file’s times')).toHaveCount(0);
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Apply import' }).click();
  await expect(card.getByText('Import complete.')).toBeVisible({ timeout: 30_000 });
  const tags = (await userCollection(user, 'journal_entries').orderBy('createdAt').get()).docs.map((d) =>
    d.get('tags'),
  );
  expect(tags).toEqual([
    ['garden', 'starred', 'Journal'],
    ['pinned', 'Journal'],
    ['japan', 'Travel Log'],
  ]);
});

test('a .daylio backup: levels come from the backup and are shown, not asked', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user, '/data/import');
  const card = await upload(page, 'backup_2024_07_04.daylio');
  const levels = card.getByRole('table', { name: 'Mood levels' });
  await expect(levels.getByRole('row', { name: /meh\+/ })).toContainText('from the backup');
  await expect(card.getByRole('combobox')).toHaveCount(0);
  await expect(card.getByRole('region', { name: 'Will not come across' })).toContainText('Photos and voice memos: 2');
  await card.getByRole('button', { name: 'Apply import' }).click();
  await expect(card.getByText('Import complete.')).toBeVisible({ timeout: 30_000 });
  expect((await userCollection(user, 'mood_entries').get()).size).toBe(3);
});
