import { test, expect } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { screenshot, signInAsGuest } from './portal';

/**
 * A product the catalog imported from open-standard files
 * (examples/standards/odps: an ODPS product and its ODCS contract): its page
 * shows where it came from and what did not map, and exports it back.
 */
test('an imported product shows its loss report and exports as ODPS + ODCS', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsGuest(page, '/catalog/default/dataproduct/loyalty-points');

  const card = page.locator('.MuiCard-root', {
    has: page.getByRole('heading', { name: 'Open standards', exact: true }),
  });
  await expect(card).toContainText(
    'Imported from Open Data Product Standard (ODPS) v1.0.0',
  );
  const lossReport = card.getByRole('table', {
    name: 'Loss report of the import',
  });
  await expect(
    lossReport.getByRole('row', { name: /outputPorts\[0\]\.sbom/ }),
  ).toContainText('loyalty-points.yaml');
  await expect(
    lossReport.getByRole('row', { name: /customProperties\[2\]/ }),
  ).toContainText("custom property 'costCenter': no equivalent");
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'data-mesh-product-loyalty-points-standards');

  // One zip archive: the product file and the contract of its output port.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Export ODPS + ODCS' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('loyalty-points-odps.zip');
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const paths = Object.keys(zip.files).filter(path => !zip.files[path].dir);
  expect(paths).toHaveLength(2);
  const productPath = paths.find(path => path.endsWith('.odps.yaml'))!;
  const product = await zip.file(productPath)!.async('string');
  expect(product).toMatch(/^apiVersion: v1\.0\.0$/m);
  expect(product).toMatch(/^kind: DataProduct$/m);
  expect(product).toContain('loyalty-points-balances');
  const contractPath = paths.find(path => path !== productPath)!;
  expect(contractPath).toMatch(/\.odcs\.yaml$/);
  const contract = await zip.file(contractPath)!.async('string');
  expect(contract).toMatch(/^kind: DataContract$/m);
  expect(contract).toContain('points_balance');
  await expect(card.getByRole('status')).toContainText(
    'Downloaded loyalty-points-odps.zip',
  );
  // What ODPS and ODCS cannot hold of the product is listed.
  await expect(
    card.getByRole('table', { name: 'What ODPS and ODCS cannot hold' }),
  ).toBeVisible();
});
