/* eslint-disable no-console -- a command-line benchmark reports on the console */
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the bench runs only in this repository, with the browser its e2e tests use
import { chromiumLaunchOptions } from '../../../scripts/chromiumLaunch';

/** A page of the plugin and what shows that it is interactive. */
export interface PageTarget {
  name: string;
  path: string;
  /** Resolves once the page's data is rendered and its controls respond. */
  ready(page: Page): Promise<void>;
}

/** Timings of one page, in milliseconds. */
export interface PageTiming {
  name: string;
  path: string;
  cold: number;
  runs: number[];
  median: number;
  max: number;
}

async function signedInContext(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .first()
    .waitFor();
  await page.close();
  return context;
}

/** Navigates in a new tab and returns the time until the page is ready. */
async function timeNavigation(context: BrowserContext, target: PageTarget) {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(target.path, { waitUntil: 'commit' });
  await target.ready(page);
  const elapsed = performance.now() - started;
  await page.close();
  return Math.round(elapsed);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Times each page in Chromium: once in a fresh browser context (empty HTTP
 * cache: the app's bundle is downloaded too), then `runs` times in a warm one.
 * Each navigation loads the whole app, signs in from the session and renders
 * the page's data.
 */
export async function measurePages(
  baseUrl: string,
  targets: PageTarget[],
  runs: number,
): Promise<PageTiming[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const timings: PageTiming[] = [];
    for (const target of targets) {
      const coldContext = await signedInContext(browser, baseUrl);
      const cold = await timeNavigation(coldContext, target);
      await coldContext.close();
      const warm = await signedInContext(browser, baseUrl);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        times.push(await timeNavigation(warm, target));
      }
      await warm.close();
      timings.push({
        name: target.name,
        path: target.path,
        cold,
        runs: times,
        median: median(times),
        max: Math.max(...times),
      });
      console.log(
        `  ${target.name}: cold ${cold} ms, warm ${times.join(', ')} ms`,
      );
    }
    return timings;
  } finally {
    await browser.close();
  }
}
