import { AgreementService } from './access/AgreementService';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EventsService } from '@backstage/plugin-events-node';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  DataProductChangedEvent,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { CampaignService } from './campaigns/CampaignService';
import { GovernanceSweep } from './GovernanceSweep';
import { KpiService } from './kpis/KpiService';
import { RescoreQueue } from './RescoreQueue';

/** Scheduler task id of the full sweep. */
export const SWEEP_TASK_ID = 'data-mesh-governance-sweep';

/** Scheduler task id of the daily KPI snapshot. */
export const KPI_SNAPSHOT_TASK_ID = 'data-mesh-kpi-snapshot';

/**
 * Schedules a global task (with several replicas sharing the database,
 * exactly one runs it per interval) on the schedule at `configKey`, or the
 * default one.
 */
async function scheduleGlobalTask(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  id: string;
  configKey: string;
  defaults: SchedulerServiceTaskScheduleDefinition;
  run: () => Promise<unknown>;
}) {
  const configured = options.config.getOptionalConfig(options.configKey);
  await options.scheduler.scheduleTask({
    id: options.id,
    scope: 'global',
    ...(configured
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
      : options.defaults),
    fn: async () => {
      await options.run();
    },
  });
}

/** Schedules the full sweep, every 30 minutes by default. */
export async function scheduleSweep(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  sweep: GovernanceSweep;
}) {
  await scheduleGlobalTask({
    config: options.config,
    scheduler: options.scheduler,
    id: SWEEP_TASK_ID,
    configKey: 'dataMesh.governance.schedule',
    defaults: {
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 15 },
    },
    run: () => options.sweep.run(),
  });
}

/**
 * Schedules the KPI snapshot, hourly by default: each run replaces the day's
 * snapshot, so every day has exactly one, taken from the latest data of that
 * day, even with several replicas.
 */
export async function scheduleKpiSnapshot(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  kpis: KpiService;
}) {
  await scheduleGlobalTask({
    config: options.config,
    scheduler: options.scheduler,
    id: KPI_SNAPSHOT_TASK_ID,
    configKey: 'dataMesh.kpis.snapshotSchedule',
    defaults: {
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
    },
    run: () => options.kpis.snapshot(),
  });
}

/**
 * Ends expired agreements and reminds consumers of those expiring soon,
 * hourly by default (`dataMesh.access.expirySchedule`), on one replica.
 */
export async function scheduleAgreementExpiry(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  agreementService: AgreementService;
  reminderLeadTimeMs: number;
}) {
  await scheduleGlobalTask({
    config: options.config,
    scheduler: options.scheduler,
    id: 'data-mesh-agreement-expiry',
    configKey: 'dataMesh.access.expirySchedule',
    defaults: {
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 2 },
    },
    run: async () => {
      await options.agreementService.expireDue(options.reminderLeadTimeMs);
    },
  });
}

/** Scheduler task id of campaign tracking. */
export const CAMPAIGN_TASK_ID = 'data-mesh-campaign-tracking';

/**
 * Records the progress of every open campaign and closes those that reached
 * their target or passed their deadline, hourly by default
 * (`dataMesh.campaigns.schedule`), on one replica: each run replaces the
 * day's point, so every day has one, from the latest scores of that day.
 */
export async function scheduleCampaignTracking(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  campaigns: CampaignService;
}) {
  await scheduleGlobalTask({
    config: options.config,
    scheduler: options.scheduler,
    id: CAMPAIGN_TASK_ID,
    configKey: 'dataMesh.campaigns.schedule',
    defaults: {
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 3 },
    },
    run: () => options.campaigns.track(),
  });
}

/**
 * The product an event names, and the version it names; nothing else of the
 * payload is used (and nothing malformed).
 */
function announced(
  payload: unknown,
): { entityRef: string; contentHash?: string } | undefined {
  const { entityRef, contentHash } = (payload ?? {}) as Partial<
    Record<keyof DataProductChangedEvent, unknown>
  >;
  try {
    if (typeof entityRef !== 'string') return undefined;
    const ref = parseEntityRef(entityRef);
    if (ref.kind.toLocaleLowerCase('en-US') !== 'dataproduct') return undefined;
    return {
      entityRef: stringifyEntityRef(ref),
      contentHash:
        typeof contentHash === 'string' && /^[0-9a-f]{64}$/.test(contentHash)
          ? contentHash
          : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * Re-scores each product the catalog module announces as changed. The event
 * only names the product: it is read again from the catalog (see
 * RescoreQueue).
 */
export async function subscribeToProductChanges(options: {
  events: EventsService;
  queue: RescoreQueue;
}) {
  await options.events.subscribe({
    id: 'data-mesh-rescoring',
    topics: [DATA_PRODUCT_CHANGED_TOPIC],
    onEvent: async ({ eventPayload }) => {
      const product = announced(eventPayload);
      if (product) {
        await options.queue.announce(product.entityRef, product.contentHash);
      }
    },
  });
}
