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
 * count adds to the baseline. Target: 1M agreements add at most 20%.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  benchCatalog,
  benchMesh,
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
    peakRssMb: swept.peakRssMb,
  };
}

runEach(__filename, bench, { sizes: '0,1000000', engines: 'sqlite' })
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Products | Agreements | Sweep (ms) | Added to the baseline | Peak RSS (MB) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const baseline = rows.find(
        b => b.engine === r.engine && b.agreements === 0,
      );
      const added = baseline
        ? `${(
            ((r.sweepMs - baseline.sweepMs) / baseline.sweepMs) *
            100
          ).toFixed(1)}%`
        : 'no baseline';
      console.log(
        `| ${r.engine} | ${r.products} | ${r.agreements} | ${r.sweepMs} | ${added} | ${r.peakRssMb} |`,
      );
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
