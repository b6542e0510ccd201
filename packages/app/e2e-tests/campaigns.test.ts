import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest } from './portal';

/**
 * Governance (the example portal's guest is a member of the governance
 * group) starts a campaign from the campaigns page, then follows it on its
 * own page: the burn-down against the ideal line, progress per domain and
 * the products still failing with their owners.
 */
test('governance starts a campaign and sees its burn-down and failing products', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAsGuest(page, '/data-mesh/campaigns');

  const name = `Every product at 100 (${Date.now()})`;
  const deadline = new Date(Date.now() + 30 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await page.getByRole('button', { name: 'Start a campaign' }).click();
  const form = page.getByRole('form', { name: 'Start a campaign' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Minimum score').fill('100');
  await form.getByLabel('Target (% of products)').fill('100');
  await form.getByLabel('Deadline').fill(deadline);
  // Until the first sweep has scored the example mesh, there is nothing to
  // raise yet and the form says so: submit again once it has.
  await expect(async () => {
    await form.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('link', { name })).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 40_000, intervals: [2_000] });

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(
    page.getByRole('img', {
      name: /^Burn-down over 1 day\(s\): \d+ product\(s\) remaining on \d{4}-\d{2}-\d{2}, against \d+(\.\d+)? on the ideal line$/,
    }),
  ).toBeVisible();
  await expect(page.getByText('On track')).toBeVisible();

  await expect(page.getByText('Products still failing')).toBeVisible();
  // Each failing product links to its page and to its owner.
  const failing = page
    .getByRole('row')
    .filter({ has: page.locator('a[href*="/catalog/default/dataproduct/"]') })
    .first();
  await expect(failing).toBeVisible();
  await expect(
    failing.locator('a[href*="/catalog/default/group/"]'),
  ).toBeVisible();
  await expect(page.getByText('Progress by domain')).toBeVisible();
  await screenshot(page, 'data-mesh-campaign');
});
