import { test, expect, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { screenshot, signInAsGuest } from './portal';

/** The portal's backend, for the API checks the UI does not show yet. */
const BACKEND_URL =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
/** Where the local portal publishes (dataMesh.selfServe.localPublishDir). */
const PUBLISH_DIR = resolve(__dirname, '../../../self-serve-products');

/** Calls the backend from the page, with the signed-in guest's token. */
async function backendFetch(page: Page, path: string, method = 'GET') {
  return page.evaluate(
    async ({ url, base, verb }) => {
      const refresh = await fetch(`${base}/api/auth/guest/refresh`, {
        credentials: 'include',
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const { backstageIdentity } = await refresh.json();
      const response = await fetch(`${base}${url}`, {
        method: verb,
        headers: { Authorization: `Bearer ${backstageIdentity.token}` },
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { url: path, base: BACKEND_URL, verb: method },
  );
}

/** Picks an option of a select (MUI) or autocomplete field. */
async function choose(page: Page, field: string, option: string, nth = 0) {
  // A select's accessible name is its label followed by its value.
  const label = new RegExp(`^${field}( |$)`);
  const control = page.getByRole('button', { name: label }).nth(nth);
  if (await control.count()) {
    await control.click();
  } else {
    await page.getByRole('textbox', { name: label }).nth(nth).click();
  }
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the source-aligned template's form, from /create to its review page. */
async function fillSourceAlignedForm(
  page: Page,
  product: {
    name: string;
    domain: string;
    owner: string;
    classification: string;
  },
) {
  // The template's card: the nearest ancestor of its title with a button.
  await page
    .getByRole('heading', { name: 'Source-aligned data product', level: 4 })
    .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]')
    .getByRole('button', { name: 'Choose' })
    .click();

  // About the product
  await page.getByRole('textbox', { name: 'Name' }).fill(product.name);
  await page.getByRole('textbox', { name: 'Title' }).fill('Order Returns');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Every return of an order, with its reason and refund.');
  await choose(page, 'Domain', product.domain);
  await choose(page, 'Owner', product.owner);
  await page.getByRole('button', { name: 'Next' }).click();

  // Output ports: a Snowflake table and a REST API
  await page.getByRole('textbox', { name: 'Port name' }).fill('returns-table');
  await choose(page, 'Type', 'snowflake');
  await choose(page, 'Format', 'iceberg');
  await page
    .getByRole('textbox', { name: 'Location' })
    .fill('order_domain.silver.returns');
  await page.getByRole('button', { name: 'Add Item' }).click();
  await page
    .getByRole('textbox', { name: 'Port name' })
    .nth(1)
    .fill('returns-api');
  await choose(page, 'Type', 'rest', 1);
  await page
    .getByRole('textbox', { name: 'Endpoint' })
    .fill('/api/v1/returns/{return_id}');
  await page.getByRole('button', { name: 'Next' }).click();

  // Schema: two fields, each with its PII flag
  await page.getByRole('textbox', { name: 'Field name' }).fill('return_id');
  await page.getByRole('textbox', { name: 'Description' }).fill('Return id');
  await page.getByRole('radio', { name: 'No' }).first().check();
  await page.getByRole('checkbox', { name: 'Never null' }).first().check();
  await page.getByRole('button', { name: 'Add Item' }).click();
  await page
    .getByRole('textbox', { name: 'Field name' })
    .nth(1)
    .fill('updated_at');
  await choose(page, 'Type', 'timestamp', 1);
  await page
    .getByRole('textbox', { name: 'Description' })
    .nth(1)
    .fill('Last change');
  await page.getByRole('radio', { name: 'No' }).nth(1).check();
  await page.getByRole('textbox', { name: 'Key field' }).fill('return_id');
  await page
    .getByRole('textbox', { name: 'Timestamp field' })
    .fill('updated_at');
  await page.getByRole('button', { name: 'Next' }).click();

  // Access and service levels
  await choose(page, 'Classification', product.classification);
  await page.getByRole('button', { name: 'Review' }).click();
}

test.describe('self-serve data products', () => {
  test('a domain team creates a product in the browser; it lands in the catalog with its scorecard', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const name = `order-returns-${Date.now().toString(36)}`;
    try {
      await signInAsGuest(page, '/create');
      await fillSourceAlignedForm(page, {
        name,
        domain: 'Order',
        owner: 'Order Domain Team',
        classification: 'internal',
      });
      await screenshot(page, 'self-serve-review');
      await page.getByRole('button', { name: 'Create' }).click();

      const open = page.getByRole('link', { name: 'Open the data product' });
      await expect(open).toBeVisible({ timeout: 60_000 });
      await expect(
        page.getByText(/Governance score 100 \(pass\)/),
      ).toBeVisible();
      await screenshot(page, 'self-serve-run-completed');

      await open.click();
      await expect(page).toHaveURL(
        new RegExp(`/catalog/default/dataproduct/${name}$`),
      );
      await expect(
        page.getByRole('heading', { name: 'Order Returns', level: 2 }),
      ).toBeVisible();
      await screenshot(page, 'self-serve-product-page');

      const entity = await backendFetch(
        page,
        `/api/catalog/entities/by-name/dataproduct/default/${name}`,
      );
      expect(entity.body.metadata.annotations).toMatchObject({
        'datamesh.io/template': 'template:default/source-aligned-data-product',
      });
      expect(entity.body.spec.outputPorts).toEqual([
        expect.objectContaining({ name: 'returns-table', format: 'iceberg' }),
        expect.objectContaining({
          name: 'returns-api',
          authentication: 'oauth2',
        }),
      ]);
      expect(entity.body.spec.schema.fields).toEqual([
        expect.objectContaining({
          name: 'return_id',
          type: 'string',
          pii: false,
        }),
        expect.objectContaining({
          name: 'updated_at',
          type: 'timestamp',
          pii: false,
        }),
      ]);
      // The scorecard card is built in parallel: read the scorecard itself.
      await expect(async () => {
        const card = await backendFetch(
          page,
          `/api/data-mesh/scorecards/default/${name}`,
        );
        expect(card.status).toBe(200);
        expect(card.body).toMatchObject({
          entityRef: `dataproduct:default/${name}`,
          status: 'pass',
          score: 100,
          type: 'source-aligned',
        });
      }).toPass({ timeout: 30_000 });
    } finally {
      await rm(resolve(PUBLISH_DIR, name), { recursive: true, force: true });
      const entity = await backendFetch(
        page,
        `/api/catalog/entities/by-name/dataproduct/default/${name}`,
      ).catch(() => undefined);
      if (entity?.status === 200) {
        await backendFetch(
          page,
          `/api/catalog/entities/by-uid/${entity.body.metadata.uid}`,
          'DELETE',
        );
      }
    }
  });

  test('a run that breaks an error-severity policy fails before publishing, naming the rules', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const name = `refund-ledger-${Date.now().toString(36)}`;
    await signInAsGuest(page, '/create');
    // Finance data is confidential or restricted (FIN-001, finance's pack).
    await fillSourceAlignedForm(page, {
      name,
      domain: 'Finance',
      owner: 'Finance Domain Team',
      classification: 'internal',
    });
    await page.getByRole('button', { name: 'Create' }).click();

    // The task page's error panel names each broken rule.
    const error = page.getByRole('button', {
      name: `Error: dataproduct:default/${name} breaks 1 governance rule(s) of severity error; nothing was published:`,
    });
    await expect(error).toBeVisible({ timeout: 60_000 });
    await expect(error.getByRole('listitem')).toHaveText([
      /^FIN-001 spec\.access\.classification: Finance products are classified confidential or restricted, not 'internal'/,
    ]);
    await screenshot(page, 'self-serve-run-failed');
    expect(existsSync(resolve(PUBLISH_DIR, name))).toBe(false);
    const entity = await backendFetch(
      page,
      `/api/catalog/entities/by-name/dataproduct/default/${name}`,
    );
    expect(entity.status).toBe(404);
  });
});
