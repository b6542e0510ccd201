import { expect, Page } from '@playwright/test';
import { resolve } from 'node:path';

/** Where browser tests write screenshots (git-ignored). */
export const screenshotDir = resolve(
  __dirname,
  '../../../e2e-test-report/screenshots',
);

/** Saves a full-page screenshot named after what it shows. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: resolve(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}

/** Opens the portal and signs in with the guest provider. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
