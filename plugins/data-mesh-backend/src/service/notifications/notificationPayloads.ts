import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { ProductEvent } from './productEvents';
import {
  NOTIFICATION_TOPICS,
  NotificationTopic,
  TOPICS_FOREMOST_FIRST,
} from './notificationSettings';

/** How each topic heads a notification. */
const HEADLINES: Record<NotificationTopic, string> = {
  [NOTIFICATION_TOPICS.statusDropped]: 'status dropped',
  [NOTIFICATION_TOPICS.newErrorViolations]: 'new error-severity violations',
  [NOTIFICATION_TOPICS.errorBudgetExhausted]: 'SLO error budget exhausted',
  [NOTIFICATION_TOPICS.waiverExpiring]: 'a waiver expires soon',
  [NOTIFICATION_TOPICS.waiverRequested]: 'waiver requested',
  [NOTIFICATION_TOPICS.breakingChange]:
    'new major version with breaking changes',
};

/** The foremost of some topics (see TOPICS_FOREMOST_FIRST). */
export const foremostTopic = (topics: Iterable<NotificationTopic>) => {
  const present = new Set(topics);
  return TOPICS_FOREMOST_FIRST.find(topic => present.has(topic))!;
};

/** An entity's page in the catalog, as a relative link. */
export function entityPageLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/** An entity's name, with its namespace unless it is the default one. */
export function entityName(entityRef: string): string {
  const { namespace, name } = parseEntityRef(entityRef);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

const severityOf = (events: Array<Pick<ProductEvent, 'severity'>>) =>
  events.some(e => e.severity === 'high') ? 'high' : 'normal';

/**
 * One product's notification: every change of the round folded, the
 * foremost first; it carries the foremost topic and links to the product.
 */
export function productPayload(
  entityRef: string,
  events: ProductEvent[],
): NotificationPayload {
  const ordered = [...events].sort(
    (a, b) =>
      TOPICS_FOREMOST_FIRST.indexOf(a.topic) -
      TOPICS_FOREMOST_FIRST.indexOf(b.topic),
  );
  const topic = ordered[0].topic;
  const more = new Set(ordered.map(e => e.topic)).size - 1;
  return {
    title: `Data product ${entityName(entityRef)}: ${HEADLINES[topic]}${
      more > 0 ? ` (+${more} more)` : ''
    }`,
    description: ordered.map(e => e.line).join('\n'),
    link: entityPageLink(entityRef),
    severity: severityOf(ordered),
    topic,
  };
}

/** What a digest counts and lists. */
export interface DigestContent {
  /** Products per topic. */
  counts: Map<NotificationTopic, number>;
  /** The first products, listed with their links. */
  listed: string[];
  severity: 'high' | 'normal';
}

/**
 * One recipient's digest, when more products changed in a round than the
 * threshold: counts per topic and links to the first products. An owner's
 * digest links to the owner's page, governance's to the data mesh pages.
 */
export function digestPayload(
  audience: { owner: string } | 'governance',
  digest: DigestContent,
): NotificationPayload {
  const topic = foremostTopic(digest.counts.keys());
  const counts = TOPICS_FOREMOST_FIRST.filter(t => digest.counts.has(t)).map(
    t => `${HEADLINES[t]}: ${digest.counts.get(t)}`,
  );
  const whose =
    audience === 'governance' ? '' : ` of ${entityName(audience.owner)}`;
  return {
    title: `Data products${whose}: ${counts.join('; ')}`,
    description: [
      `Many data products${whose} changed at once (products per change: ${counts.join(
        '; ',
      )}). Among them:`,
      ...digest.listed.map(ref => `${entityName(ref)}: ${entityPageLink(ref)}`),
    ].join('\n'),
    link:
      audience === 'governance' ? '/data-mesh' : entityPageLink(audience.owner),
    severity: digest.severity,
    topic,
  };
}
