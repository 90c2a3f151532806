import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { adminAuth } from '@/lib/firebase/admin';
import { userCollection } from '@/lib/firebase/refs';
import { unzipLimited } from '@/lib/import/unzip-limited';
import { addJournalEntry, createTestUser, expect, expectAccessible, signIn, test } from './fixtures';

test('export: pick a scope, watch it prepare, download the ZIP and find the entries in it', async ({ page }) => {
  const user = await createTestUser();
  await addJournalEntry(user, { title: 'Exported with ümlauts 🌿', body: 'Body text', tags: ['e2e'] });
  await signIn(page, user, '/data');
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What wellsync holds about you' })).toBeVisible();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await expect(page).toHaveURL(/\/data\/export$/);
  await expectAccessible(page);

  await page.getByRole('checkbox', { name: 'Sync history' }).uncheck();
  await page.getByRole('checkbox', { name: 'Devices' }).uncheck();
  await page.getByRole('button', { name: 'Prepare export' }).click();
  const link = page.getByRole('link', { name: /Download ZIP/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^wellsync-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = await unzipLimited(readFileSync(await download.path()), () => true);
  expect([...files.keys()].sort()).toEqual([
    'README.md',
    'conflicts.csv',
    'journal_entries.csv',
    'mood_entries.csv',
    'profile.csv',
    'settings.csv',
    'wellsync-export.json',
  ]);
  const json = JSON.parse(files.get('wellsync-export.json')!.toString('utf8'));
  expect(json.journal_entries[0].data.title).toBe('Exported with ümlauts 🌿');
  expect(files.get('journal_entries.csv')!.toString('utf8')).toContain('Exported with ümlauts 🌿');
  await expectAccessible(page);
});

test('import: upload a Daylio file, read the dry run, apply it', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user, '/data/import');
  await page.getByLabel('File').setInputFiles('tests/fixtures/imports/daylio_export.csv');
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  const card = page.getByRole('article', { name: 'Import of daylio_export.csv' });
  await expect(card.getByText('Dry run: nothing has been written yet.')).toBeVisible();
  await expect(card.getByRole('row', { name: /Mood check-ins/ })).toContainText('4');
  expect((await userCollection(user, 'mood_entries').get()).size).toBe(0);
  await expectAccessible(page);

  await card.getByRole('button', { name: 'Apply import' }).click();
  await expect(card.getByText('Import complete.')).toBeVisible({ timeout: 30_000 });
  expect((await userCollection(user, 'mood_entries').get()).size).toBe(4);

  // A file that is not an export is refused with a message, and nothing is written.
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('dear diary') });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not recognise this file' })).toBeVisible();
});

async function confirmErasure(page: Page, password: string) {
  await expect(page.getByRole('heading', { name: '2. What will be erased' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Every place wellsync holds your data/ })).toContainText('{you}');
  await page.getByLabel('Your password').fill(password);
  await page.getByLabel(/Type .erase my data./).fill('erase my data');
  await page.getByRole('button', { name: 'Erase my account and data' }).click();
  await expect(page.getByRole('heading', { name: 'Erasure receipt' })).toBeVisible({ timeout: 30_000 });
}

test('erase: password and phrase, then a receipt that can be downloaded', async ({ page, context }) => {
  const user = await createTestUser();
  await addJournalEntry(user, { title: 'To be erased', body: 'x' });
  await signIn(page, user, '/data/erase');
  await page.getByRole('button', { name: 'Continue without a copy' }).click();
  await expect(page.getByRole('button', { name: 'Erase my account and data' })).toBeDisabled();
  await page.getByLabel('Your password').fill('not-my-password');
  await page.getByLabel(/Type .erase my data./).fill('erase my data');
  await page.getByRole('button', { name: 'Erase my account and data' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That password is not right.' })).toBeVisible();
  await expectAccessible(page);

  await confirmErasure(page, user.password);
  await expect(page.getByRole('row', { name: /journal_entries/ })).toContainText('1');
  const [receipt] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download receipt' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await receipt.path(), 'utf8'));
  expect(saved.items.some((i: { path: string }) => i.path === `users/${user.uid}/journal_entries`)).toBe(true);
  await expectAccessible(page);

  await expect(adminAuth().getUser(user.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
  expect((await userCollection(user, 'journal_entries').get()).size).toBe(0);
  expect((await context.cookies()).some((c) => c.name.endsWith('wellsync_session'))).toBe(false);
  await page.goto('/journal');
  await expect(page).toHaveURL(/\/signin/);
});

test('export then erase, as one guided flow', async ({ page }) => {
  const user = await createTestUser();
  await addJournalEntry(user, { title: 'Keep a copy of me', body: 'before I go' });
  await signIn(page, user, '/data/erase');
  await page.getByRole('button', { name: 'Prepare a complete export' }).click();
  const link = page.getByRole('link', { name: /Download ZIP/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const files = await unzipLimited(readFileSync(await download.path()), () => true);
  expect(files.get('wellsync-export.json')!.toString('utf8')).toContain('Keep a copy of me');
  await expect(page.getByText('Copy downloaded.')).toBeVisible();
  await confirmErasure(page, user.password);
  // The export and its archive were erased with everything else.
  await expect(page.getByRole('row', { name: /export_jobs/ }).first()).toBeVisible();
});
