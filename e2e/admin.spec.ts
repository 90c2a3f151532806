import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { Timestamp } from 'firebase-admin/firestore';
import { readFile } from 'node:fs/promises';
import { DEMO_ADMIN, DEMO_USER } from '@/lib/seed/demo-accounts';
import { deviceRef, syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { runRollup } from '@/lib/metrics/run-rollup';
import { addJournalEntry, createTestUser, expect, pinnedContext, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';

const PAGES = ['/admin', '/admin/adoption', '/admin/cost', '/admin/reliability', '/admin/audit'];

async function expectChartsDrawn(page: Page, region: string) {
  const chart = page.getByRole('region', { name: region });
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  const marks = chart.locator('path.recharts-curve, .recharts-bar-rectangle path');
  await expect.poll(() => marks.count(), { message: `${region} has lines or bars` }).toBeGreaterThan(0);
  const d = await marks.first().getAttribute('d');
  expect(d?.length ?? 0, `${region} draws a shape`).toBeGreaterThan(10);
}

test('the demo admin sees the three reports with charts drawn from the seeded fleet', async ({ page }) => {
  await signIn(page, DEMO_ADMIN, '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Sync health at a glance' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Adoption' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adoption' })).toBeVisible();
  for (const region of [
    'Users with cloud sync on',
    'Cloud sync by platform',
    'Selective sync uptake',
    'Devices that synced each day',
  ])
    await expectChartsDrawn(page, region);

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Cost' }).click();
  for (const region of [
    'Distribution of monthly cost per user',
    'Cost per user by month',
    'Fleet operations cost per day',
  ])
    await expectChartsDrawn(page, region);
  await expect(
    page
      .getByRole('region', { name: /^Top users by cost(?!.*, table$)/ })
      .getByRole('rowheader')
      .first(),
  ).toHaveText(/^p[0-9a-f]{16}$/);

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Reliability' }).click();
  for (const region of [
    'Daily sync success rate',
    'Daily sync latency',
    'Latency histogram',
    'Failure rate by release',
  ])
    await expectChartsDrawn(page, region);
  // The seeded fleet's bad release stands out.
  const releases = page.getByRole('region', { name: 'By release (platform and app version)', exact: true });
  await expect(releases.getByRole('row').nth(1)).toContainText('android 3.1.0');
  await expect(releases.getByRole('row').nth(1)).toContainText('stands out');
});

test('the date range can be changed with a preset or from and to dates', async ({ page }) => {
  await signIn(page, DEMO_ADMIN, '/admin/reliability');
  await page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: '90 days' }).click();
  await expect(page).toHaveURL(/range=90d/);
  await expect(
    page.getByRole('navigation', { name: 'Date range' }).getByRole('link', { name: '90 days' }),
  ).toHaveAttribute('aria-current', 'page');
  const to = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 15 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From (UTC)').fill(from);
  await page.getByLabel('To (UTC)').fill(to);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(
    page.getByText(`Success against the 99.9% SLO, latency against 5 s, and conflicts, ${from} to ${to}.`),
  ).toBeVisible();
  await expectChartsDrawn(page, 'Daily sync success rate');
  // A reversed range is explained, and the default shown instead.
  await page.goto(`/admin/reliability?from=${to}&to=${from}`);
  await expect(page.getByText(/The start date is after the end date\. Showing the last 30 days\./)).toBeVisible();
});

test('every table downloads as CSV', async ({ page }) => {
  await signIn(page, DEMO_ADMIN, '/admin/cost');
  const table = page.getByRole('region', { name: /^Top users by cost(?!.*, table$)/ });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    table.getByRole('link', { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^wellsync-cost-top-users-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Pseudonymous id,Reads,Writes,Deletes,Storage (bytes),Monthly cost (USD)');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[1]).toMatch(/^p[0-9a-f]{16},\d+,\d+,\d+,\d+,[\d.e-]+$/);
  const links = await page.getByRole('link', { name: /Download CSV/ }).count();
  expect(links).toBe(await page.getByRole('table').count());
});

test('a non-admin gets the not-found page at /admin, and a visitor the sign-in page', async ({ page }) => {
  await page.goto('/admin/cost');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Fcost/);
  await signIn(page, DEMO_USER);
  for (const path of ['/admin', '/admin/reliability']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We couldn\u2019t find that page' })).toBeVisible();
  }
});

// A test per page on one signed-in page, as in accessibility.spec.ts: a slow page names itself, and no test walks
// every admin page against one timeout.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`admin pages in ${colorScheme} mode`, () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await (await pinnedContext(browser)).newPage();
      await page.emulateMedia({ colorScheme });
      await signIn(page, DEMO_ADMIN, '/admin');
    });
    test.afterAll(async () => page.context().close());

    for (const path of PAGES) {
      test(`${path} passes axe`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForTimeout(300); // charts draw after hydration
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
      });
    }
  });
}

test.describe('no admin page shows journal or mood content (canary)', () => {
  test.describe.configure({ mode: 'serial' });
  const canary = `CANARY-${randomUUID()}`;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    const user = await createTestUser({ displayName: `${canary} name` });
    await addJournalEntry(user, { title: canary, body: `secret ${canary}`, tags: [canary] });
    const now = Date.now();
    await userCollection(user, 'mood_entries')
      .doc('m1')
      .set({
        score: 1,
        emotions: [canary],
        activities: [],
        note: canary,
        recordedAt: Timestamp.now(),
        updatedAt: Timestamp.now(),
        deletedAt: null,
        rev: `${now}:0000:ios-c`,
        baseRev: null,
        deviceId: 'ios-c',
        syncedAt: Timestamp.now(),
      });
    await deviceRef(user, 'ios-c').set({
      name: canary,
      platform: 'ios',
      model: canary,
      appVersion: '3.2.1',
      createdAt: Timestamp.now(),
      lastSeenAt: Timestamp.now(),
      lastSyncAt: Timestamp.now(),
      lastSyncStatus: 'ok',
      pendingChanges: 0,
      revokedAt: null,
    });
    await syncSettingsRef(user).set({
      enabled: true,
      collections: { journal: true, mood: true, profile: true },
      updatedAt: Timestamp.now(),
      updatedBy: 'ios-c',
    });
    await userCollection(user, 'sync_events')
      .doc(randomUUID())
      .set({
        deviceId: 'ios-c',
        platform: 'ios',
        appVersion: '3.2.1',
        startedAt: Timestamp.fromMillis(now - 60_000),
        durationMs: 420,
        status: 'ok',
        errorCode: null,
        pushed: 3,
        pulled: 0,
        conflicts: 0,
        reads: 5,
        writes: 5,
        deletes: 0,
        bytesUp: 4000,
        bytesDown: 100,
      });
    await runRollup({ forceSnapshot: true });

    page = await (await pinnedContext(browser)).newPage();
    await signIn(page, DEMO_ADMIN, '/admin');
  });
  test.afterAll(async () => page.context().close());

  for (const path of [...PAGES, '/admin/adoption?range=7d', '/admin/cost?range=7d', '/admin/reliability?range=7d']) {
    test(`${path} holds no canary`, async () => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.content(), path).not.toContain(canary);
    });
  }
});
