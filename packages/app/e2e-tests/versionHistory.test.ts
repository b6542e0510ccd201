import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, untilShown } from './portal';

/**
 * The example portal starts with customer-360's earlier version (2.0.0,
 * before churn_probability was added) recorded; the sweep then records the
 * catalog's 2.1.0. The product page lists both, newest first, with what
 * changed between them.
 */
test("a product's page shows its version history and what changed", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/catalog/default/dataproduct/customer-360');

  const versions = page.getByRole('table', { name: 'Versions of the product' });
  const current = versions.getByRole('row', { name: /^2\.1\.0/ });
  // The sweep records the catalog's version shortly after start-up.
  await untilShown(page, current);

  await expect(current).toContainText("Field 'churn_probability' added");
  const earlier = versions.getByRole('row', { name: /^2\.0\.0/ });
  await expect(earlier).toContainText('First version seen');
  await expect(earlier).toContainText('production');
  await screenshot(page, 'data-mesh-version-history');
});
