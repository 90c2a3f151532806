import { DEMO_USER, SECOND_USER } from '@/lib/seed/demo-accounts';
import { LIGHTHOUSE_ENTRY } from '@/lib/seed/seed-demo';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { userCollection } from '@/lib/firebase/refs';
import { addJournalEntry, createTestUser, expect, signIn, test } from './fixtures';

test('the journal lists entries newest first, pages by cursor, and searches', async ({ page }) => {
  await signIn(page, DEMO_USER);
  const cards = page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem');
  await expect(cards).toHaveCount(20);
  const times = await page
    .locator('article time')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
  expect([...times].sort().reverse()).toEqual(times);

  await page.getByRole('link', { name: 'Older entries →' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(() => page.locator('article time').first().getAttribute('datetime')).not.toBe(times[0]);
  const older = await page.locator('article time').first().getAttribute('datetime');
  expect(older! <= times.at(-1)!).toBe(true);

  await page.getByLabel('Search', { exact: true }).fill('lighthouse');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText(/1 entry matches/)).toBeVisible();
  await page.getByRole('link', { name: LIGHTHOUSE_ENTRY.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: LIGHTHOUSE_ENTRY.title })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'a thermos of tea' })).toBeVisible();
  await expect(page.locator('strong', { hasText: 'walked to the lighthouse' })).toBeVisible();
});

test('filters by tag', async ({ page }) => {
  await signIn(page, DEMO_USER, '/journal?tag=therapy');
  const tags = page.locator('article').first().getByRole('link', { name: '#therapy' });
  await expect(tags).toBeVisible();
  const count = await page.locator('article').count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++)
    await expect(page.locator('article').nth(i).getByRole('link', { name: '#therapy' })).toBeVisible();
});

test('another user\u2019s entry is not found', async ({ page }) => {
  const other = await userCollection(SECOND_USER, JOURNAL_ENTRIES).limit(1).get();
  const otherId = other.docs[0]!.id;
  await signIn(page, DEMO_USER);
  const response = await page.goto(`/journal/${otherId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn\u2019t find that page' })).toBeVisible();
});

test('a hostile entry renders as text: no script runs, no javascript: link, no remote image', async ({ page }) => {
  const user = await createTestUser();
  const id = await addJournalEntry(user, {
    title: '<img src=x onerror="window.__pwned=1">',
    body: [
      'Before <script>window.__pwned = 2</script> after',
      '<img src="x" onerror="window.__pwned=3">',
      '[click me](javascript:window.__pwned=4)',
      '![tracker](https://tracker.example/pixel.gif)',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n'),
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await signIn(page, user);
  await page.goto(`/journal/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror="window.__pwned=1">');
  const article = page.locator('article');
  await expect(article).toContainText('Before');
  expect(await article.locator('script, iframe, img').count()).toBe(0);
  const hrefs = await article.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.some((href) => href.toLowerCase().startsWith('javascript:'))).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(requests.some((url) => url.includes('tracker.example') || url.includes('evil.example'))).toBe(false);
});

test('tombstoned entries are hidden', async ({ page }) => {
  const user = await createTestUser();
  const live = await addJournalEntry(user, { title: 'Still here', body: 'kept' });
  const gone = await addJournalEntry(user, { title: 'Deleted on the phone', body: 'gone' });
  await userCollection(user, JOURNAL_ENTRIES).doc(gone).update({ deletedAt: new Date() });
  await signIn(page, user);
  await expect(page.getByRole('link', { name: 'Still here' })).toBeVisible();
  await expect(page.getByText('Deleted on the phone')).toHaveCount(0);
  expect((await page.goto(`/journal/${gone}`))?.status()).toBe(404);
  expect((await page.goto(`/journal/${live}`))?.status()).toBe(200);
});

test('an empty journal explains itself', async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user);
  await expect(page.getByRole('heading', { name: 'Your journal is empty' })).toBeVisible();
  await page.goto('/mood');
  await expect(page.getByRole('heading', { name: 'No check-ins yet' })).toBeVisible();
});
