import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { AccessProvisioner } from '@datamesh-backstage/plugin-data-mesh-node';
import type { StoredAgreement as Agreement } from '../../database/AccessRequestStore';
import { AgreementStore } from '../../database/AgreementStore';
import { AccessNotifier } from './AccessNotifier';
import type { AgreementEdgeRefresh } from './agreementEdgeRefresh';
import { expireAndRemind } from './agreementExpiry';
import { provisionAll } from './provisioningEvents';

/**
 * The life of agreements after approval: provisioning through every
 * provisioner, revocation, expiry and retries. An agreement is `active` only
 * once every provisioner granted it; a failed grant leaves it
 * `provisioning-failed` (a failed removal `revoke-failed`) with the error,
 * visible and retried by `retry`, never half-granted silently. Ending an
 * agreement closes its pending renewals. Whenever an agreement becomes
 * active or ends, the catalog is asked to redraw its edge.
 */
export class AgreementService {
  private readonly now: () => Date;
  private readonly refreshEdge: AgreementEdgeRefresh;

  constructor(
    private readonly deps: {
      agreements: AgreementStore;
      provisioners: AccessProvisioner[];
      notifier: AccessNotifier;
      /** The owner to tell of a failed grant. */
      ownerOf: (product: string) => Promise<string | undefined>;
      /** Redraws the agreement's edge in the catalog; none by default. */
      refreshEdge?: AgreementEdgeRefresh;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
    this.refreshEdge = deps.refreshEdge ?? (async () => {});
  }

  /** Grants a `provisioning` agreement; returns it as it then stands. */
  async provision(agreement: Agreement, actor: string): Promise<Agreement> {
    try {
      await provisionAll(this.deps.provisioners, 'grant', agreement);
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
    const active = await this.#move(agreement, {
      from: ['provisioning'],
      to: 'active',
      actor,
      action: 'granted',
    });
    await this.refreshEdge(active);
    return active;
  }

  /** Revokes an agreement holding access, saying why; its access is removed. */
  async revoke(id: string, reason: string, actor: string): Promise<Agreement> {
    return this.end(id, 'revoked', reason, actor);
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
    return expireAndRemind(
      { ...this.deps, end: this.end.bind(this) },
      this.now(),
      leadTimeMs,
    );
  }

  /**
   * Ends an agreement holding access (revoked or expired) and removes its
   * access; its pending renewals are rejected in the same transaction.
   */
  async end(
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
      now: this.now().toISOString(),
    });
    if (!agreement) {
      throw new ConflictError(`Agreement ${id} holds no access to end`);
    }
    // The edge goes as soon as the agreement stops being active.
    await this.refreshEdge(agreement);
    return this.#removeAccess(agreement, ending, actor);
  }

  async #removeAccess(
    agreement: Agreement,
    ending: 'revoked' | 'expired',
    actor: string,
  ): Promise<Agreement> {
    try {
      await provisionAll(this.deps.provisioners, 'revoke', agreement);
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
      now: this.now().toISOString(),
    });
    if (!moved) {
      throw new ConflictError(
        `Agreement ${agreement.id} changed meanwhile; look again`,
      );
    }
    return moved;
  }
}
