import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_USER } from '@/lib/seed/demo-accounts';
import { LIGHTHOUSE_ENTRY } from '@/lib/seed/seed-demo';
import { createTestUser, expect, pinnedContext, signIn, test } from './fixtures';

/**
 * Every portal page, in light and dark mode: no serious or critical axe violations, no Content Security
 * Policy violation, and the portal hydrates (a client component responds). Admin and data pages have the same
 * checks in their own specs.
 */
const STATIC_PAGES = [
  '/journal',
  '/journal?q=walk',
  '/journal/new',
  '/mood',
  '/mood?range=all',
  '/mood/new',
  '/devices',
  '/conflicts',
  '/settings/sync',
  '/data',
  '/data/export',
  '/data/import',
  '/data/erase',
];

async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __csp: string[] }).__csp = [
        ...((window as unknown as { __csp?: string[] }).__csp ?? []),
        `${event.violatedDirective} ${event.blockedURI}`,
      ];
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}

/** Pages that need an id, found once signed in: the lighthouse entry, its editor and the newest check-in. */
const FOUND_PAGES = ['the lighthouse entry', 'its editor', 'the newest check-in'] as const;

for (const scheme of ['light', 'dark'] as const) {
  // One signed-in page walks every portal page, a test each, so a slow page names itself and has its own time.
  test.describe(`portal pages in ${scheme} mode`, () => {
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let csp: string[];
    const found: Record<(typeof FOUND_PAGES)[number], string> = {
      'the lighthouse entry': '',
      'its editor': '',
      'the newest check-in': '',
    };

    test.beforeAll(async ({ browser }) => {
      page = await (await pinnedContext(browser)).newPage();
      await page.emulateMedia({ colorScheme: scheme });
      csp = await watchCsp(page);
    });
    test.afterAll(async () => page.context().close());

    test('/signin passes axe, and the demo user signs in', async () => {
      await page.goto('/signin');
      expect(await seriousViolations(page)).toEqual([]);
      await signIn(page, DEMO_USER);
      await page.goto(`/journal?q=${encodeURIComponent('lighthouse')}`);
      found['the lighthouse entry'] = (await page
        .getByRole('link', { name: LIGHTHOUSE_ENTRY.title })
        .getAttribute('href'))!;
      found['its editor'] = `${found['the lighthouse entry']}/edit`;
      await page.goto('/mood');
      found['the newest check-in'] = (await page
        .getByRole('link', { name: /Edit the check-in/ })
        .first()
        .getAttribute('href'))!;
    });

    for (const path of [...STATIC_PAGES, ...FOUND_PAGES, '/no-such-page']) {
      test(`${path} passes axe`, async () => {
        await page.goto(path in found ? found[path as keyof typeof found] : path);
        // Not "networkidle": the live-update listeners keep a connection open on every portal page.
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('no page broke the Content Security Policy, and the portal hydrates', async () => {
      expect(csp).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
      // Hydrated: the sync client (a client component) reports its state.
      await page.goto('/journal');
      await expect(page.getByTestId('sync-status')).toHaveText(/Synced|Syncing/);
    });
  });
}

test('sign-in, journal search and opening an entry work from the keyboard alone', async ({ page }) => {
  await page.goto('/signin');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(DEMO_USER.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(DEMO_USER.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/journal$/);

  // The skip link leads past the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByLabel('Search', { exact: true }).focus();
  await page.keyboard.type('lighthouse');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/1 entry matches/)).toBeVisible();
  const result = page.getByRole('link', { name: LIGHTHOUSE_ENTRY.title });
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: LIGHTHOUSE_ENTRY.title })).toBeVisible();
});

test('export and erasure can be done from the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  const user = await createTestUser();
  await signIn(page, user, '/data/export');
  await tabTo(page, page.getByRole('button', { name: 'Prepare export' }));
  await page.keyboard.press('Enter');
  const download = page.getByRole('link', { name: /Download ZIP/ });
  await expect(download).toBeVisible({ timeout: 60_000 });
  await download.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toMatch(/\.zip$/);

  await page.goto('/data/erase');
  await tabTo(page, page.getByRole('button', { name: 'Continue without a copy' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Your password'));
  await page.keyboard.type(user.password);
  await tabTo(page, page.getByLabel(/Type .erase my data./));
  await page.keyboard.type('erase my data');
  await tabTo(page, page.getByRole('button', { name: 'Erase my account and data' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Erasure receipt' })).toBeVisible({ timeout: 60_000 });
});

/** Presses Tab until the locator has focus (at most 60 times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('The control cannot be reached with Tab');
}
