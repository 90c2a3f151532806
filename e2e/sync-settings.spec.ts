import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { userCollection } from '@/lib/firebase/refs';
import { addJournalEntry, createTestUser, expect, signIn, test } from './fixtures';

test('sync settings: preview a change, save it, then remove the cloud copy with progress', async ({ page }) => {
  const user = await createTestUser();
  for (let i = 0; i < 5; i++) await addJournalEntry(user, { title: `Entry ${i}`, body: 'Some words' });
  await signIn(page, user, '/settings/sync');
  const journal = page.getByRole('switch', { name: 'Journal' });
  await expect(journal).toBeChecked();
  await expect(page.getByText(/^5 entries in the cloud/)).toBeVisible();

  await journal.uncheck();
  await expect(page.getByText(/after this change/)).toBeVisible();
  await page.getByRole('button', { name: 'Review change' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('your phones stop syncing it. The 5 stored in the cloud');
  await expect(dialog).toContainText(/Estimated monthly cost: \$[\d.]+ → \$[\d.]+/);
  await dialog.getByRole('button', { name: 'Save change' }).click();

  const removal = page.getByRole('region', { name: 'Journal: remove the cloud copy' });
  await expect(removal).toContainText('5 documents');
  await removal.getByRole('button', { name: 'Remove cloud copy' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('5 documents were removed from the cloud.')).toBeVisible();
  expect((await userCollection(user, JOURNAL_ENTRIES).get()).size).toBe(0);
  expect((await userCollection(user, 'settings').doc('sync').get()).get('collections.journal')).toBe(false);
});
