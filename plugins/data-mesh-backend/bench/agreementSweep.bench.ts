/*
 * KPI sweep with agreements: sweeps BENCH_PRODUCTS synthetic products
 * (default 100000, the scale of the main sweep benchmark) into a fresh database holding N agreements, and compares
 * its time with the same sweep without agreements. Each page of products
 * reads its agreements in bulk (rule facts and KPI inputs).
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:agreement-sweep [sizes] [engines]
 *   sizes:   comma-separated agreement counts, default 0,1000000 (0 is the baseline)
 *   engines: sqlite,postgres
 *
 * Prints one JSON line per run and a Markdown table with the time each
 * count adds to the median baseline, in wall time and in CPU time (sizes
 * may repeat: 0,1000000,0,1000000 interleaves the runs). Target: 1M
 * agreements add at most 20%.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  benchCatalog,
  benchMesh,
  collectGarbage,
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';
import { seedAgreements } from './seedAgreements';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine);
  const { products, entities } = benchMesh(PRODUCTS);
  const services = await createBenchServices(knex, benchCatalog(entities));
  const seeded = await measure(() =>
    seedAgreements(knex, {
      products: products.map(p => stringifyEntityRef(p)),
      count,
    }),
  );
  // The seed's garbage is not the sweep's: collected before it is timed.
  collectGarbage();
  const swept = await measure(() => services.sweep.run());
  const [{ active }] = await knex('agreements')
    .where('status', 'active')
    .count({ active: '*' });
  await close();
  return {
    engine,
    agreements: count,
    activeAgreements: Number(active),
    products: PRODUCTS,
    seedMs: Math.round(seeded.ms),
    sweepMs: Math.round(swept.ms),
    sweepCpuMs: Math.round(swept.cpuMs),
    peakRssMb: swept.peakRssMb,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
};

runEach(__filename, bench, { sizes: '0,1000000', engines: 'sqlite' })
  .then(rows => {
    if (!rows) return;
    // Against the median of the baseline runs (sizes may repeat, e.g.
    // 0,1000000,0,1000000, to even out other work on the machine), in wall
    // time and in the CPU time the sweep used.
    const added = (r: Record<string, any>, key: string) => {
      const baselines = rows
        .filter(b => b.engine === r.engine && b.agreements === 0)
        .map(b => b[key]);
      if (!baselines.length) return 'no baseline';
      const base = median(baselines);
      return `${(((r[key] - base) / base) * 100).toFixed(1)}%`;
    };
    console.log(
      '\n| Engine | Products | Agreements | Sweep (ms) | Added | Sweep CPU (ms) | Added (CPU) | Peak RSS (MB) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.agreements} | ${
          r.sweepMs
        } | ${added(r, 'sweepMs')} | ${r.sweepCpuMs} | ${added(
          r,
          'sweepCpuMs',
        )} | ${r.peakRssMb} |`,
      );
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
