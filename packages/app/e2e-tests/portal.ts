import { expect, Locator, Page } from '@playwright/test';
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

/**
 * Opens a page of the portal and signs in there with the guest provider. The
 * sign-in page stands in front of every address and, once the guest has
 * entered, the app shows the page asked for: each test loads the app once.
 */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * Waits for what the portal shows once a background task has run (the
 * governance sweep, the KPI snapshot): the page as loaded gets the first try,
 * and each later try reloads it.
 */
export async function untilShown(
  page: Page,
  target: Locator,
  timeout = 150_000,
) {
  let tries = 0;
  await expect(async () => {
    if (tries++ > 0 && !(await target.isVisible())) {
      await page.reload();
    }
    await expect(target).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout, intervals: [2_000, 5_000] });
}
