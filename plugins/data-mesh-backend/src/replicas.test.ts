import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventParams,
  eventsServiceRef,
  EventsServiceSubscribeOptions,
} from '@backstage/plugin-events-node';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { Knex } from 'knex';
import { exampleMesh } from './__testUtils__/startDataMesh';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { startOnEach } from './__testUtils__/concurrentScenarios';
import { dataMeshPlugin } from './plugin';

/**
 * An events bus shared by replicas, as Backstage's events backend is: each
 * subscriber id gets each event once, on one of the replicas subscribed
 * with it (here in turn).
 */
function sharedEventsBus() {
  const subscribers = new Map<string, EventsServiceSubscribeOptions[]>();
  let turn = 0;
  const service = {
    async subscribe(options: EventsServiceSubscribeOptions) {
      subscribers.set(options.id, [
        ...(subscribers.get(options.id) ?? []),
        options,
      ]);
    },
    async publish(params: EventParams) {
      for (const replicas of subscribers.values()) {
        const chosen = replicas[turn++ % replicas.length];
        if (chosen.topics.includes(params.topic)) {
          await chosen.onEvent(params);
        }
      }
    },
  };
  return {
    service,
    factory: createServiceFactory({
      service: eventsServiceRef,
      deps: {},
      factory: () => service,
    }),
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Resolves once `condition` holds, checking every 100 ms, or after 30 s. */
async function waitUntil(condition: () => Promise<boolean>) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (await condition()) {
      return;
    }
    await sleep(100);
  }
}

// SQLite (one connection shared by both) and a real PostgreSQL server. The
// scenario waits for the replicas' real sweep interval; it runs on both
// databases at once, before the tests, which then check each one's outcome.
const databases = createTestDatabases();
const ids = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id === 'SQLITE_3' || id.startsWith('POSTGRES'));

const outcomes = startOnEach(ids, async (databaseId: TestDatabaseId) => {
  const knex: Knex = await databases.init(databaseId);
  const entities = exampleMesh();
  const bus = sharedEventsBus();
  const replica = () =>
    startTestBackend({
      features: [
        dataMeshPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        schedulerServiceFactory,
        bus.factory,
        mockServices.rootConfig.factory({
          data: {
            dataMesh: {
              governance: {
                schedule: {
                  frequency: 'PT1S',
                  timeout: 'PT30S',
                  initialDelay: 'PT0S',
                },
              },
            },
          },
        }),
      ],
    });
  const replicas = [await replica(), await replica()];
  try {
    // Until one sweep has scored every product.
    await waitUntil(
      async () => (await knex('sweeps').where('outcome', 'ok')).length > 0,
    );
    // The catalog changes products; each change is announced to the
    // replicas in turn, while they keep sweeping.
    for (const name of ['product-1', 'product-2', 'product-3']) {
      const product = entities.find(e => e.metadata.name === name)!;
      delete (product.spec as any).access.retention;
      await bus.service.publish({
        topic: DATA_PRODUCT_CHANGED_TOPIC,
        eventPayload: {
          entityRef: `dataproduct:default/${name}`,
          contentHash: productContentHash(product),
          processedAt: new Date().toISOString(),
        },
      });
    }
    await sleep(3000);
  } finally {
    await Promise.all(replicas.map(r => r.stop()));
  }
  return {
    sweeps: await knex('sweeps').orderBy('started_at'),
    history: await knex('scorecard_history')
      .orderBy(['entity_ref', 'id'])
      .select('entity_ref', 'status'),
    scorecards: Number((await knex('scorecards').count({ n: '*' }))[0].n),
  };
});

describe('two replicas sharing one database', () => {
  it.each(ids)(
    'run one sweep per interval and record each change once, on %p',
    async (databaseId: TestDatabaseId) => {
      const { sweeps, history, scorecards } = await outcomes(databaseId);

      expect(sweeps.length).toBeGreaterThanOrEqual(3);
      expect(sweeps.every(s => s.outcome === 'ok')).toBe(true);
      // Never two sweeps at once: each starts after the previous finished.
      for (let i = 1; i < sweeps.length; i++) {
        expect(sweeps[i].started_at >= sweeps[i - 1].finished_at).toBe(true);
      }
      // Every product scored once, the three changes recorded once each.
      const byProduct = new Map<string, string[]>();
      for (const row of history) {
        byProduct.set(row.entity_ref, [
          ...(byProduct.get(row.entity_ref) ?? []),
          row.status,
        ]);
      }
      expect(byProduct.size).toBe(12);
      expect(byProduct.get('dataproduct:default/product-1')).toEqual([
        'pass',
        'fail',
      ]);
      expect(history).toHaveLength(15);
      expect(scorecards).toBe(12);
    },
  );
});
