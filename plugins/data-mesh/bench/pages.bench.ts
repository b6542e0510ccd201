/* eslint-disable no-console -- a command-line benchmark reports on the console */
/*
 * Page benchmark: starts the portal's backend with the example organisation
 * and domains and N synthetic data products (default 10,000) in a real
 * catalog, waits until the governance sweep has scored them all and a KPI
 * snapshot exists, then times in Chromium how long the domain scorecards, a
 * domain drill-down and the KPI dashboard take from navigation until their
 * data is rendered and their controls respond. Target: 2 s.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh bench [N] [runs]
 *
 * The backend serves the built app: it is built first when
 * packages/app/dist is missing (rebuild it after changing the frontend).
 *
 * CHROMIUM_PATH (default /usr/bin/chromium) and BENCH_PORT (default 7307).
 */
import { expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startBenchPortal } from './benchPortal';
import { PageTarget, measurePages } from './measurePages';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const port = Number(process.env.BENCH_PORT ?? 7307);
const TARGET_MS = 2_000;

const targets: PageTarget[] = [
  {
    name: 'Domain scorecards',
    path: '/data-mesh/domains',
    ready: async page => {
      const link = page.getByRole('link', { name: 'Customer', exact: true });
      await expect(link).toBeEnabled({ timeout: 60_000 });
      await expect(page.getByPlaceholder('Filter')).toBeEditable();
    },
  },
  {
    name: 'Domain drill-down (customer)',
    path: '/data-mesh/domains/default/customer',
    ready: async page => {
      await expect(page.getByText(/^Products 1–25 of \d+$/)).toBeVisible({
        timeout: 60_000,
      });
      await expect(
        page.getByRole('button', { name: 'Next page' }),
      ).toBeEnabled();
    },
  },
  {
    name: 'KPI dashboard',
    path: '/data-mesh/kpis',
    ready: async page => {
      await expect(
        page.getByRole('article', { name: 'Data products published' }),
      ).toBeVisible({ timeout: 60_000 });
      await expect(
        page.getByTestId('kpi-chart-data_products_published').locator('svg'),
      ).toBeVisible({ timeout: 60_000 });
      await expect(
        page.getByRole('button', { name: 'Download trends (CSV)' }),
      ).toBeEnabled();
    },
  },
];

async function main() {
  const app = join(ROOT, 'packages/app');
  if (!existsSync(join(app, 'dist/index.html'))) {
    console.log('Building the app (yarn workspace app build)...');
    const cli = join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli');
    const build = spawnSync(process.execPath, [cli, 'package', 'build'], {
      cwd: app,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('The app build failed');
  }
  console.log(`Starting a portal with ${count} products on port ${port}...`);
  const started = Date.now();
  const portal = await startBenchPortal(count, port);
  console.log(
    `All ${count} products scored after ${Math.round(
      (Date.now() - started) / 1000,
    )} s; timing ${runs} warm runs per page.`,
  );
  try {
    const timings = await measurePages(portal.baseUrl, targets, runs);
    console.log(JSON.stringify({ products: count, timings }));
    console.log(
      `\n| Page (${count} products) | Cold (ms) | Warm median (ms) | Warm max (ms) | ≤ ${TARGET_MS} ms |`,
    );
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const t of timings) {
      const ok = Math.max(t.cold, t.max) <= TARGET_MS ? 'yes' : 'no';
      console.log(`| ${t.name} | ${t.cold} | ${t.median} | ${t.max} | ${ok} |`);
    }
  } finally {
    await portal.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
