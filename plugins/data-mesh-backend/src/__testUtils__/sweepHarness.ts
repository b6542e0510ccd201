import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { createDataMeshServices } from '../service/createDataMeshServices';
import { exampleMesh } from './startDataMesh';

/** Where a fake catalog fails: its paged read, reference lookups, or lookups by ref. */
export type CatalogStage = 'stream' | 'references' | 'lookup';

/** Notifications and signals sent, as Backstage's services would receive them. */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  const signalled: string[] = [];
  const notifications: NotificationService = {
    async send(options) {
      sent.push(options);
    },
  };
  const signals: SignalsService = {
    async publish(signal) {
      signalled.push(signal.channel);
    },
  };
  return { sent, signalled, notifications, signals };
}

/**
 * The plugin's services over a real database and a catalog a test controls:
 * its entities, products its paged read misses, failures at each stage (the
 * paged read can fail from a given page on), and the clock. Notifications
 * and signals are recorded (`told`); replicas may share one recorder.
 */
export async function createSweepHarness(
  knex: Knex,
  options: {
    entities?: Entity[];
    pageSize?: number;
    config?: JsonObject;
    told?: ReturnType<typeof recordingNotifications>;
  } = {},
) {
  const told = options.told ?? recordingNotifications();
  let entities: Entity[] = options.entities ?? exampleMesh(12);
  const failures = new Map<CatalogStage, { error: Error; fromPage: number }>();
  let unread = new Set<string>();
  const fail = (stage: CatalogStage, page = 0) => {
    const failure = failures.get(stage);
    if (failure && page >= failure.fromPage) throw failure.error;
  };
  const catalog = catalogServiceMock.mock({
    async *streamEntities(request: any) {
      const streamed = entities.filter(e => !unread.has(e.metadata.name));
      let page = 0;
      for await (const items of catalogServiceMock({
        entities: streamed,
      }).streamEntities({ ...request, pageSize: options.pageSize ?? 1000 })) {
        fail('stream', page++);
        yield items;
      }
      fail('stream', page);
    },
    async getEntities(request: any) {
      return catalogServiceMock({ entities }).getEntities(request);
    },
    async getEntitiesByRefs(request: any) {
      fail(request.fields ? 'references' : 'lookup');
      return catalogServiceMock({ entities }).getEntitiesByRefs(request);
    },
  });
  let now = new Date('2026-11-20T10:00:00Z');
  const services = await createDataMeshServices({
    config: mockServices.rootConfig({
      data: options.config ?? {
        dataMesh: { governance: { history: { retentionDays: 30 } } },
      },
    }),
    logger: mockServices.logger.mock(),
    database: mockServices.database({ knex }),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    catalog,
    notifications: told.notifications,
    signals: told.signals,
    modulePacks: [],
    now: () => now,
  });
  return {
    ...services,
    told,
    knex,
    catalog,
    entities: () => entities,
    setEntities: (next: Entity[]) => {
      entities = next;
    },
    /** Makes the catalog fail at a stage (from a page of the paged read on), or heal. */
    failAt: (stage: CatalogStage, error?: Error, fromPage = 0) => {
      if (error) failures.set(stage, { error, fromPage });
      else failures.delete(stage);
    },
    missFromReads: (...names: string[]) => {
      unread = new Set(names);
    },
    setNow: (next: string) => {
      now = new Date(next);
    },
    historyRows: async () =>
      Number((await knex('scorecard_history').count({ n: '*' }))[0].n),
  };
}

/** What a test compares of a stored result. */
export interface StoredOutcome {
  score: number;
  status: string;
  stale: boolean;
}

/** The score and status of every stored product, by name. */
export async function storedOutcomes(
  knex: Knex,
): Promise<Record<string, StoredOutcome>> {
  const rows = await knex('scorecards')
    .orderBy('entity_ref')
    .select('entity_ref', 'score', 'status', 'stale');
  return Object.fromEntries(
    rows.map(row => [
      row.entity_ref.split('/')[1],
      { score: Number(row.score), status: row.status, stale: !!row.stale },
    ]),
  );
}
