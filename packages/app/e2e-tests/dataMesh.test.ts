import { test, expect, Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { screenshot, signInAsGuest, untilShown } from './portal';

/**
 * The data mesh pages against the running portal and the example mesh. The
 * governance sweep scores the products shortly after the backend starts and
 * the KPI snapshot runs a minute after it: checks that depend on them retry,
 * reloading the page, until the data is there.
 */

const field = (scope: Locator, label: string) =>
  scope
    .locator('dt', { hasText: label })
    .locator('xpath=following-sibling::dd');

test('a data product page shows overview, scorecard, SLOs, lineage, schema with PII and ports', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/catalog/default/dataproduct/customer-360');

  const overview = page.locator('.MuiCard-root', {
    has: page.getByRole('heading', { name: 'Data product', exact: true }),
  });
  await expect(field(overview, 'Version')).toHaveText('2.1.0');
  await expect(field(overview, 'Type')).toHaveText('aggregate');
  await expect(field(overview, 'Classification')).toHaveText('confidential');
  await expect(field(overview, 'Lifecycle')).toHaveText('production');
  await expect(
    field(overview, 'Links').getByRole('link', {
      name: /customer-data-support/,
    }),
  ).toHaveAttribute('href', /^https:\/\/acme\.slack\.com\//);

  const score = page.getByRole('img', {
    name: /^Governance score \d+ out of 100$/,
  });
  await untilShown(page, score);
  await expect(page.getByText(/^Score \d+ \/ 100$/)).toBeVisible();

  const slo = page.getByRole('table', { name: 'Service level objectives' });
  await expect(slo.getByRole('row', { name: /freshness/ })).toContainText(
    '1 hour',
  );
  await expect(slo.getByRole('row', { name: /availability/ })).toContainText(
    '99.9%',
  );

  const upstream = page.getByRole('region', { name: 'Upstream (reads from)' });
  await expect(
    upstream.locator('a[href="/catalog/default/dataproduct/order-events"]'),
  ).toBeVisible();
  await expect(
    page.getByTestId('lineage-node-dataproduct:default/customer-360'),
  ).toBeVisible();
  await screenshot(page, 'data-mesh-product-customer-360');

  await page.getByRole('link', { name: 'Schema & ports' }).click();
  const schema = page.getByRole('table', { name: 'Schema fields' });
  await expect(schema).toContainText(
    '8 fields, 3 holding personally identifiable information (PII)',
  );
  for (const name of ['email', 'phone', 'address']) {
    await expect(
      schema
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) }),
    ).toContainText('PII');
  }
  await expect(
    schema
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'customer_id' }) }),
  ).not.toContainText('PII');
  const outputs = page.getByRole('table', { name: 'Output ports' });
  await expect(
    outputs.getByRole('row', { name: /customer-360-table/ }),
  ).toContainText(
    /snowflake.*iceberg.*customer_domain\.gold\.customer_360.*contracts\/customer-360-table\.yaml/,
  );
  await expect(
    page.getByRole('table', { name: 'Input ports' }).getByRole('row', {
      name: /customer-transactions/,
    }),
  ).toContainText('kafka');
  await screenshot(page, 'data-mesh-product-customer-360-schema');

  await page.getByRole('link', { name: 'Governance' }).click();
  await expect(
    page.getByRole('table', { name: 'Changes of the governance result' }),
  ).toBeVisible();
});

test('the domain scorecards list every domain and drill down with server-side paging and sorting', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Data Mesh' })
    .click();
  await expect(page).toHaveURL(/\/data-mesh\/domains$/);

  const domains = page.getByRole('table').filter({ hasText: 'Average score' });
  await untilShown(
    page,
    domains.getByRole('link', { name: 'Customer', exact: true }),
  );
  for (const name of [
    'Customer',
    'Order',
    'Inventory',
    'Marketing',
    'Finance',
    'Product',
  ]) {
    await expect(
      domains.getByRole('link', { name, exact: true }),
    ).toBeVisible();
  }
  const mesh = page.locator('.MuiCard-root', {
    has: page.getByRole('heading', { name: 'Whole mesh' }),
  });
  // 27 products in examples/products and the 4 of examples/standards.
  await expect(field(mesh, 'Products')).toHaveText('31');
  await screenshot(page, 'data-mesh-domains');

  await domains.getByRole('link', { name: 'Order', exact: true }).click();
  await expect(page).toHaveURL(/\/data-mesh\/domains\/default\/order$/);
  const products = page.getByRole('table', { name: 'Products of Order' });
  await expect(products.locator('caption')).toHaveText('Products 1–5 of 5');
  await screenshot(page, 'data-mesh-domain-order');

  // Two rows per page: the browser asks the server for each page.
  await page.goto('/data-mesh/domains/default/order?limit=2');
  await expect(products.locator('caption')).toHaveText('Products 1–2 of 5');
  await expect(products.locator('tbody tr')).toHaveCount(2);
  const next = page.waitForRequest(
    r =>
      r.url().includes('/api/data-mesh/domains/order?') &&
      r.url().includes('cursor='),
  );
  await page.getByRole('button', { name: 'Next page' }).click();
  const request = new URL((await next).url());
  expect(request.searchParams.get('limit')).toBe('2');
  await expect(products.locator('caption')).toHaveText('Products 3–4 of 5');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(products.locator('caption')).toHaveText('Products 5–5 of 5');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(products.locator('caption')).toHaveText('Products 3–4 of 5');

  // Sorting asks the server again, from the first page.
  await page.goto('/data-mesh/domains/default/order');
  const scores = async () =>
    (await products.locator('tbody tr td:nth-child(4)').allTextContents()).map(
      Number,
    );
  await expect(products.locator('tbody tr')).toHaveCount(5);
  const ascending = await scores();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await products.getByRole('button', { name: 'Score' }).click();
  await expect(page).toHaveURL(/orderBy=score&order=desc/);
  await expect(async () => {
    const descending = await scores();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
  }).toPass();
  await products.getByRole('button', { name: 'Product' }).click();
  await expect(page).toHaveURL(/orderBy=entityRef&order=asc/);
  await expect(products.locator('tbody tr').first()).toContainText(
    'Daily Order Metrics',
  );
});

test('the KPI dashboard shows tiles against targets, trend charts, a breakdown and CSV exports', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/data-mesh/kpis');

  const tiles = page
    .getByRole('region', { name: /^(Adoption|Quality|Consumption) KPIs$/ })
    .getByRole('article');
  await expect(tiles).toHaveCount(9);
  const quality = page.getByRole('article', { name: 'Data quality score' });
  await expect(quality).toContainText(/Target ≥ 90/);
  await expect(quality).toContainText(/Meets target|Below target|No data/);

  const breakdown = page.getByRole('table', { name: 'KPIs by domain' });
  for (const name of ['Customer', 'Order', 'Product']) {
    await expect(breakdown.getByRole('rowheader', { name })).toBeVisible();
  }

  // The first daily snapshot is taken a minute after the backend starts.
  const chart = page
    .getByTestId('kpi-chart-data_quality_score')
    .locator('svg.recharts-surface');
  await untilShown(page, chart, 200_000);
  await expect(
    page.getByTestId('kpi-chart-data_quality_score').locator('.recharts-line'),
  ).toHaveCount(1);
  await screenshot(page, 'data-mesh-kpis');

  const [trends] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trends (CSV)' }).click(),
  ]);
  expect(trends.suggestedFilename()).toMatch(
    /^data-mesh-kpis-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-by-day\.csv$/,
  );
  const trendRows = (await readFile(await trends.path(), 'utf8')).split('\r\n');
  expect(trendRows[0]).toMatch(
    /^Date,Domains onboarded,Data products published,/,
  );
  expect(trendRows.length).toBeGreaterThan(1);
  expect(trendRows[1]).toMatch(/^\d{4}-\d{2}-\d{2},/);

  const [byDomain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download breakdown (CSV)' }).click(),
  ]);
  const rows = (await readFile(await byDomain.path(), 'utf8')).split('\r\n');
  expect(rows[0]).toBe(
    'Domain,Domain ref,KPI,Value,Unit,Operator,Target,Meets target',
  );
  expect(rows).toContainEqual(
    expect.stringMatching(
      /^Customer,domain:default\/customer,Domains onboarded,/,
    ),
  );
  expect(rows.filter(row => row.startsWith('Whole mesh,'))).toHaveLength(9);
});
