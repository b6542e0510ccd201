import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  CampaignRecord,
  CampaignStore,
  OwnerCount,
} from '../../database/CampaignStore';
import type { NotificationClaimStore } from '../../database/NotificationClaimStore';
import {
  CampaignClosing,
  campaignPayload,
  CAMPAIGN_TOPICS,
} from './campaignPayloads';

/** Which campaign topics are sent (`dataMesh.notifications.<key>.enabled`). */
export function readCampaignTopics(config: RootConfigService) {
  return new Set(
    Object.entries(CAMPAIGN_TOPICS)
      .filter(
        ([key]) =>
          config.getOptionalBoolean(`dataMesh.notifications.${key}.enabled`) !==
          false,
      )
      .map(([, topic]) => topic),
  );
}

/**
 * Tells the owners of the products in a campaign's scope that do not meet
 * it yet, through Backstage's notifications: when the campaign starts, and
 * when it closes, with its outcome. Each owner is told once per campaign
 * and topic (claimed first, as the other notifications are), however often
 * the tracking runs and on whichever replica. Failures are logged: the
 * campaign stands.
 */
export class CampaignNotifier {
  constructor(
    private readonly deps: {
      store: Pick<CampaignStore, 'failingOwners'>;
      claims: NotificationClaimStore;
      /** Absent: nothing is claimed or sent. */
      notifications?: NotificationService;
      enabledTopics: ReadonlySet<string>;
      logger: LoggerService;
    },
  ) {}

  /** A campaign was started: owners of products not done yet are told. */
  started(campaign: CampaignRecord, now: Date): Promise<void> {
    return this.#tell(CAMPAIGN_TOPICS.campaignStarted, campaign, now, owner =>
      campaignPayload.started(campaign, owner),
    );
  }

  /** A campaign closed: owners of products still not done are told how it ended. */
  closed(
    campaign: CampaignRecord,
    closing: CampaignClosing,
    now: Date,
  ): Promise<void> {
    return this.#tell(CAMPAIGN_TOPICS.campaignClosed, campaign, now, owner =>
      campaignPayload.closed(campaign, closing, owner),
    );
  }

  async #tell(
    topic: string,
    campaign: CampaignRecord,
    now: Date,
    payload: (owner: OwnerCount) => ReturnType<typeof campaignPayload.started>,
  ): Promise<void> {
    const { notifications, claims, store, logger } = this.deps;
    if (!notifications || !this.deps.enabledTopics.has(topic)) {
      return;
    }
    try {
      const owners = await store.failingOwners(campaign);
      const claimed = await claims.claim(
        owners.map(owner => ({
          topic,
          entityRef: owner.owner,
          fingerprint: campaign.id,
          owner,
        })),
        now.toISOString(),
      );
      for (const { owner } of claimed) {
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner.owner },
          payload: payload(owner),
        });
      }
    } catch (error) {
      logger.warn(
        `Could not notify the owners of campaign "${campaign.name}": ${error}`,
      );
    }
  }
}
