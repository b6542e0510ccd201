/* eslint-disable no-console -- a command-line benchmark reports on the console */
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the bench runs only in this repository, with the browser its e2e tests use
import { chromiumLaunchOptions } from '../../../scripts/chromiumLaunch';
import { ReadyCondition, waitUntilReady } from './pageReady';

const READY_TIMEOUT_MS = 60_000;
/**
 * BENCH_CPU_SLOWDOWN=2 makes Chromium run the pages' scripts, layout and
 * paint twice as slowly (DevTools' CPU throttling): a check of the headroom
 * on slower machines. The backend is not slowed.
 */
export const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);

/** A page of the plugin and what shows that it is interactive. */
export interface PageTarget {
  name: string;
  path: string;
  /** The elements whose presence marks the page's data rendered and its controls live. */
  readyWhen: ReadyCondition[];
  /** Confirms, by role and accessible name, what the page shows once ready. */
  verify(page: Page): Promise<void>;
}

/** One navigation, in milliseconds from its start. */
export interface NavigationTiming {
  /** When the last response of the data-mesh API arrived. */
  data: number;
  ready: number;
}

/** Timings of one page, in milliseconds. */
export interface PageTiming {
  name: string;
  path: string;
  cold: number;
  runs: number[];
  median: number;
  max: number;
  /** Median time until the page's data had arrived (warm runs). */
  medianData: number;
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

/** Navigates in a new tab; returns when its data arrived and when it was ready. */
async function timeNavigation(
  context: BrowserContext,
  target: PageTarget,
): Promise<NavigationTiming> {
  const page = await context.newPage();
  if (CPU_SLOWDOWN > 1) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Emulation.setCPUThrottlingRate', {
      rate: CPU_SLOWDOWN,
    });
  }
  let data = 0;
  page.on('requestfinished', request => {
    if (new URL(request.url()).pathname.startsWith('/api/data-mesh/')) {
      data = performance.now();
    }
  });
  const started = performance.now();
  await page.goto(target.path, { waitUntil: 'commit' });
  await waitUntilReady(page, target.readyWhen, READY_TIMEOUT_MS);
  await target.verify(page);
  const ready = performance.now();
  await page.close();
  return {
    data: Math.round(Math.max(data - started, 0)),
    ready: Math.round(ready - started),
  };
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
      const navigations: NavigationTiming[] = [];
      for (let i = 0; i < runs; i++) {
        navigations.push(await timeNavigation(warm, target));
      }
      await warm.close();
      const times = navigations.map(n => n.ready);
      timings.push({
        name: target.name,
        path: target.path,
        cold: cold.ready,
        runs: times,
        median: median(times),
        max: Math.max(...times),
        medianData: median(navigations.map(n => n.data)),
      });
      console.log(
        `  ${target.name}: cold ${cold.ready} ms, warm ${times.join(
          ', ',
        )} ms (data arrived at ${navigations.map(n => n.data).join(', ')} ms)`,
      );
    }
    return timings;
  } finally {
    await browser.close();
  }
}
