/*
 * KPI endpoints benchmark: seeds N synthetic products (swept into the
 * database, with their KPI facts) and 365 daily KPI snapshots, then times
 * GET /kpis and GET /kpis/history over HTTP.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:kpis [sizes] [engines]
 *
 * Prints p50/p95 latency and response size per endpoint, and a Markdown table.
 * `kpisAfterChange` times GET /kpis when the product facts changed before
 * every request, so the per-domain sums are recomputed each time.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { AddressInfo } from 'node:net';
import { DatabaseKpiSnapshotStore } from '../src/database/DatabaseKpiSnapshotStore';
import { createRouter } from '../src/router/createRouter';
import {
  benchCatalog,
  benchLogger,
  benchMesh,
  createBenchServices,
  openDatabase,
  runEach,
} from './benchHarness';

const REQUESTS = 100;
const DAYS = 365;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine);
  const { entities } = benchMesh(count);
  const catalog = benchCatalog(entities);
  const services = await createBenchServices(knex, catalog);
  await services.sweep.run();

  // A year of daily snapshots, the current KPIs drifting upwards.
  const { kpis } = await services.kpis.current(
    await mockServices.auth().getOwnServiceCredentials(),
    { all: true },
  );
  const snapshots = new DatabaseKpiSnapshotStore(knex);
  const today = Date.now();
  for (let d = DAYS - 1; d >= 0; d--) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    const factor = 1 - d / (DAYS * 2);
    await snapshots.save(
      day,
      kpis.map(k => ({
        ...k,
        value:
          k.value === null ? null : Math.round(k.value * factor * 100) / 100,
      })),
      new Date().toISOString(),
    );
  }

  const app = express();
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
  const from = new Date(today - (DAYS - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const endpoints: Record<string, string> = {
    kpis: '/kpis',
    kpisAfterChange: '/kpis',
    historyDaily: `/kpis/history?from=${from}&interval=day`,
    historyWeekly: `/kpis/history?from=${from}&interval=week`,
  };
  const results: Record<string, any> = {
    engine,
    products: count,
    snapshots: DAYS * kpis.length,
  };
  for (const [name, path] of Object.entries(endpoints)) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS + 5; i++) {
      if (name === 'kpisAfterChange') {
        // A product changed on some replica: the sums must be recomputed.
        await knex('kpi_state').update({
          facts_version: knex.raw('facts_version + 1'),
        });
      }
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i >= 5) times.push(ms); // the first five warm up
      bytes = Buffer.byteLength(text);
    }
    times.sort((a, b) => a - b);
    results[name] = {
      p50Ms: Number(percentile(times, 50).toFixed(1)),
      p95Ms: Number(percentile(times, 95).toFixed(1)),
      responseKb: Number((bytes / 1024).toFixed(1)),
    };
  }
  server.close();
  await close();
  return results;
}

runEach(__filename, bench)
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Products | Endpoint | p50 (ms) | p95 (ms) | Response (KB) |',
    );
    console.log('| --- | ---: | --- | ---: | ---: | ---: |');
    for (const r of rows) {
      for (const name of [
        'kpis',
        'kpisAfterChange',
        'historyDaily',
        'historyWeekly',
      ]) {
        const e = r[name];
        console.log(
          `| ${r.engine} | ${r.products} | ${name} | ${e.p50Ms} | ${e.p95Ms} | ${e.responseKb} |`,
        );
      }
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
