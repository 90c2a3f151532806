import { DEMO_USER } from '@/lib/seed/demo-accounts';
import { expect, signIn, test } from './fixtures';

test('the mood charts render with data', async ({ page }) => {
  await signIn(page, DEMO_USER, '/mood');
  const trend = page.getByRole('region', { name: 'Daily average mood' });
  await expect(trend.locator('svg.recharts-surface path.recharts-curve')).toHaveCount(1);
  const line = await trend.locator('path.recharts-curve').getAttribute('d');
  expect(line?.length ?? 0).toBeGreaterThan(50);
  // Straight segments (no Bézier curves) that stay between the gridlines of 5 and 1: a smoothed line can overshoot.
  expect(line).toMatch(/^M[\d.,LM-]+$/);
  const gridYs = await trend
    .locator('.recharts-cartesian-grid-horizontal line')
    .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('y1'))));
  expect(gridYs.length).toBeGreaterThanOrEqual(2);
  const lineYs = [...line!.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
  expect(Math.min(...lineYs)).toBeGreaterThanOrEqual(Math.min(...gridYs) - 0.01);
  expect(Math.max(...lineYs)).toBeLessThanOrEqual(Math.max(...gridYs) + 0.01);

  const pixels = page.getByRole('region', { name: /Year in Pixels/ });
  const filled = pixels.locator('rect[fill^="var(--mood-"]');
  expect(await filled.count()).toBeGreaterThan(5);

  const weekdays = page.getByRole('region', { name: 'Average mood by weekday' });
  expect(await weekdays.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
  const emotions = page.getByRole('region', { name: 'Emotions' });
  expect(await emotions.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);

  await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
});

test('ranges switch, and a year of pixels can be chosen', async ({ page }) => {
  await signIn(page, DEMO_USER, '/mood');
  await page.getByRole('link', { name: 'All time' }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(page.getByRole('region', { name: 'Weekly average mood' })).toBeVisible();
  const lastYear = String(new Date().getUTCFullYear() - 1);
  await page.getByRole('navigation', { name: 'Year' }).getByRole('link', { name: lastYear }).click();
  await expect(page.getByRole('heading', { name: `Year in Pixels, ${lastYear}` })).toBeVisible();
  expect(await page.locator(`rect[fill^="var(--mood-"]`).count()).toBeGreaterThan(200);
});
