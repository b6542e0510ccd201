import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest, untilShown } from './portal';

/**
 * How many DataProducts the example mesh holds: 27 in examples/products and
 * the 4 of examples/standards (one per standard: ODPS, DPDS, DCS, ODCS).
 */
const EXAMPLE_PRODUCTS = 31;

test('the catalog kind filter offers DataProduct and lists the example products', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog?filters[user]=all');

  // The kind filter lists the kinds in the catalog: pick DataProduct.
  await page.getByLabel('Kind', { exact: true }).getByRole('button').click();
  await page.getByRole('option', { name: 'DataProduct', exact: true }).click();
  await expect(page).toHaveURL(/filters%5Bkind%5D=dataproduct/);

  await expect(
    page.getByRole('heading', {
      name: `All DataProducts (${EXAMPLE_PRODUCTS})`,
      level: 2,
    }),
  ).toBeVisible();
  const table = page.getByRole('table');
  for (const name of ['customer-360', 'order-events', 'demand-forecast']) {
    await expect(
      table.locator(`a[href="/catalog/default/dataproduct/${name}"]`),
    ).toBeVisible();
  }
  await screenshot(page, 'catalog-data-products');

  await table
    .locator('a[href="/catalog/default/dataproduct/customer-360"]')
    .click();
  await expect(
    page.getByRole('heading', { name: 'Customer 360', level: 2 }),
  ).toBeVisible();
  await screenshot(page, 'data-product-customer-360');
});

test('search finds customer-360 by its title and by its domain', async ({
  page,
}) => {
  // The search index is built shortly after the catalog has ingested the
  // example mesh (app-config.yaml: search.collators.catalog.schedule).
  test.setTimeout(180_000);
  await signInAsGuest(page, '/search?query=customer%20360');

  const customer360 = page.locator(
    'a[href="/catalog/default/dataproduct/customer-360"]',
  );
  await untilShown(page, customer360.first());
  await screenshot(page, 'search-customer-360');

  // Searching by domain and type finds it too: typed into the search box,
  // which asks the backend again.
  const results = page.waitForResponse(
    r =>
      r.url().includes('/api/search/query?') &&
      new URL(r.url()).searchParams.get('term') === 'customer aggregate',
  );
  await page
    .getByRole('textbox', { name: /search/i })
    .fill('customer aggregate');
  expect((await results).ok()).toBe(true);
  await expect(page).toHaveURL(/query=customer(%20|\+)aggregate/);
  await expect(customer360.first()).toBeVisible();
});
