import { Page } from 'playwright-core';

/**
 * An element that must be on screen for a page to count as interactive:
 * matched by a CSS selector and, optionally, by its whole text, and in a
 * state that takes input.
 */
export interface ReadyCondition {
  selector: string;
  /** A regular expression the element's trimmed text must match. */
  text?: string;
  state?: 'enabled' | 'editable';
}

/**
 * Runs in the page on every animation frame. Written without named inner
 * functions: the bench runs under tsx, whose compiled helpers (`__name`) do
 * not exist in the page.
 */
function conditionsHold(conditions: ReadyCondition[]): boolean {
  return conditions.every(condition =>
    Array.from(document.querySelectorAll(condition.selector)).some(element => {
      const control = element as HTMLInputElement;
      if (
        condition.text !== undefined &&
        !new RegExp(condition.text).test((element.textContent ?? '').trim())
      ) {
        return false;
      }
      if (element.getClientRects().length === 0) {
        return false;
      }
      if (
        condition.state &&
        (control.disabled || element.getAttribute('aria-disabled') === 'true')
      ) {
        return false;
      }
      return condition.state !== 'editable' || !control.readOnly;
    }),
  );
}

/**
 * Resolves on the first animation frame at which every condition holds.
 *
 * Playwright's own waiting (`expect`, `locator.waitFor`) polls with a
 * back-off that settles at one check every 500 ms, so a time taken with it
 * can be up to half a second late. Checking in the page on every frame
 * measures to within a frame; the page's Playwright assertions are run
 * afterwards (they then pass at their first check) to confirm what the page
 * shows by role and accessible name.
 */
export async function waitUntilReady(
  page: Page,
  conditions: ReadyCondition[],
  timeoutMs: number,
): Promise<void> {
  try {
    await page.waitForFunction(conditionsHold, conditions, {
      polling: 'raf',
      timeout: timeoutMs,
    });
  } catch (error) {
    const unmet: ReadyCondition[] = [];
    for (const condition of conditions) {
      if (!(await page.evaluate(conditionsHold, [condition]))) {
        unmet.push(condition);
      }
    }
    throw new Error(
      `${page.url()} was not ready after ${timeoutMs} ms; unmet: ${JSON.stringify(
        unmet,
      )} (${error})`,
    );
  }
}
