import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, untilShown } from './portal';

/**
 * A waiver a product asks for in its own YAML is a request: it does not
 * count until governance approves it on the product's scorecard. The guest
 * of the example portal is a member of the governance group.
 */
test('a waiver requested in a product spec counts only once governance approves it on the scorecard', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(
    page,
    '/catalog/default/dataproduct/customer-authentication-events',
  );

  const waivers = page.getByRole('table', { name: 'Waivers' });
  const row = waivers.getByRole('row', { name: /STD-002/ });
  // The sweep scores the example mesh shortly after start-up.
  await untilShown(page, row);

  await expect(row).toContainText('No: Waiting for approval');
  // STD-002 (waiting) and ACCESS-001 (a consumer declared without an
  // agreement) count; the waiver lifts only the first.
  await expect(page.getByText(/^Score 80 \/ 100$/)).toBeVisible();
  await screenshot(page, 'data-mesh-waiver-pending');

  await row
    .getByRole('button', { name: 'Approve the waiver of STD-002' })
    .click();
  await expect(row).toContainText('Yes: In force');
  await expect(page.getByText(/^Score 90 \/ 100$/)).toBeVisible();
  await expect(
    row.getByRole('button', { name: 'Approve the waiver of STD-002' }),
  ).toHaveCount(0);
  await screenshot(page, 'data-mesh-waiver-approved');
});
