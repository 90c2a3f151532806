import { DEMO_USER } from '@/lib/seed/demo-accounts';
import { createTestUser, expect, signIn, test } from './fixtures';

test('a signed-out visit to the portal redirects to sign-in, and back after signing in', async ({ page }) => {
  await page.goto('/mood');
  await expect(page).toHaveURL(/\/signin\?next=%2Fmood/);
  await expect(page.getByRole('heading', { name: 'Sign in to your journal' })).toBeVisible();
  // The emulator build lists the demo logins.
  await expect(page.getByText(DEMO_USER.email)).toBeVisible();
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/mood$/);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'don\u2019t match' })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test('an unreachable sign-in service is not called "offline", and going offline is', async ({ page, context }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password').fill(DEMO_USER.password);
  // The Auth service refuses the connection (a firewall, a blocking extension) while the browser is online.
  await page.route(/identitytoolkit\.googleapis\.com/, (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const unreachable = page.getByRole('alert').filter({ hasText: 'could not reach the sign-in service' });
  await expect(unreachable).toBeVisible();
  await expect(unreachable).not.toContainText('offline');

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You appear to be offline' })).toBeVisible();
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/signin/);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, DEMO_USER);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('wellsync_session'));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  expect(await page.evaluate(() => document.cookie)).not.toContain('wellsync_session');
});

test('signing out clears the cookie and ends this browser\u2019s session only', async ({ page, context, browser }) => {
  const user = await createTestUser();
  const otherBrowser = await (await browser.newContext()).newPage();
  await signIn(otherBrowser, user, '/mood');
  await signIn(page, user);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('wellsync_session'))!;
  // Revocation is checked to the second: let a second pass after sign-in before revoking.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await context.cookies()).some((c) => c.name.endsWith('wellsync_session'))).toBe(false);

  await page.goto('/journal');
  await expect(page).toHaveURL(/\/signin\?next=%2Fjournal/);

  // The old cookie, replayed, is refused by the server itself (not just the redirect): its web device is revoked.
  await context.addCookies([cookie]);
  await page.goto('/journal');
  await expect(page).toHaveURL(/\/signin\?next=%2Fjournal&reason=revoked/);

  // Another browser (and the user's phones) stay signed in: sign-out no longer revokes refresh tokens.
  await otherBrowser.goto('/journal');
  await expect(otherBrowser).toHaveURL(/\/journal$/);
});

test('signing out everywhere asks first, then ends every browser session', async ({ page, browser }) => {
  const user = await createTestUser();
  const otherBrowser = await (await browser.newContext()).newPage();
  await signIn(otherBrowser, user, '/mood');
  await signIn(page, user, '/devices');
  // Revocation is checked to the second: let a second pass after sign-in before revoking.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('dialog')).toContainText('every phone and browser');
  await expect(page.getByRole('dialog')).toContainText('must sign in again');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // The other open tab notices by itself (it listens to its device doc) and may redirect while we navigate it.
  await expect(async () => {
    await otherBrowser.goto('/journal').catch(() => undefined);
    await expect(otherBrowser).toHaveURL(/\/signin/);
  }).toPass({ timeout: 15_000 });
  // And its cookie is refused on a fresh request, whatever the tab did.
  await otherBrowser.goto('/journal');
  await expect(otherBrowser).toHaveURL(/\/signin/);
});
