import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  DigestContent,
  digestPayload,
  productPayload,
} from './notificationPayloads';
import { NOTIFICATION_TOPICS } from './notificationSettings';
import type { ProductEvent } from './productEvents';

/** The changes told to one set of recipients in a round. */
interface RecipientGroup {
  recipients: string[];
  excluded?: string;
  audience: { owner: string } | 'governance';
  /** Each product's changes, until more products than the threshold changed. */
  products?: Map<string, ProductEvent[]>;
  /** Then counts per topic and the first products. */
  digest?: DigestContent;
}

/**
 * What one sweep, one re-score or one request tells, grouped: one
 * notification per product and recipient, its changes folded; a recipient
 * with more products changed than the digest threshold gets one digest
 * instead. Memory is bounded by the threshold per recipient.
 */
export class NotificationRound {
  readonly #groups = new Map<string, RecipientGroup>();

  constructor(private readonly digestThreshold: number) {}

  /**
   * Adds claimed events. The events of one product and topic come in one
   * call (a product is written once per round), so a digest counts products.
   */
  add(events: ProductEvent[]): void {
    const counted = new Set<string>();
    for (const event of events) {
      const group = this.#group(event);
      if (group.products) {
        const known = group.products.get(event.entityRef);
        if (known) {
          known.push(event);
          continue;
        }
        if (group.products.size < this.digestThreshold) {
          group.products.set(event.entityRef, [event]);
          continue;
        }
        group.digest = this.#toDigest(group.products);
        group.products = undefined;
      }
      const digest = group.digest!;
      const key = `${event.entityRef}\u0000${event.topic}`;
      if (!counted.has(key)) {
        counted.add(key);
        digest.counts.set(
          event.topic,
          (digest.counts.get(event.topic) ?? 0) + 1,
        );
      }
      if (event.severity === 'high') {
        digest.severity = 'high';
      }
    }
  }

  #group(event: ProductEvent): RecipientGroup {
    const governance = event.topic === NOTIFICATION_TOPICS.waiverRequested;
    const key = JSON.stringify([
      governance,
      event.recipients,
      event.excluded ?? null,
    ]);
    let group = this.#groups.get(key);
    if (!group) {
      group = {
        recipients: event.recipients,
        ...(event.excluded ? { excluded: event.excluded } : {}),
        audience: governance ? 'governance' : { owner: event.recipients[0] },
        products: new Map(),
      };
      this.#groups.set(key, group);
    }
    return group;
  }

  #toDigest(products: Map<string, ProductEvent[]>): DigestContent {
    const digest: DigestContent = {
      counts: new Map(),
      listed: [...products.keys()],
      severity: 'normal',
    };
    for (const events of products.values()) {
      for (const topic of new Set(events.map(e => e.topic))) {
        digest.counts.set(topic, (digest.counts.get(topic) ?? 0) + 1);
      }
      if (events.some(e => e.severity === 'high')) {
        digest.severity = 'high';
      }
    }
    return digest;
  }

  /** The notifications to send: per product, or a digest per recipient. */
  notifications(): NotificationSendOptions[] {
    return [...this.#groups.values()].flatMap(group => {
      const recipients = {
        type: 'entity' as const,
        entityRef: group.recipients,
        ...(group.excluded ? { excludeEntityRef: group.excluded } : {}),
      };
      if (group.digest) {
        return [
          { recipients, payload: digestPayload(group.audience, group.digest) },
        ];
      }
      return [...group.products!.entries()].map(([entityRef, events]) => ({
        recipients,
        payload: productPayload(entityRef, events),
      }));
    });
  }
}
