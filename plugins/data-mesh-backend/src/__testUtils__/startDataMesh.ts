import {
  BackendFeature,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventParams,
  eventsServiceRef,
  EventsServiceSubscribeOptions,
} from '@backstage/plugin-events-node';
import {
  createSyntheticGroups,
  createSyntheticProducts,
  perPluginDatabases,
  SYNTHETIC_DOMAINS,
} from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import request from 'supertest';
import { dataMeshPlugin } from '../plugin';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * In-memory SQLite for the backends started in a test file, destroyed after
 * its tests.
 */
export const testDatabase = () =>
  perPluginDatabases(() => databases.init('SQLITE_3'));

/** An in-process events service whose publish waits for the handlers. */
export function createTestEvents() {
  const subscriptions: EventsServiceSubscribeOptions[] = [];
  return {
    async subscribe(options: EventsServiceSubscribeOptions) {
      subscriptions.push(options);
    },
    async publish(params: EventParams) {
      for (const subscription of subscriptions) {
        if (subscription.topics.includes(params.topic)) {
          await subscription.onEvent(params);
        }
      }
    },
  };
}

/** Six Domain entities with titles, their groups and `count` synthetic products. */
export function exampleMesh(count = 12): Entity[] {
  return [
    ...createSyntheticGroups(),
    ...SYNTHETIC_DOMAINS.map(name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name, title: name[0].toUpperCase() + name.slice(1) },
      spec: { owner: `${name}-domain-team` },
    })),
    ...createSyntheticProducts(count),
  ];
}

/**
 * Starts a backend with the data-mesh plugin over an in-memory catalog; the
 * first sweep runs at start-up.
 */
export async function startDataMesh(
  options: {
    entities?: Entity[];
    /** Replaces the in-memory catalog over `entities`. */
    catalog?: ServiceFactory;
    /** More services, plugins or modules. */
    features?: BackendFeature[];
    /** Replaces the mock HTTP auth service (for example with Backstage's own). */
    httpAuth?: ServiceFactory;
    config?: JsonObject;
  } = {},
) {
  const events = createTestEvents();
  const { server } = await startTestBackend({
    features: [
      dataMeshPlugin,
      testDatabase(),
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? exampleMesh(),
        }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      // Requests without an Authorization header are anonymous, as in production.
      options.httpAuth ??
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
      ...(options.features ?? []),
    ],
  });
  return { server, api: request(server), events };
}
