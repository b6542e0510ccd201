/* eslint-disable no-console -- a command-line benchmark reports on the console */
/*
 * Page benchmark: starts the portal's backend with the example organisation
 * and domains and N synthetic data products (default 10,000) in a real
 * catalog, waits until every product is scored and a KPI snapshot exists,
 * then times in Chromium how long the domain scorecards, a domain drill-down
 * and the KPI dashboard take from navigation until their data is rendered
 * and their controls respond. Target: 2 s.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh bench [N] [runs]
 *
 * The backend serves the built app: it is built first when
 * packages/app/dist is missing (rebuild it after changing the frontend).
 *
 * CHROMIUM_PATH (default /usr/bin/chromium, installed when missing),
 * BENCH_PORT (default 7307), BENCH_CPU_SLOWDOWN (Chromium's CPU throttling
 * rate, default 1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startBenchPortal } from './benchPortal';
import { CPU_SLOWDOWN, measurePages } from './measurePages';
import { pageTargets } from './pageTargets';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const port = Number(process.env.BENCH_PORT ?? 7307);
const TARGET_MS = 2_000;

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
    `All ${count} products scored and the backend idle after ${Math.round(
      (Date.now() - started) / 1000,
    )} s; timing ${runs} warm runs per page.`,
  );
  try {
    const timings = await measurePages(portal.baseUrl, pageTargets, runs);
    console.log(JSON.stringify({ products: count, timings }));
    console.log(
      `\n| Page (${count} products${
        CPU_SLOWDOWN > 1 ? `, CPU slowed ${CPU_SLOWDOWN}×` : ''
      }) | Cold (ms) | Warm median (ms) | Warm max (ms) | Data arrived, warm median (ms) | ≤ ${TARGET_MS} ms |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const t of timings) {
      const ok = Math.max(t.cold, t.max) <= TARGET_MS ? 'yes' : 'no';
      console.log(
        `| ${t.name} | ${t.cold} | ${t.median} | ${t.max} | ${t.medianData} | ${ok} |`,
      );
    }
  } finally {
    await portal.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
