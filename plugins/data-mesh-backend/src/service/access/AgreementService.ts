import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Agreement } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  AccessProvisioner,
  AgreementProvisioningEvent,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { AgreementStore } from '../../database/AgreementStore';
import { AccessNotifier } from './AccessNotifier';

/** The actor the audit trail names for what the plugin does itself. */
export const PLUGIN_ACTOR = 'data-mesh';

const eventOf = (agreement: Agreement): AgreementProvisioningEvent => ({
  agreementId: agreement.id,
  product: agreement.product,
  port: agreement.port,
  consumer: agreement.consumer,
  fields: agreement.fields,
  purpose: agreement.purpose,
  expiresAt: agreement.expiresAt,
});

/**
 * The life of agreements after approval: provisioning through every
 * provisioner, revocation, expiry and retries. An agreement is `active` only
 * once every provisioner granted it; a failed grant leaves it
 * `provisioning-failed` (a failed removal `revoke-failed`) with the error,
 * visible and retried by `retry`, never half-granted silently.
 */
export class AgreementService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      agreements: AgreementStore;
      provisioners: AccessProvisioner[];
      notifier: AccessNotifier;
      /** The owner to tell of a failed grant. */
      ownerOf: (product: string) => Promise<string | undefined>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  #now() {
    return this.now().toISOString();
  }

  /** Grants a `provisioning` agreement; returns it as it then stands. */
  async provision(agreement: Agreement, actor: string): Promise<Agreement> {
    try {
      for (const provisioner of this.deps.provisioners) {
        await provisioner.grant(eventOf(agreement));
      }
    } catch (error) {
      const failed = await this.#move(agreement, {
        from: ['provisioning'],
        to: 'provisioning-failed',
        actor,
        action: 'grant-failed',
        reason: String(error),
      });
      const owner = await this.deps.ownerOf(agreement.product);
      if (owner) await this.deps.notifier.provisioningFailed(failed, owner);
      return failed;
    }
    return this.#move(agreement, {
      from: ['provisioning'],
      to: 'active',
      actor,
      action: 'granted',
    });
  }

  /** Revokes an agreement holding access, saying why; its access is removed. */
  async revoke(id: string, reason: string, actor: string): Promise<Agreement> {
    return this.#end(id, 'revoked', reason, actor);
  }

  /** Retries the failed grant or removal of an agreement. */
  async retry(id: string, actor: string): Promise<Agreement> {
    const agreement = await this.deps.agreements.get(id);
    if (agreement?.status === 'provisioning-failed') {
      const moved = await this.#move(agreement, {
        from: ['provisioning-failed'],
        to: 'provisioning',
        actor,
        action: 'grant-retried',
      });
      return this.provision(moved, actor);
    }
    if (agreement?.status === 'revoke-failed') {
      const ending = agreement.ending === 'expired' ? 'expired' : 'revoked';
      const moved = await this.#move(agreement, {
        from: ['revoke-failed'],
        to: 'revoking',
        actor,
        action: 'revoke-retried',
        reason: agreement.endReason,
        ending,
      });
      return this.#removeAccess(moved, ending, actor);
    }
    throw new ConflictError(
      `Agreement ${id} has nothing to retry (it is ${agreement?.status})`,
    );
  }

  /**
   * Ends every agreement whose expiry has passed (by the injected clock);
   * then reminds consumers of agreements expiring within `leadTimeMs`.
   * Returns how many expired.
   */
  async expireDue(leadTimeMs: number): Promise<number> {
    const now = this.now();
    const due = await this.deps.agreements.due(now.toISOString());
    let expired = 0;
    for (const agreement of due) {
      try {
        const ended = await this.#end(
          agreement.id,
          'expired',
          `expired at ${agreement.expiresAt}`,
          PLUGIN_ACTOR,
        );
        if (ended.status === 'expired') expired += 1;
      } catch (error) {
        this.deps.logger.warn(
          `Could not end agreement ${agreement.id}: ${error}`,
        );
      }
    }
    const expiring = await this.deps.agreements.expiring({
      from: now.toISOString(),
      to: new Date(now.getTime() + leadTimeMs).toISOString(),
    });
    await this.deps.notifier.expiring(expiring, now.toISOString());
    return expired;
  }

  async #end(
    id: string,
    ending: 'revoked' | 'expired',
    reason: string,
    actor: string,
  ): Promise<Agreement> {
    const agreement = await this.deps.agreements.transition(id, {
      from: ['active', 'provisioning-failed'],
      to: 'revoking',
      actor,
      action: ending === 'revoked' ? 'revoked' : 'expired',
      reason,
      ending,
      now: this.#now(),
    });
    if (!agreement) {
      throw new ConflictError(`Agreement ${id} holds no access to end`);
    }
    return this.#removeAccess(agreement, ending, actor);
  }

  async #removeAccess(
    agreement: Agreement,
    ending: 'revoked' | 'expired',
    actor: string,
  ): Promise<Agreement> {
    try {
      for (const provisioner of this.deps.provisioners) {
        await provisioner.revoke(eventOf(agreement));
      }
    } catch (error) {
      return this.#move(agreement, {
        from: ['revoking'],
        to: 'revoke-failed',
        actor,
        action: 'revoke-failed',
        reason: String(error),
      });
    }
    return this.#move(agreement, {
      from: ['revoking'],
      to: ending,
      actor,
      action: 'access-removed',
      reason: agreement.statusReason,
    });
  }

  async #move(
    agreement: Agreement,
    change: Omit<Parameters<AgreementStore['transition']>[1], 'now'>,
  ): Promise<Agreement> {
    const moved = await this.deps.agreements.transition(agreement.id, {
      ...change,
      now: this.#now(),
    });
    if (!moved) {
      throw new ConflictError(
        `Agreement ${agreement.id} changed meanwhile; look again`,
      );
    }
    return moved;
  }
}
