/*
 * Dry-run vs health benchmark: POSTs a policy dry-run of a pathological pack
 * (catastrophic-backtracking patterns over long descriptions and labels) over
 * N synthetic products, while a probe on another thread polls a health route
 * served on the same event loop as the dry-run, every 100 ms.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:dry-run [products] [descriptionLength]
 *   products:          default 10000
 *   descriptionLength: characters of each product's description, default 2000
 *
 * Prints the dry-run's duration and outcome, and the probe's p50, p99 and
 * max latency (target: under 1 s), as JSON and as a Markdown table.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { createRouter } from '../src/router/createRouter';
import {
  benchCatalog,
  benchLogger,
  benchMesh,
  createBenchServices,
  openDatabase,
} from './benchHarness';

const PROBE_INTERVAL_MS = 100;

/** Backtracks exponentially on a backtracking engine over "aaa…a!". */
const pathologicalPack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'pathological' },
  spec: {
    rules: [
      {
        id: 'DESC-WORDS',
        title: 'Descriptions are words',
        severity: 'warning',
        condition: {
          properties: {
            metadata: {
              properties: {
                description: { pattern: '^(\\w+\\s?)*$' },
              },
            },
          },
        },
      },
      {
        id: 'DESC-AS',
        title: 'Descriptions are made of a',
        severity: 'info',
        condition: {
          properties: {
            metadata: { properties: { description: { pattern: '^(a+)+$' } } },
          },
        },
      },
      {
        id: 'LABEL-KEYS',
        title: 'Labels with word keys say yes',
        severity: 'info',
        condition: {
          properties: {
            metadata: {
              properties: {
                labels: {
                  patternProperties: { '^(\\w+-?)*$': { const: 'yes' } },
                },
              },
            },
          },
        },
      },
    ],
  },
};

/** Polls `url` every interval from its own thread; answers latencies on a message. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
const latencies = [];
let inFlight = 0;
let stopping = false;
const report = () => stopping && inFlight === 0 && parentPort.postMessage(latencies);
const timer = setInterval(() => {
  const started = performance.now();
  inFlight += 1;
  http.get(workerData.url, { agent }, response => {
    response.resume();
    response.on('end', () => {
      latencies.push(performance.now() - started);
      inFlight -= 1;
      report();
    });
  });
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  stopping = true;
  report();
});
`;

/**
 * The in-memory catalog, its pages arriving on separate turns of the event
 * loop as they do from the catalog's HTTP API.
 */
function pagedCatalog(inner: CatalogService): CatalogService {
  return {
    ...inner,
    async *streamEntities(request?: any, options?: any) {
      for await (const page of inner.streamEntities(request, options)) {
        await nextTurn();
        yield page;
      }
    },
  } as CatalogService;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  const descriptionLength = Number(process.argv[3] ?? 2_000);
  const { knex, close } = await openDatabase('sqlite');
  const { entities } = benchMesh(count);
  for (const entity of entities) {
    if (entity.kind === 'DataProduct') {
      entity.metadata.description = `${'a'.repeat(descriptionLength - 1)}!`;
      entity.metadata.labels = { [`${'a'.repeat(60)}!`]: 'no' };
    }
  }
  const catalog = pagedCatalog(benchCatalog(entities));
  const services = await createBenchServices(knex, catalog);

  const app = express();
  app.get('/.backstage/health/v1/liveness', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    await createRouter({
      ...services,
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions(),
      logger: benchLogger,
      catalog,
    }),
  );
  const server = app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const probe = new Worker(PROBE, {
    eval: true,
    workerData: {
      url: `${base}/.backstage/health/v1/liveness`,
      intervalMs: PROBE_INTERVAL_MS,
    },
  });
  const latencies = new Promise<number[]>(resolve =>
    probe.once('message', resolve),
  );
  const started = performance.now();
  const response = await fetch(`${base}/policies/dry-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pack: pathologicalPack }),
  });
  const body = await response.json();
  const dryRunMs = performance.now() - started;
  probe.postMessage('stop');
  const sorted = (await latencies).sort((a, b) => a - b);
  await probe.terminate();
  server.close();
  await close();

  const row = {
    products: count,
    descriptionLength,
    dryRunStatus: response.status,
    dryRunSeconds: Number((dryRunMs / 1000).toFixed(2)),
    evaluatedCount: body.evaluatedCount ?? body.error?.message,
    probes: sorted.length,
    probeP50Ms: Number(percentile(sorted, 50).toFixed(1)),
    probeP99Ms: Number(percentile(sorted, 99).toFixed(1)),
    probeMaxMs: Number(sorted[sorted.length - 1].toFixed(1)),
  };
  console.log(JSON.stringify(row));
  console.log(
    '\n| Products | Description (chars) | Dry-run (s) | Status | Health probes | p50 (ms) | p99 (ms) | max (ms) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${row.products} | ${row.descriptionLength} | ${row.dryRunSeconds} | ${row.dryRunStatus} | ${row.probes} | ${row.probeP50Ms} | ${row.probeP99Ms} | ${row.probeMaxMs} |`,
  );
  if (row.probeMaxMs >= 1000) {
    console.warn('Health probe latency reached 1 s: the target is under 1 s');
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
