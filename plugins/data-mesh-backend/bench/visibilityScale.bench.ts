/*
 * What a caller whose catalog read permission is conditional costs at scale:
 * N products are swept from a lazy catalog (nothing held) into a database on
 * disk, then a user who may read all N of them (the worst case: a snapshot
 * as large as the fleet) asks for the `/domains` rollups twice (the first
 * call writes their visibility snapshot, the second reuses it), a page of
 * `/scorecards` sorted by score with its total, and the KPIs. Each size runs
 * in its own process; memory is sampled during each call after a garbage
 * collection, so that the figures are the call's.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:visibility [sizes] [engines]
 *   sizes:   comma-separated, default 100000,1000000
 *   engines: sqlite (a temporary file, WAL; the default) and/or postgres
 *
 * Prints one JSON line per run and a Markdown table at the end.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { listScorecards } from '../src/database/listScorecards';
import {
  createBenchServices,
  measure,
  openDatabase,
  runEach,
} from './benchHarness';
import { lazySyntheticCatalog } from './lazySyntheticCatalog';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number) => Math.round(bytes / 1048576);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

/** Reading the catalog is conditional for everyone: the catalog decides. */
const conditional = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
    })),
} as unknown as PermissionsService;

const user = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/ana' },
} as BackstageCredentials;

/** A call measured after a garbage collection: seconds, peak heap and RSS. */
async function call<T>(fn: () => Promise<T>) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const run = await measure(fn);
  return {
    result: run.result,
    seconds: seconds(run.ms),
    peakHeapMb: run.peakHeapUsedMb,
    heapGrowthMb: run.peakHeapUsedMb - mb(heapBefore),
    peakRssMb: run.peakRssMb,
  };
}

async function bench(engine: string, count: number) {
  const { knex, close, sizeMb } = await openDatabase(engine, {
    sqliteFile: true,
  });
  try {
    const services = await createBenchServices(
      knex,
      lazySyntheticCatalog(count),
      {},
      conditional,
    );
    const sweep = await measure(() => services.sweep.run());
    const dbBeforeMb = sizeMb?.();
    const domains = () =>
      services.visibility
        .visibleProducts(user)
        .then(visible => services.rollups.current(visible));
    // For comparison: a caller who may read every product (no snapshot).
    const everything = await call(() =>
      services.rollups.current({ all: true }),
    );
    const first = await call(domains);
    const again = await call(domains);
    if (first.result.mesh.productCount !== count) {
      throw new Error(`rollups counted ${first.result.mesh.productCount}`);
    }
    const page = await call(async () =>
      listScorecards(
        knex,
        { orderBy: 'score', order: 'desc', limit: 50 },
        await services.visibility.visibleProducts(user),
      ),
    );
    if (page.result.totalItems !== count) {
      throw new Error(`the list counted ${page.result.totalItems}`);
    }
    const kpis = await call(async () =>
      services.kpis.current(
        user,
        await services.visibility.visibleProducts(user),
      ),
    );
    const dbAfterMb = sizeMb?.();
    const figures = ({ result: _, ...rest }: { result: unknown }) => rest;
    return {
      engine: engine === 'sqlite' ? 'sqlite (file, WAL)' : engine,
      visibleProducts: count,
      sweepSeconds: seconds(sweep.ms),
      domainsEverythingVisible: figures(everything),
      domainsWritingSnapshot: figures(first),
      domainsReusingSnapshot: figures(again),
      scorecardsPage: figures(page),
      kpis: figures(kpis),
      ...(dbBeforeMb !== undefined && dbAfterMb !== undefined
        ? { snapshotDatabaseMb: dbAfterMb - dbBeforeMb }
        : {}),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await close();
  }
}

runEach(__filename, bench, { sizes: '100000,1000000', engines: 'sqlite' })
  .then(rows => {
    if (!rows) return;
    console.log(
      '\n| Engine | Visible products | Call | Seconds | Peak heap (MB) | Heap growth (MB) | Peak RSS (MB) |',
    );
    console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      for (const [name, f] of [
        ['/domains, every product visible', r.domainsEverythingVisible],
        ['/domains, snapshot written', r.domainsWritingSnapshot],
        ['/domains, snapshot reused', r.domainsReusingSnapshot],
        ['/scorecards page + total', r.scorecardsPage],
        ['/kpis', r.kpis],
      ]) {
        console.log(
          `| ${r.engine} | ${r.visibleProducts} | ${name} | ${f.seconds} | ${f.peakHeapMb} | ${f.heapGrowthMb} | ${f.peakRssMb} |`,
        );
      }
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
