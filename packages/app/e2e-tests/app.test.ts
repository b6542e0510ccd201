import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest } from './portal';

const DOMAINS = [
  'customer',
  'order',
  'inventory',
  'marketing',
  'finance',
  'product',
];

test('a guest signs in and finds the six domains of the example mesh in the catalog', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog?filters[kind]=domain&filters[user]=all');

  const table = page.getByRole('table');
  for (const domain of DOMAINS) {
    await expect(
      table.locator(`a[href="/catalog/default/domain/${domain}"]`),
    ).toBeVisible();
  }
  await expect(
    page.getByRole('heading', { name: 'All Domains (6)', level: 2 }),
  ).toBeVisible();
  await screenshot(page, 'catalog-domains');
});
