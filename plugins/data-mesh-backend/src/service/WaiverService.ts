import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  DataProductEntityV1alpha1,
  Waiver,
  WaiverSource,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { EVERY_PRODUCT } from '../database/visibleProducts';
import { WaiverStore } from '../database/WaiverStore';
import { CatalogReader } from './CatalogReader';
import { GovernanceService } from './GovernanceService';
import { GovernanceNotifier } from './notifications/GovernanceNotifier';
import {
  pickWaiver,
  waiverExpiryProblem,
  waiverRuleProblem,
} from './waiverChecks';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * Waiver requests and decisions: a waiver counts only once someone holding
 * `data-mesh.waiver.approve` approves it, and only while it names a rule
 * that applies to the product, has a reason, and expires within the
 * configured maximum. Each change re-scores the product.
 */
export class WaiverService {
  constructor(
    private readonly deps: {
      waivers: WaiverStore;
      governance: GovernanceService;
      reader: CatalogReader;
      /** Tells governance of new requests. */
      notifier: GovernanceNotifier;
      logger: LoggerService;
    },
  ) {}

  /** The product as the caller sees it in the catalog, or 404. */
  async #product(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<DataProductEntityV1alpha1> {
    const [product] = await this.deps.reader.readProducts(
      [entityRef],
      credentials,
    );
    if (!product) {
      throw new NotFoundError(`No data product ${entityRef}`);
    }
    return product;
  }

  /** Why a waiver of `ruleId` cannot count for the product, if it cannot. */
  #ruleProblem(product: DataProductEntityV1alpha1, ruleId: string) {
    return waiverRuleProblem(product, ruleId, this.deps.governance.policies);
  }

  /** Why an expiry cannot be approved now, if it cannot. */
  #expiryProblem(expiresAt: string) {
    const { maxWaiverDays } = this.deps.governance;
    return waiverExpiryProblem(expiresAt, {
      now: this.deps.governance.now(),
      maxWaiverDays,
    });
  }

  async #rescore(entityRef: string) {
    try {
      await this.deps.governance.rescore(entityRef);
    } catch (error) {
      this.deps.logger.warn(
        `Waiver of ${entityRef} recorded; re-scoring failed, the next sweep scores it: ${error}`,
      );
    }
  }

  /** Asks for a waiver: a pending request. Errors name fields of `where`. */
  async request(
    body: Pick<Waiver, 'entityRef' | 'ruleId' | 'reason' | 'expiresAt'>,
    credentials: UserCredentials,
    where: 'body' | 'input' = 'body',
  ): Promise<Waiver> {
    const product = await this.#product(body.entityRef, credentials);
    const ruleIssue = this.#ruleProblem(product, body.ruleId);
    if (ruleIssue) throw new InputError(`${where}.ruleId: ${ruleIssue}`);
    const expiryIssue = this.#expiryProblem(body.expiresAt);
    if (expiryIssue) throw new InputError(`${where}.expiresAt: ${expiryIssue}`);
    const waiver = await this.deps.waivers.request({
      ...body,
      requestedBy: credentials.principal.userEntityRef,
    });
    await this.deps.notifier.waiversRequested([waiver]);
    await this.#rescore(body.entityRef);
    return waiver;
  }

  /**
   * Approves or rejects the pending request of a rule, as its content stands
   * now: the product's spec is recorded first, so a declaration edited since
   * is the request decided. Nobody approves their own request.
   */
  async decide(
    target: { entityRef: string; ruleId: string; source?: WaiverSource },
    decision: { status: 'approved' | 'rejected'; comment?: string },
    credentials: UserCredentials,
  ): Promise<Waiver> {
    const { entityRef, ruleId } = target;
    const product = await this.#product(entityRef, credentials);
    const requested = await this.deps.waivers.syncDeclared([product]);
    await this.deps.notifier.waiversRequested(requested);
    const pending = pickWaiver(
      // The caller sees the product: #product read it as them.
      (
        await this.deps.waivers.list(
          { entityRef, status: 'pending' },
          EVERY_PRODUCT,
        )
      ).filter(w => w.ruleId === ruleId),
      target.source,
      'body.source',
    );
    if (!pending) {
      throw new ConflictError(`No pending waiver request of ${ruleId}`);
    }
    const decidedBy = credentials.principal.userEntityRef;
    if (decision.status === 'approved') {
      if (pending.requestedBy === decidedBy) {
        throw new NotAllowedError(
          'Nobody may approve their own waiver request',
        );
      }
      const expiry = this.#expiryProblem(pending.expiresAt);
      const problem =
        this.#ruleProblem(product, ruleId) ??
        (pending.reason.trim() ? undefined : 'it gives no reason') ??
        (expiry && `its expiry ${pending.expiresAt} ${expiry}`);
      if (problem) {
        throw new ConflictError(`The request cannot be approved: ${problem}`);
      }
    }
    const decided = await this.deps.waivers.decide(pending, pending, {
      ...decision,
      decidedBy,
    });
    if (!decided) {
      throw new ConflictError('The request changed meanwhile; look again');
    }
    await this.#rescore(entityRef);
    return decided;
  }

  /** Revokes an approved waiver of a rule. */
  async revoke(
    target: { entityRef: string; ruleId: string; source?: WaiverSource },
    credentials: UserCredentials,
  ): Promise<void> {
    const { entityRef, ruleId } = target;
    const approved = pickWaiver(
      // Whoever may approve the product's waivers may revoke them.
      (
        await this.deps.waivers.list(
          { entityRef, status: 'approved' },
          EVERY_PRODUCT,
        )
      ).filter(w => w.ruleId === ruleId),
      target.source,
      'query.source',
    );
    if (
      !approved ||
      !(await this.deps.waivers.decide(approved, approved, {
        status: 'revoked',
        decidedBy: credentials.principal.userEntityRef,
      }))
    ) {
      throw new NotFoundError(
        `No approved waiver of ${ruleId} for ${entityRef}`,
      );
    }
    await this.#rescore(entityRef);
  }
}
