/* eslint-disable no-console -- a command-line benchmark reports on the console */
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitUntilIdle } from './backendIdle';

/** The repository root: this file is plugins/data-mesh/bench/. */
export const ROOT = resolve(__dirname, '../../..');
/**
 * Products per catalog file. Organisations keep a product's descriptor in its
 * own repository, so the catalog reads many small files. Large files would
 * distort the timings: the catalog parses a file in one go, and each re-read
 * of a 1,000-product file blocked the backend's event loop for 1–6 s.
 */
const PRODUCTS_PER_FILE = 10;
/** The backend counts as idle below this share of one core. */
const IDLE_SHARE = 0.25;

/** A real portal backend on `port`, with the example org and domains and `count` synthetic products. */
export interface BenchPortal {
  baseUrl: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Writes the products as catalog files of PRODUCTS_PER_FILE entities, and a
 * Location that lists them; returns the Location's path.
 */
async function writeCatalog(dir: string, count: number): Promise<string> {
  const products = createSyntheticProducts(count);
  const targets: string[] = [];
  for (let start = 0; start < products.length; start += PRODUCTS_PER_FILE) {
    const file = `products-${targets.length}.yaml`;
    const docs = products
      .slice(start, start + PRODUCTS_PER_FILE)
      .map(product => JSON.stringify(product));
    await writeFile(join(dir, file), docs.join('\n---\n'));
    targets.push(`./${file}`);
  }
  const index = join(dir, 'products.yaml');
  await writeFile(
    index,
    JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'bench-data-products' },
      spec: { targets },
    }),
  );
  return index;
}

/**
 * A config on top of app-config.yaml: own port, the synthetic catalog, and a
 * KPI snapshot soon after start. The governance sweep keeps the portal's
 * schedule: catalog changes score the products as they are ingested.
 * Durations are ISO strings, which replace app-config.yaml's values (objects
 * would be merged with them).
 */
function benchConfig(port: number, productsLocation: string) {
  const base = `http://localhost:${port}`;
  return JSON.stringify({
    app: { baseUrl: base },
    backend: { baseUrl: base, listen: { port }, cors: { origin: base } },
    catalog: {
      locations: [
        {
          type: 'file',
          target: join(ROOT, 'examples/org.yaml'),
          rules: [{ allow: ['User', 'Group'] }],
        },
        { type: 'file', target: join(ROOT, 'examples/domains.yaml') },
        { type: 'file', target: productsLocation },
      ],
    },
    dataMesh: {
      kpis: {
        snapshotSchedule: {
          frequency: 'PT30S',
          timeout: 'PT10M',
          initialDelay: 'PT5S',
        },
      },
    },
    // The search index is not measured: keep its collator out of the way.
    search: {
      collators: {
        catalog: {
          schedule: {
            frequency: 'PT24H',
            timeout: 'PT30M',
            initialDelay: 'PT12H',
          },
        },
      },
    },
  });
}

class BackendExited extends Error {}

async function poll<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  progress?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  for (;;) {
    const result = await check().catch(error =>
      error instanceof BackendExited ? Promise.reject(error) : undefined,
    );
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    if (progress && Date.now() - last > 15_000) {
      last = Date.now();
      console.log(`  waiting for ${what}: ${progress()}`);
    }
    await new Promise(r => setTimeout(r, 2_000));
  }
}

function stopProcess(child: ChildProcess) {
  return new Promise<void>(done => {
    if (child.exitCode !== null) {
      done();
      return;
    }
    child.once('exit', () => done());
    // The backend runs in its own process group: stop the whole group.
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/**
 * Starts the portal's backend (which serves the built app) with `count`
 * synthetic products and waits until every product is scored and a KPI
 * snapshot exists.
 */
export async function startBenchPortal(
  count: number,
  port: number,
): Promise<BenchPortal> {
  const dir = await mkdtemp(join(tmpdir(), 'data-mesh-pages-bench-'));
  const productsLocation = await writeCatalog(dir, count);
  const configFile = join(dir, 'bench-config.json');
  await writeFile(configFile, benchConfig(port, productsLocation));
  const log = await open(join(dir, 'backend.log'), 'w');
  // What `yarn workspace backend start` runs, in its own process group.
  const cli = join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli');
  const child = spawn(
    process.execPath,
    [
      cli,
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: join(ROOT, 'packages/backend'),
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    },
  );
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    await stopProcess(child);
    await log.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await poll('the backend', 180_000, async () => {
      if (child.exitCode !== null) {
        throw new BackendExited(`The backend exited (${child.exitCode})`);
      }
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return res.ok || undefined;
    });
    const token = await poll('a guest token', 60_000, async () => {
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      return res.ok ? (await res.json()).backstageIdentity.token : undefined;
    });
    const api = async (path: string) =>
      (
        await fetch(`${baseUrl}/api/data-mesh${path}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json();
    let scored = 0;
    await poll(
      `${count} scored products`,
      30 * 60_000,
      async () => {
        scored = (await api('/scorecards?limit=1')).totalItems ?? 0;
        return scored >= count || undefined;
      },
      () => `${scored} scored`,
    );
    await poll(
      'a KPI snapshot',
      5 * 60_000,
      async () => (await api('/kpis/history')).dates?.length > 0 || undefined,
    );
    // Products are scored as the catalog ingests them, while it goes on
    // processing and stitching them for minutes, on the cores the browser
    // needs too.
    console.log('Waiting until the backend has finished ingesting...');
    const share = await waitUntilIdle(child.pid!, {
      maxShare: IDLE_SHARE,
      timeoutMs: 10 * 60_000,
    });
    if (Number.isFinite(share)) {
      console.log(
        `  backend at ${Math.round(share * 100)}% of a core over 10 s`,
      );
    }
    return { baseUrl, token, stop };
  } catch (error) {
    const output = await readFile(join(dir, 'backend.log'), 'utf8');
    console.error(output.split('\n').slice(-40).join('\n'));
    await stop();
    throw error;
  }
}
