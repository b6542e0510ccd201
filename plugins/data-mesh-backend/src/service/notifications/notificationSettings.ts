import { RootConfigService } from '@backstage/backend-plugin-api';
import { readGovernanceGroups } from '@datamesh-backstage/plugin-data-mesh-node';
import { readDurationMs, readNumber } from '../readConfig';

const DAY_MS = 86_400_000;

/**
 * The notification topics, by the name of their configuration key
 * (`dataMesh.notifications.<key>.enabled`). The values are the `topic` of
 * the notifications sent, which users can mute in Backstage's notification
 * settings.
 */
export const NOTIFICATION_TOPICS = {
  statusDropped: 'data-product-status-dropped',
  newErrorViolations: 'data-product-new-error-violations',
  errorBudgetExhausted: 'data-product-error-budget-exhausted',
  waiverExpiring: 'data-product-waiver-expiring',
  waiverRequested: 'data-product-waiver-requested',
  breakingChange: 'data-product-breaking-change',
} as const;

/** A notification topic's configuration key. */
export type NotificationTopicKey = keyof typeof NOTIFICATION_TOPICS;

/** A notification topic, as notifications carry it. */
export type NotificationTopic =
  (typeof NOTIFICATION_TOPICS)[NotificationTopicKey];

/**
 * The topics, foremost first: a notification that folds several changes of
 * a product (or a digest) carries the foremost topic among them.
 */
export const TOPICS_FOREMOST_FIRST: NotificationTopic[] = [
  NOTIFICATION_TOPICS.statusDropped,
  NOTIFICATION_TOPICS.breakingChange,
  NOTIFICATION_TOPICS.newErrorViolations,
  NOTIFICATION_TOPICS.errorBudgetExhausted,
  NOTIFICATION_TOPICS.waiverExpiring,
  NOTIFICATION_TOPICS.waiverRequested,
];

/** Who is told what, and how (see the backend's README). */
export interface NotificationSettings {
  /** The topics sent (every topic unless disabled). */
  enabledTopics: Set<NotificationTopic>;
  /**
   * More products than this of one recipient changing in one sweep are
   * told in one digest (10 by default).
   */
  digestThreshold: number;
  /** How long before an approved waiver expires its owners are told (7 days). */
  waiverLeadTimeMs: number;
  /** The groups told of waiver requests (`dataMesh.governanceGroups`). */
  governanceGroups: string[];
}

/**
 * Reads `dataMesh.notifications` and `dataMesh.governanceGroups`; a value
 * out of range stops start-up, naming the key.
 */
export function readNotificationSettings(
  config: RootConfigService,
): NotificationSettings {
  const enabledTopics = new Set<NotificationTopic>();
  for (const [key, topic] of Object.entries(NOTIFICATION_TOPICS)) {
    if (
      config.getOptionalBoolean(`dataMesh.notifications.${key}.enabled`) !==
      false
    ) {
      enabledTopics.add(topic);
    }
  }
  return {
    enabledTopics,
    digestThreshold: readNumber(
      config,
      'dataMesh.notifications.digestThreshold',
      10,
      { min: 1, max: 1000, integer: true },
    ),
    waiverLeadTimeMs: readDurationMs(
      config,
      'dataMesh.notifications.waiverExpiring.leadTime',
      7 * DAY_MS,
      90 * DAY_MS,
    ),
    governanceGroups: readGovernanceGroups(config),
  };
}
