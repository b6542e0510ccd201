import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AccessRequest,
  Agreement,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationClaimStore } from '../../database/NotificationClaimStore';
import {
  entityName,
  entityPageLink,
} from '../notifications/notificationPayloads';

/** The topics of access notifications. */
export const ACCESS_TOPICS = {
  requested: 'data-access-requested',
  decided: 'data-access-decided',
  expiring: 'data-agreement-expiring',
  provisioningFailed: 'data-agreement-provisioning-failed',
} as const;

/**
 * Tells people about access, through Backstage's notifications as the
 * governance notifier does: a product's owners of a new request, the
 * requester of the decision, the consumer (the requester) before an
 * agreement expires (once per agreement and expiry, claimed across
 * replicas), and the owners when provisioning fails. A failure is logged:
 * what was recorded stays recorded.
 */
export class AccessNotifier {
  constructor(
    private readonly deps: {
      /** Absent (some tests): nothing is sent. */
      notifications?: NotificationService;
      claims: NotificationClaimStore;
      logger: LoggerService;
    },
  ) {}

  async requested(request: AccessRequest, owner: string): Promise<void> {
    await this.#send([owner], request.requestedBy, {
      title: `Access to ${entityName(request.product)} requested`,
      description: `${entityName(request.consumer)} asks for port ${
        request.port
      } until ${request.until}: ${request.purpose}`,
      link: entityPageLink(request.product),
      topic: ACCESS_TOPICS.requested,
      severity: 'normal',
    });
  }

  async decided(request: AccessRequest): Promise<void> {
    await this.#send([request.requestedBy], undefined, {
      title: `Access to ${entityName(request.product)} ${request.status}`,
      description: `Port ${request.port} for ${entityName(request.consumer)}${
        request.comment ? `: ${request.comment}` : ''
      }`,
      link: entityPageLink(request.product),
      topic: ACCESS_TOPICS.decided,
      severity: request.status === 'rejected' ? 'high' : 'normal',
    });
  }

  async provisioningFailed(agreement: Agreement, owner: string): Promise<void> {
    await this.#send([owner], undefined, {
      title: `Access to ${entityName(agreement.product)} could not be granted`,
      description: `Agreement ${agreement.id} for ${entityName(
        agreement.consumer,
      )}: ${agreement.statusReason ?? ''}; retry it once fixed`,
      link: entityPageLink(agreement.product),
      topic: ACCESS_TOPICS.provisioningFailed,
      severity: 'high',
    });
  }

  /** Reminds each consumer once per agreement and expiry. */
  async expiring(agreements: Agreement[], now: string): Promise<void> {
    if (!this.deps.notifications || agreements.length === 0) return;
    const claimed = await this.deps.claims.claim(
      agreements.map(agreement => ({
        topic: ACCESS_TOPICS.expiring,
        entityRef: agreement.product,
        fingerprint: `${agreement.id}@${agreement.expiresAt}`,
        agreement,
      })),
      now,
    );
    for (const { agreement } of claimed) {
      await this.#send(
        [agreement.requestedBy ?? agreement.consumer],
        undefined,
        {
          title: `Access to ${entityName(
            agreement.product,
          )} expires ${agreement.expiresAt.slice(0, 10)}`,
          description: `Agreement for ${entityName(
            agreement.consumer,
          )} on port ${agreement.port}; renew it to keep access`,
          link: entityPageLink(agreement.product),
          topic: ACCESS_TOPICS.expiring,
          severity: 'normal',
        },
      );
    }
  }

  async #send(
    recipients: string[],
    excluded: string | undefined,
    payload: {
      title: string;
      description: string;
      link: string;
      topic: string;
      severity: 'high' | 'normal';
    },
  ): Promise<void> {
    if (!this.deps.notifications) return;
    try {
      await this.deps.notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipients,
          ...(excluded ? { excludeEntityRef: excluded } : {}),
        },
        payload,
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not send a data access notification: ${error}`,
      );
    }
  }
}
