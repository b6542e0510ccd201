/*
 * Governance sweep at scale: sweeps N synthetic products from a lazy catalog
 * (pages and lookups generated on the fly, nothing held) into a database on
 * disk, twice: a first sweep (every result written) and an unchanged
 * re-sweep. Each size runs in its own process, so that its peak memory is
 * its own: with the fleet neither in the catalog nor in the database's
 * memory, the figures are the plugin's.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:scale [sizes] [engines]
 *   sizes:   comma-separated, default 100000,1000000
 *   engines: sqlite (a temporary file, WAL; the default) and/or postgres
 *            (BENCH_POSTGRES_URL or BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING)
 *
 * Prints one JSON line per run and a Markdown table at the end.
 */
import { loadavg } from 'node:os';
import type { SweepRecord } from '../src/database/SweepLog';
import {
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';
import { lazySyntheticCatalog } from './lazySyntheticCatalog';

const mb = (bytes: number) => Math.round(bytes / 1048576);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

/** A first sweep and an unchanged re-sweep of `count` products. */
async function sweepTwice(
  sweep: { run: () => Promise<SweepRecord> },
  count: number,
) {
  const first = await measure(() => sweep.run());
  const again = await measure(() => sweep.run());
  for (const [name, run] of [
    ['first', first],
    ['unchanged', again],
  ] as const) {
    if (run.result.outcome !== 'ok' || run.result.productCount !== count) {
      throw new Error(`${name} sweep: ${JSON.stringify(run.result)}`);
    }
  }
  if (again.result.changedCount !== 0) {
    throw new Error(`unchanged sweep changed ${again.result.changedCount}`);
  }
  return { first, again };
}

async function bench(engine: string, count: number) {
  const load = loadavg()[0];
  const { knex, close, sizeMb } = await openDatabase(engine, {
    sqliteFile: true,
  });
  try {
    const { sweep } = await createBenchServices(
      knex,
      lazySyntheticCatalog(count),
    );
    const startRssMb = mb(process.memoryUsage().rss);
    const { first, again } = await sweepTwice(sweep, count);
    const dbMb = sizeMb?.();
    return {
      engine: engine === 'sqlite' ? 'sqlite (file, WAL)' : engine,
      products: count,
      firstSweepSeconds: seconds(first.ms),
      firstProductsPerSecond: rate(count, first.ms),
      unchangedSweepSeconds: seconds(again.ms),
      unchangedProductsPerSecond: rate(count, again.ms),
      startRssMb,
      peakRssMb: Math.max(first.peakRssMb, again.peakRssMb),
      // The kernel's high-water mark of the whole process, start-up included.
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakHeapUsedMb: Math.max(first.peakHeapUsedMb, again.peakHeapUsedMb),
      ...(dbMb !== undefined ? { databaseMb: dbMb } : {}),
      loadAverage: `${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
    };
  } finally {
    // The temporary database goes, whatever happened.
    await close();
  }
}

runEach(__filename, bench, { sizes: '100000,1000000', engines: 'sqlite' })
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Products | First sweep (s) | Products/s | Unchanged re-sweep (s) | Products/s | Start RSS (MB) | Peak RSS (MB) | Max RSS (MB) | Peak heap used (MB) | Database (MB) | Load average |',
    );
    console.log(
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.firstSweepSeconds} | ${
          r.firstProductsPerSecond
        } | ${r.unchangedSweepSeconds} | ${r.unchangedProductsPerSecond} | ${
          r.startRssMb
        } | ${r.peakRssMb} | ${r.maxRssMb} | ${r.peakHeapUsedMb} | ${
          r.databaseMb ?? '-'
        } | ${r.loadAverage} |`,
      );
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
