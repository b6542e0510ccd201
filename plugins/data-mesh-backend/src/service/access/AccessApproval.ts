import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { ExternalAccessApprover } from '@datamesh-backstage/plugin-data-mesh-node';
import type {
  AccessDecision,
  AccessRequestStore,
  StoredAccessRequest as AccessRequest,
} from '../../database/AccessRequestStore';
import type { AccessNotifier } from './AccessNotifier';
import type { AgreementService } from './AgreementService';

/**
 * What follows a decision to grant access, and the hand-over to an external
 * approval system: an approval becomes an agreement (provisioned at once) or
 * extends the renewed one; an external request gets the system's reference.
 */
export class AccessApproval {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      requests: AccessRequestStore;
      agreementService: AgreementService;
      notifier: AccessNotifier;
      externalApprover?: ExternalAccessApprover;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Approves a pending request; 409 when it was decided or closed meanwhile. */
  async approve(
    request: AccessRequest,
    decision: AccessDecision,
  ): Promise<AccessRequest> {
    const approved = await this.deps.requests.approve(
      request.id,
      decision,
      this.now().toISOString(),
    );
    if (!approved) {
      throw new ConflictError(
        request.renews
          ? 'The agreement to renew is no longer active'
          : 'The request changed meanwhile; look again',
      );
    }
    if (!request.renews) {
      await this.deps.agreementService.provision(
        approved.agreement,
        decision.decidedBy,
      );
    }
    await this.deps.notifier.decided(approved.request);
    return approved.request;
  }

  /**
   * Hands a request to the external approver, if one is installed; without
   * one, or when it fails, the product's owners decide it.
   */
  async submitExternally(request: AccessRequest): Promise<void> {
    const approver = this.deps.externalApprover;
    if (!approver) {
      this.deps.logger.warn(
        `Access request ${request.id} is in external mode, but no external approver is installed; its owners decide it`,
      );
      return;
    }
    try {
      const { reference } = await approver.submit({ ...request });
      await this.deps.requests.setExternalReference(request.id, reference);
    } catch (error) {
      this.deps.logger.warn(
        `Could not hand access request ${request.id} to the external approver; its owners decide it: ${error}`,
      );
    }
  }
}
