import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startOnEach } from '../__testUtils__/concurrentScenarios';
import { GovernanceSweep } from './GovernanceSweep';
import { KPI_IDS } from '@datamesh-backstage/plugin-data-mesh-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseKpiSnapshotStore } from '../database/DatabaseKpiSnapshotStore';
import {
  scheduleKpiSnapshot,
  scheduleSweep,
  SWEEP_TASK_ID,
} from './governanceTasks';
import { KpiService } from './kpis/KpiService';

const CADENCE_MS = 1000;
const RUN_MS = 5000;

type Run = { replica: number; started: number; finished: number };

/** A backend replica's scheduler over the shared database, as the plugin gets it. */
function replicaScheduler(knex: Knex) {
  const lifecycle = mockServices.rootLifecycle.mock();
  return DefaultSchedulerService.create({
    database: mockServices.database({ knex }),
    logger: mockServices.logger.mock(),
    metrics: metricsServiceMock.mock(),
    rootLifecycle: lifecycle,
    httpRouter: mockServices.httpRouter.mock(),
    pluginMetadata: { getId: () => 'data-mesh' },
  });
}

/** A sweep that records when each replica ran it. */
function recordingSweep(replica: number, runs: Run[]) {
  return {
    run: async () => {
      const started = Date.now();
      await new Promise(resolve => setTimeout(resolve, 50));
      runs.push({ replica, started, finished: Date.now() });
    },
  } as unknown as GovernanceSweep;
}

const config = mockServices.rootConfig({
  data: {
    dataMesh: {
      governance: {
        schedule: {
          frequency: { milliseconds: CADENCE_MS },
          timeout: { seconds: 30 },
        },
      },
      kpis: {
        snapshotSchedule: {
          frequency: { milliseconds: CADENCE_MS },
          timeout: { seconds: 30 },
        },
      },
    },
  },
});

/**
 * Starts a schedule on two replicas' schedulers over `knex`, lets them run for
 * `ms` of real time (the database's clock decides when a global task is due),
 * then stops both.
 */
async function onTwoReplicasFor(
  knex: Knex,
  ms: number,
  schedule: (scheduler: SchedulerService, replica: number) => Promise<void>,
) {
  const aborts = [new AbortController(), new AbortController()];
  for (const [replica, abort] of aborts.entries()) {
    const scheduler = replicaScheduler(knex);
    const scheduleTask = scheduler.scheduleTask.bind(scheduler);
    scheduler.scheduleTask = task =>
      scheduleTask({ ...task, signal: abort.signal });
    await schedule(scheduler, replica);
  }
  await new Promise(resolve => setTimeout(resolve, ms));
  aborts.forEach(abort => abort.abort());
}

// The scenarios below wait for real time; they run on every database at
// once, before the tests, which then check each one's outcome. Each has its
// own TestDatabases: one starts each engine once, not twice at the same time.
const sweepDatabases = createTestDatabases();
const ids = sweepDatabases.eachSupportedId().map(([id]) => id);

const globalSweepRuns = startOnEach(ids, async databaseId => {
  const knex = await sweepDatabases.init(databaseId);
  const runs: Run[] = [];
  await onTwoReplicasFor(knex, RUN_MS, (scheduler, replica) =>
    scheduleSweep({ config, scheduler, sweep: recordingSweep(replica, runs) }),
  );
  return runs;
});

const controlDatabases = createTestDatabases();
const localSweepRuns = startOnEach(['SQLITE_3'], async databaseId => {
  const knex = await controlDatabases.init(databaseId);
  const runs: Run[] = [];
  await onTwoReplicasFor(knex, RUN_MS, (scheduler, replica) =>
    scheduler.scheduleTask({
      id: SWEEP_TASK_ID,
      scope: 'local',
      frequency: { milliseconds: CADENCE_MS },
      timeout: { seconds: 30 },
      fn: async () => {
        await recordingSweep(replica, runs).run();
      },
    }),
  );
  return runs;
});

const kpiDatabases = createTestDatabases();
const kpiSnapshots = startOnEach(ids, async databaseId => {
  const knex = await kpiDatabases.init(databaseId);
  await applyDatabaseMigrations(knex);
  const snapshots = new DatabaseKpiSnapshotStore(knex);
  let runs = 0;
  // Each run takes the day's snapshot again, as KpiService.snapshot does.
  const kpis = {
    snapshot: async () => {
      runs += 1;
      const now = new Date().toISOString();
      await snapshots.save(
        now.slice(0, 10),
        KPI_IDS.map(id => ({ id, value: runs, byDomain: [] } as any)),
        now,
      );
    },
  } as unknown as KpiService;
  await onTwoReplicasFor(knex, 3500, scheduler =>
    scheduleKpiSnapshot({ config, scheduler, kpis }),
  );
  const rows = await knex('kpi_snapshots').select('day', 'kpi_id', 'value');
  return { runs, rows };
});

describe('the scheduled sweep with two backend replicas', () => {
  it.each(ids)(
    'runs exactly one sweep per interval on %p',
    async databaseId => {
      const runs = await globalSweepRuns(databaseId);

      // About one run per interval in all (two uncoordinated replicas would
      // give twice as many, see the control below), never two at once.
      expect(runs.length).toBeGreaterThanOrEqual(RUN_MS / CADENCE_MS - 2);
      expect(runs.length).toBeLessThanOrEqual(RUN_MS / CADENCE_MS + 1);
      runs.sort((a, b) => a.started - b.started);
      for (let i = 1; i < runs.length; i++) {
        expect(runs[i].started).toBeGreaterThanOrEqual(runs[i - 1].finished);
      }
    },
  );

  it('control: the same schedule with local scope runs on both replicas', async () => {
    const runs = await localSweepRuns('SQLITE_3');
    expect(new Set(runs.map(run => run.replica)).size).toBe(2);
    expect(runs.length).toBeGreaterThan(RUN_MS / CADENCE_MS + 1);
  });
});

describe('the KPI snapshot with two backend replicas', () => {
  it.each(ids)(
    'keeps exactly one snapshot per KPI per day on %p',
    async databaseId => {
      const { runs, rows } = await kpiSnapshots(databaseId);
      expect(runs).toBeGreaterThanOrEqual(2);
      expect(rows).toHaveLength(KPI_IDS.length);
      expect(new Set(rows.map(row => row.day)).size).toBe(1);
      // The day's snapshot is the last run's.
      expect(rows.every(row => Number(row.value) === runs)).toBe(true);
    },
  );
});
