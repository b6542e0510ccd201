import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest } from './portal';

/**
 * Data sharing agreements in the example portal. The guest belongs to
 * data governance, which decides access to every product; the portal starts
 * with a pending request of the finance team (example data in
 * app-config.yaml, dataMesh.examples.accessRequests). Nobody may approve
 * their own request, so the guest decides that one, and files its own for
 * the notebook it owns.
 */
test.describe('data access requests', () => {
  test('governance approves a pending request; the consumer shows as agreed in the lineage', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAsGuest(page, '/catalog/default/dataproduct/customer-360');

    const pending = page.getByRole('table', { name: 'Pending requests' });
    const approve = pending.getByRole('button', {
      name: 'Approve the request of component:default/fraud-detection-model',
    });
    await expect(approve).toBeVisible();
    const declared = page.getByRole('region', { name: 'Declared, not agreed' });
    const agreed = page.getByRole('region', {
      name: 'Agreed consumers (data sharing agreement)',
    });
    await expect(agreed.getByRole('link')).toHaveCount(0);

    await approve.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Comment').fill('Fields without PII: agreed');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
    const agreements = page.getByRole('table', { name: 'Agreements' });
    await expect(
      agreements.getByRole('row', { name: /fraud.detection.model/i }),
    ).toContainText('Active');
    await screenshot(page, 'data-mesh-access-approved');

    await page.reload();
    await expect(
      agreed.getByRole('link', { name: /fraud.detection.model/i }),
    ).toBeVisible();
    await expect(
      declared.getByRole('link', { name: /fraud.detection.model/i }),
    ).toHaveCount(0);
    await expect(
      declared.getByRole('link', { name: /churn.prediction.model/i }),
    ).toBeVisible();
  });

  test('the guest requests access for its notebook and sees the request pending', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAsGuest(page, '/catalog/default/dataproduct/customer-360');
    await page
      .getByRole('button', { name: 'Request access to customer-360-api' })
      .click();
    const dialog = page.getByRole('dialog', {
      name: 'Request access to customer-360-api',
    });
    const consumer = dialog.getByLabel(/Consuming entity/);
    await expect(
      consumer.locator(
        'option[value="component:default/guest-sandbox-notebook"]',
      ),
    ).toBeAttached();
    // The whole port of a product with PII: a purpose from the list.
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(dialog.getByText('Say why the data is needed')).toBeVisible();
    await consumer.selectOption('component:default/guest-sandbox-notebook');
    await dialog.getByLabel(/Purpose/).selectOption('customer-support');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Access to customer-360-api requested: pending.',
    );

    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'My access requests' })
      .click();
    const mine = page.getByRole('table', { name: 'Requests I made' });
    await expect(
      mine.getByRole('row', { name: /customer-360-api/ }),
    ).toContainText('Pending');
    await screenshot(page, 'data-mesh-my-access-requests');
  });
});
