/*
 * Governance sweep benchmark: seeds N synthetic products in an in-memory
 * catalog and sweeps them into a real database, then measures an
 * incremental change through the events bus. The same sweeps run again on
 * a fresh database with product versions off (no version kept, no
 * breaking-change check) and on: the first sweeps, then the median of five
 * unchanged re-sweeps of each, taken in turns (on PostgreSQL after an
 * ANALYZE, as autovacuum runs after the first sweep's inserts), printed
 * with what the check adds.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench [sizes] [engines]
 *   sizes:   comma-separated, default 10000,100000
 *   engines: sqlite,postgres (postgres needs BENCH_POSTGRES_URL or
 *            BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING)
 *
 * Prints one JSON line per run and a Markdown table at the end.
 */
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { subscribeToProductChanges } from '../src/service/governanceTasks';
import { loadavg } from 'node:os';
import { RescoreQueue } from '../src/service/RescoreQueue';
import {
  benchCatalog,
  benchLogger,
  benchMesh,
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';

const WITHOUT_VERSIONS = {
  dataMesh: { governance: { versions: { enabled: false } } },
};

/** Unchanged re-sweeps per configuration, interleaved; the median counts. */
const ROUNDS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The check's share of a sweep: two fresh databases, one with product
 * versions off and one with them on, each swept once (the first sweep),
 * then re-swept unchanged in turns, the order alternating each round, so
 * that a change of the machine's load or of the heap weighs on both alike.
 */
async function compareWithoutAndWith(engine: string, entities: any[]) {
  const configs = { without: WITHOUT_VERSIONS, with: {} };
  const runs = [];
  for (const [name, config] of Object.entries(configs)) {
    const { knex, close } = await openDatabase(engine);
    const { sweep } = await createBenchServices(
      knex,
      benchCatalog(entities),
      config,
    );
    const cold = await measure(() => sweep.run());
    runs.push({ name, knex, close, sweep, coldMs: cold.ms, warm: [] as any[] });
  }
  if (engine === 'postgres') {
    // What autovacuum does minutes after a first sweep's inserts: without
    // statistics the planner may scan whole tables for a page's rows.
    for (const run of runs) await run.knex.raw('ANALYZE');
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? runs : [...runs].reverse();
    for (const run of order) {
      // CPU time of this process as well: on SQLite (in memory) it is all
      // the work, and it moves less with the machine's load than wall time.
      run.warm.push(await measure(() => run.sweep.run()));
    }
  }
  for (const run of runs) await run.close();
  const [without, withCheck] = runs.map(run => ({
    coldMs: run.coldMs,
    warmMs: median(run.warm.map(w => w.ms)),
    warmCpuMs: median(run.warm.map(w => w.cpuMs)),
  }));
  return { without, withCheck };
}

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine);
  let queries = 0;
  knex.on('query', () => {
    queries += 1;
  });
  const { products, entities } = benchMesh(count);
  const { sweep, governance, scorecards } = await createBenchServices(
    knex,
    benchCatalog(entities),
  );
  if (global.gc) global.gc();

  queries = 0;
  const cold = await measure(() => sweep.run());
  const coldQueries = queries;
  queries = 0;
  const warm = await measure(() => sweep.run());
  const warmQueries = queries;

  // One product changes in the catalog: from the event to the stored score.
  const events = DefaultEventsService.create({ logger: benchLogger });
  const queue = new RescoreQueue({ governance, logger: benchLogger });
  await subscribeToProductChanges({ events, queue });
  // The catalog serves the changed product (the bench catalog holds the
  // objects themselves), then announces it.
  const changed = products[Math.floor(count / 2)];
  delete changed.spec.access;
  changed.metadata.etag = 'etag-changed';
  const ref = `dataproduct:default/${changed.metadata.name}`;
  const emitted = process.hrtime.bigint();
  await events.publish({
    topic: DATA_PRODUCT_CHANGED_TOPIC,
    eventPayload: {
      entityRef: ref,
      contentHash: productContentHash(changed),
      processedAt: new Date().toISOString(),
    },
  });
  let updated = await scorecards.get(ref);
  while (!updated?.violations.some(v => v.ruleId === 'SEC-001')) {
    await new Promise(resolve => setTimeout(resolve, 5));
    updated = await scorecards.get(ref);
  }
  const changeMs = Number(process.hrtime.bigint() - emitted) / 1e6;
  await close();

  // The breaking-change check's share: the same sweeps with and without it.
  const fresh = benchMesh(count).entities;
  const { without, withCheck } = await compareWithoutAndWith(engine, fresh);
  const overhead = (a: number, b: number) =>
    Number((((a - b) / b) * 100).toFixed(1));
  return {
    engine,
    products: count,
    coldSweepSeconds: Number((cold.ms / 1000).toFixed(2)),
    coldProductsPerSecond: Math.round(count / (cold.ms / 1000)),
    coldQueriesPerProduct: Number((coldQueries / count).toFixed(3)),
    warmSweepSeconds: Number((warm.ms / 1000).toFixed(2)),
    warmQueriesPerProduct: Number((warmQueries / count).toFixed(4)),
    peakRssMb: Math.max(cold.peakRssMb, warm.peakRssMb),
    changeToScoreMs: Number(changeMs.toFixed(1)),
    changedOnCold: cold.result.changedCount,
    coldWithoutVersionsSeconds: Number((without.coldMs / 1000).toFixed(2)),
    coldWithVersionsSeconds: Number((withCheck.coldMs / 1000).toFixed(2)),
    coldVersionsOverheadPercent: overhead(withCheck.coldMs, without.coldMs),
    warmWithoutCheckSeconds: Number((without.warmMs / 1000).toFixed(2)),
    warmWithCheckSeconds: Number((withCheck.warmMs / 1000).toFixed(2)),
    warmCheckOverheadPercent: overhead(withCheck.warmMs, without.warmMs),
    warmCpuWithoutCheckSeconds: Number((without.warmCpuMs / 1000).toFixed(2)),
    warmCpuWithCheckSeconds: Number((withCheck.warmCpuMs / 1000).toFixed(2)),
    warmCpuCheckOverheadPercent: overhead(
      withCheck.warmCpuMs,
      without.warmCpuMs,
    ),
    loadAverage: loadavg()[0].toFixed(1),
  };
}

runEach(__filename, bench)
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Products | First sweep (s) | Products/s | Queries/product | Unchanged re-sweep (s) | Peak RSS (MB) | Change → score (ms) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.coldSweepSeconds} | ${r.coldProductsPerSecond} | ${r.coldQueriesPerProduct} | ${r.warmSweepSeconds} | ${r.peakRssMb} | ${r.changeToScoreMs} |`,
      );
    }
    console.log(
      '\n| Engine | Products | First sweep without / with versions (s) | Overhead | Re-sweep without / with check (s) | Overhead (target ≤ 10%) | Re-sweep CPU without / with (s) | CPU overhead | Load |',
    );
    console.log(
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.coldWithoutVersionsSeconds} / ${r.coldWithVersionsSeconds} | ${r.coldVersionsOverheadPercent}% | ${r.warmWithoutCheckSeconds} / ${r.warmWithCheckSeconds} | ${r.warmCheckOverheadPercent}% | ${r.warmCpuWithoutCheckSeconds} / ${r.warmCpuWithCheckSeconds} | ${r.warmCpuCheckOverheadPercent}% | ${r.loadAverage} |`,
      );
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
