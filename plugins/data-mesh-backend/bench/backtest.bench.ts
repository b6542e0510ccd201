/*
 * Policy dry-run with its backtest at scale: N synthetic products from a lazy
 * catalog (nothing held), each with stored history over the last 90 days
 * (inserted 10,000 products at a time: one entry before the window and three
 * in it, the rules broken changing between them), then a
 * dry-run of a proposed pack (one rule per severity; the error rule in grace)
 * that evaluates every product twice and replays the pack over the 90 days.
 * The history is read page by page with the catalog's pages, never for the
 * whole fleet at once. Each size runs in its own process.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:backtest [sizes] [engines]
 *   sizes:   comma-separated, default 100000 (target: 60 s at 100,000)
 *   engines: sqlite (a temporary file, WAL; the default) and/or postgres
 *
 * Prints one JSON line per run and a Markdown table at the end.
 */
import { Knex } from 'knex';
import { loadavg } from 'node:os';
import { applyDatabaseMigrations } from '../src/database/migrations';
import {
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';
import { lazySyntheticCatalog } from './lazySyntheticCatalog';

const DAY_MS = 86_400_000;
const SEED_BATCH = 10_000;
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

const proposedPack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'certification' },
  spec: {
    rules: [
      {
        id: 'CERT-001',
        title: 'Certified by governance',
        severity: 'error',
        state: 'grace',
        enforcedFrom: '2099-01-01',
        message: 'Not certified',
        condition: { required: ['certifiedBy'] },
      },
      {
        id: 'CERT-002',
        title: 'Description of at least 40 characters',
        severity: 'warning',
        condition: {
          properties: {
            metadata: {
              properties: { description: { minLength: 40 } },
            },
          },
        },
      },
    ],
  },
};

/**
 * Four history entries per product, in SQL: 120, 60, 30 and 5 days ago
 * (the first before the window), the product breaking SEC-002 on every
 * third entry and DOC-001 on every other product.
 */
async function seedHistory(knex: Knex, count: number, now: number) {
  const days = [120, 60, 30, 5];
  for (let start = 0; start < count; start += SEED_BATCH) {
    const end = Math.min(count, start + SEED_BATCH);
    const rows: Array<Record<string, unknown>> = [];
    for (let i = start; i < end; i += 1) {
      days.forEach((ago, entry) => {
        const rules = [
          ...((i + entry) % 3 === 0 ? ['SEC-002'] : []),
          ...(i % 2 === 0 ? ['DOC-001'] : []),
        ];
        rows.push({
          entity_ref: `dataproduct:default/product-${i}`,
          score: 100 - 10 * rules.length,
          status: rules.length ? 'fail' : 'pass',
          error_count: rules.length,
          warning_count: 0,
          rule_ids: JSON.stringify(rules),
          policy_version: 'bench',
          recorded_at: new Date(now - ago * DAY_MS).toISOString(),
          notes: null,
        });
      });
    }
    await knex.batchInsert('scorecard_history', rows, 100);
  }
}

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine, { sqliteFile: true });
  try {
    await applyDatabaseMigrations(knex);
    const seeded = await measure(() => seedHistory(knex, count, Date.now()));
    const services = await createBenchServices(
      knex,
      lazySyntheticCatalog(count),
      { dataMesh: { governance: { dryRun: { timeBudget: '10m' } } } },
    );
    const load = loadavg()[0];
    const cpu = process.cpuUsage();
    const run = await measure(() =>
      services.dryRun.run(proposedPack, { all: true }),
    );
    const used = process.cpuUsage(cpu);
    const { backtest } = run.result as any;
    if (run.result.evaluatedCount !== count) {
      throw new Error(`dry-run evaluated ${run.result.evaluatedCount}`);
    }
    return {
      engine: engine === 'sqlite' ? 'sqlite (file, WAL)' : engine,
      products: count,
      historyRows: count * 4,
      seedSeconds: seconds(seeded.ms),
      dryRunSeconds: seconds(run.ms),
      cpuSeconds: seconds((used.user + used.system) / 1000),
      productsPerSecond: Math.round(count / (run.ms / 1000)),
      backtestDays: backtest.days.length,
      lastDayFailing: backtest.days.at(-1).failingCount,
      peakRssMb: run.peakRssMb,
      peakHeapUsedMb: run.peakHeapUsedMb,
      loadAverage: `${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
    };
  } finally {
    await close();
  }
}

runEach(__filename, bench, { sizes: '100000', engines: 'sqlite' })
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Products | History rows | Dry-run with 90-day backtest (s) | CPU (s) | Products/s | Peak RSS (MB) | Load average |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.historyRows} | ${r.dryRunSeconds} | ${r.cpuSeconds} | ${r.productsPerSecond} | ${r.peakRssMb} | ${r.loadAverage} |`,
      );
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
