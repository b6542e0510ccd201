/*
 * Campaign progress benchmark: stores N scorecards (six domains, one product
 * in four failing a targeted rule, scores spread), then times what campaigns
 * compute in SQL: the progress per domain over the whole scope (the daily
 * tracking), the same for a caller who sees half the products (a visibility
 * snapshot), the first page of failing products, a whole tracking run, and
 * closing (every product's outcome written by one INSERT … SELECT).
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-backend bench:campaigns [sizes] [engines]
 *
 * Target: a campaign's progress at 100k products in at most 1 s.
 */
import type { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import { SYNTHETIC_DOMAINS } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { DatabaseCampaignStore } from '../src/database/DatabaseCampaignStore';
import { DatabaseScorecardStore } from '../src/database/DatabaseScorecardStore';
import { DatabaseVisibilitySnapshotStore } from '../src/database/DatabaseVisibilitySnapshotStore';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { EVERY_PRODUCT } from '../src/database/visibleProducts';
import { CampaignService } from '../src/service/campaigns/CampaignService';
import { benchLogger, openDatabase, runEach } from './benchHarness';

const TARGET_MS = 1000;
const RUNS = 10;
const NOW = '2026-12-01T10:00:00.000Z';

function card(i: number): Scorecard {
  const failing = i % 4 === 3;
  const domain = SYNTHETIC_DOMAINS[i % SYNTHETIC_DOMAINS.length];
  return {
    entityRef: `dataproduct:default/product-${i}`,
    score: failing ? 80 : 100 - (i % 3) * 5,
    status: failing ? 'fail' : 'pass',
    violations: failing
      ? [
          {
            ruleId: 'DOC-001',
            severity: 'error',
            message: 'No description',
            remediation: 'Describe it',
            path: 'metadata.description',
            waived: false,
          },
        ]
      : [],
    evaluatedAt: NOW,
    policyVersion: 'bench',
    domain: `domain:default/${domain}`,
    owner: `group:default/${domain}-domain-team`,
    type: i % 3 === 0 ? 'aggregate' : 'source-aligned',
    lifecycle: 'production',
  };
}

async function timed<T>(fn: () => Promise<T>) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function median(fn: () => Promise<unknown>) {
  await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return {
    p50Ms: Number(times[RUNS >> 1].toFixed(1)),
    maxMs: Number(times[RUNS - 1].toFixed(1)),
  };
}

async function bench(engine: string, count: number) {
  const { knex, close } = await openDatabase(engine);
  await applyDatabaseMigrations(knex);
  const seeding = await timed(async () => {
    const store = new DatabaseScorecardStore(knex);
    for (let start = 0; start < count; start += 5000) {
      const cards = [];
      for (let i = start; i < Math.min(count, start + 5000); i++)
        cards.push(card(i));
      await store.saveResults(cards, NOW);
    }
  });
  const half = new DatabaseVisibilitySnapshotStore(knex);
  const snapshotId = await half.begin('bench', NOW);
  const refs = Array.from(
    { length: count },
    (_, i) => card(i).entityRef,
  ).filter((_, i) => i % 2 === 0);
  for (let i = 0; i < refs.length; i += 5000) {
    await half.add(snapshotId, refs.slice(i, i + 5000));
  }
  await half.complete(snapshotId, NOW, refs.length);
  const seen = { all: false as const, snapshotId };

  const store = new DatabaseCampaignStore(knex);
  let now = new Date(NOW);
  const service = new CampaignService({
    store,
    rules: () => new Map([['DOC-001', 'enforced']]),
    logger: benchLogger,
    now: () => now,
  });
  const input = {
    name: 'Describe every product',
    ruleIds: ['DOC-001'],
    minScore: 85,
    scope: { types: ['source-aligned' as const] },
    targetShare: 0.99,
    deadline: '2026-12-31',
  };
  const created = await timed(() =>
    service.create(input, 'user:default/gov', EVERY_PRODUCT),
  );
  const campaign = (await store.get(created.value.id))!;
  const results: Record<string, any> = {
    engine,
    products: count,
    inScope: created.value.total,
    done: created.value.done,
    seedSeconds: Number((seeding.ms / 1000).toFixed(1)),
    createMs: Number(created.ms.toFixed(1)),
    progress: await median(() => store.progress(campaign, EVERY_PRODUCT)),
    progressHalfVisible: await median(() => store.progress(campaign, seen)),
    failingFirstPage: await median(() =>
      store.failing(campaign, EVERY_PRODUCT, { limit: 50 }),
    ),
    details: await median(() => service.details(campaign.id, EVERY_PRODUCT)),
  };
  now = new Date('2026-12-02T10:00:00.000Z');
  results.trackMs = Number((await timed(() => service.track())).ms.toFixed(1));
  results.closeMs = Number(
    (await timed(() => service.close(campaign.id))).ms.toFixed(1),
  );
  results.closedProgress = await median(() =>
    store.closedProgress(campaign.id, EVERY_PRODUCT),
  );
  results.withinTarget =
    results.progress.maxMs <= TARGET_MS && results.trackMs <= TARGET_MS;
  await close();
  return results;
}

runEach(__filename, bench, {
  sizes: '10000,100000',
  engines: 'sqlite,postgres',
})
  .then(rows => {
    if (!rows) return;
    console.log(
      `\n| Engine | Products | In scope | progress p50/max (ms) | half visible p50 (ms) | failing page p50 (ms) | track (ms) | close (ms) | ≤ ${TARGET_MS} ms |`,
    );
    console.log(
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.products} | ${r.inScope} | ${r.progress.p50Ms} / ${
          r.progress.maxMs
        } | ${r.progressHalfVisible.p50Ms} | ${r.failingFirstPage.p50Ms} | ${
          r.trackMs
        } | ${r.closeMs} | ${r.withinTarget ? 'yes' : 'NO'} |`,
      );
      if (!r.withinTarget) process.exitCode = 1;
    }
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
