/*
 * Access listing benchmark: seeds N agreements (with their requests) over
 * 1000 synthetic products, then times listing one product's access
 * requests and agreements over HTTP, as one of its approvers.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:agreements [sizes] [engines]
 *   sizes:   comma-separated agreement counts, default 100000
 *   engines: sqlite,postgres (postgres needs BENCH_POSTGRES_URL or
 *            BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING)
 *
 * Prints p50/p95 latency and items per response, and a Markdown table.
 * Target: p95 at most 100 ms at 100k agreements.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { AddressInfo } from 'node:net';
import { createRouter } from '../src/router/createRouter';
import {
  benchCatalog,
  benchLogger,
  benchMesh,
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';
import { seedAgreements } from './seedAgreements';

const PRODUCTS = 1000;
const REQUESTS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine);
  const { products, entities } = benchMesh(PRODUCTS);
  const catalog = benchCatalog(entities);
  const services = await createBenchServices(knex, catalog);
  const refs = products.map(p => stringifyEntityRef(p));
  const seeded = await measure(() =>
    seedAgreements(knex, { products: refs, count }),
  );

  const app = express();
  app.use(
    await createRouter({
      ...services,
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user('user:default/owner'),
      }),
      // The caller approves every product: every purpose is listed.
      permissions: mockServices.permissions(),
      logger: benchLogger,
      catalog,
    }),
  );
  const server = app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const results: Record<string, any> = {
    engine,
    agreementCount: count,
    products: PRODUCTS,
    seedMs: Math.round(seeded.ms),
  };
  // The OpenAPI router wants an Authorization header.
  const headers = {
    Authorization: mockCredentials.user.header('user:default/owner'),
  };
  for (const name of ['access-requests', 'agreements']) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < REQUESTS + 10; i++) {
      const product = refs[(i * 37) % refs.length];
      const started = process.hrtime.bigint();
      const response = await fetch(
        `${base}/${name}?product=${encodeURIComponent(product)}`,
        { headers },
      );
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`);
      }
      const body = JSON.parse(text);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i >= 10) times.push(ms); // the first ten warm up
      items = Math.max(items, body.items.length);
    }
    times.sort((a, b) => a - b);
    results[name] = {
      p50Ms: Number(percentile(times, 50).toFixed(1)),
      p95Ms: Number(percentile(times, 95).toFixed(1)),
      maxItems: items,
    };
  }
  server.close();
  await close();
  return results;
}

runEach(__filename, bench, { sizes: '100000', engines: 'sqlite,postgres' })
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Agreements | Listing (one product) | p50 (ms) | p95 (ms) | Items | p95 ≤ 100 ms |',
    );
    console.log('| --- | ---: | --- | ---: | ---: | ---: | --- |');
    for (const r of rows) {
      for (const name of ['access-requests', 'agreements']) {
        const e = r[name];
        console.log(
          `| ${r.engine} | ${r.agreementCount} | ${name} | ${e.p50Ms} | ${
            e.p95Ms
          } | ${e.maxItems} | ${e.p95Ms <= 100 ? 'yes' : 'NO'} |`,
        );
      }
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
