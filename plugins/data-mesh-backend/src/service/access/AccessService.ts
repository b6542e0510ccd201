import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AccessRequest,
  Agreement,
  DataProductEntityV1alpha1,
  dataMeshAccessApprovePermission,
  dataMeshAccessRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ExternalAccessApprover } from '@datamesh-backstage/plugin-data-mesh-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AccessRequestStore,
  AccessScope,
} from '../../database/AccessRequestStore';
import { CatalogReader } from '../CatalogReader';
import { PermissionGate } from '../PermissionGate';
import {
  accessProblems,
  approvalMode,
  approvedAutomatically,
} from './accessChecks';
import { AccessNotifier } from './AccessNotifier';
import { AccessSettings } from './accessSettings';
import { AgreementService, PLUGIN_ACTOR } from './AgreementService';

/** A request as the route validated its body. */
export interface AccessRequestBody {
  product: string;
  port: string;
  consumer: string;
  purpose: string;
  fields: string[];
  until: string;
  reviewer?: string;
  renews?: string;
}

/** Who a caller is, in the audit trail and as a requester. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** The owner of an entity as a full ref (default kind Group). */
export function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string'
    ? stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'Group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/**
 * Access requests: checked against the product's contract and access rules,
 * decided by the product's approval mode (manual, automatic, external), by
 * its owners or governance (`data-mesh.access.approve`), never by the
 * requester. An approval becomes an agreement, provisioned at once.
 */
export class AccessService {
  private readonly now: () => Date;
  private readonly gate: PermissionGate;

  constructor(
    private readonly deps: {
      requests: AccessRequestStore;
      agreementService: AgreementService;
      reader: CatalogReader;
      permissions: PermissionsService;
      notifier: AccessNotifier;
      settings: AccessSettings;
      externalApprover?: ExternalAccessApprover;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
    this.gate = new PermissionGate(deps);
  }

  async #entity(ref: string, credentials: BackstageCredentials, field: string) {
    const [entity] = await this.deps.reader.readByRefs([ref], credentials);
    if (!entity) {
      throw new NotFoundError(`${field}: no entity ${ref} in the catalog`);
    }
    return entity;
  }

  /** The domain of a consumer: its own, or its system's. */
  async #domainOf(consumer: Entity, credentials: BackstageCredentials) {
    const namespace = consumer.metadata.namespace ?? 'default';
    const spec = consumer.spec ?? {};
    let domain = typeof spec.domain === 'string' ? spec.domain : undefined;
    if (!domain && typeof spec.system === 'string') {
      const systemRef = stringifyEntityRef(
        parseEntityRef(spec.system, {
          defaultKind: 'System',
          defaultNamespace: namespace,
        }),
      );
      const [system] = await this.deps.reader.readByRefs(
        [systemRef],
        credentials,
      );
      domain =
        typeof system?.spec?.domain === 'string'
          ? system.spec.domain
          : undefined;
    }
    return domain
      ? stringifyEntityRef(
          parseEntityRef(domain, {
            defaultKind: 'Domain',
            defaultNamespace: namespace,
          }),
        )
      : undefined;
  }

  /**
   * Records a request: the caller must be allowed to request for the consumer (own
   * it), and the request must fit the product. Errors name `body` fields.
   */
  async request(
    body: AccessRequestBody,
    credentials: BackstageCredentials,
  ): Promise<AccessRequest> {
    await this.gate.authorize(credentials, dataMeshAccessRequestPermission, [
      body.consumer,
    ]);
    const product = (await this.#entity(
      body.product,
      credentials,
      'body.product',
    )) as DataProductEntityV1alpha1;
    const consumer = await this.#entity(
      body.consumer,
      credentials,
      'body.consumer',
    );
    const problems = accessProblems(
      product,
      body,
      this.deps.settings.piiPurposes,
    );
    if (problems.length) {
      throw new InputError(
        problems.map(p => `body.${p.field}: ${p.message}`).join('; '),
      );
    }
    const configured = approvalMode(product, this.deps.settings);
    const automatic =
      configured === 'automatic' &&
      approvedAutomatically(
        product,
        body.fields,
        await this.#domainOf(consumer, credentials),
      );
    const mode =
      configured === 'automatic' && !automatic ? 'manual' : configured;
    const created = await this.deps.requests.create(
      { ...body, mode, requestedBy: actorOf(credentials) },
      this.now().toISOString(),
    );
    if (automatic) {
      return this.#approve(created, {
        decidedBy: PLUGIN_ACTOR,
        comment:
          "Approved automatically: no PII, and the consumer is in the product's domain",
      });
    }
    if (mode === 'external') {
      await this.#submitExternally(created);
    }
    const owner = ownerOf(product);
    if (owner) await this.deps.notifier.requested(created, owner);
    return (await this.deps.requests.get(created.id)) ?? created;
  }

  async #submitExternally(request: AccessRequest) {
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

  /**
   * Asks to extend an active agreement until a later date: a new request
   * for the same access, checked and decided as any other.
   */
  async renew(
    agreement: Agreement,
    body: { until: string; reviewer?: string },
    credentials: BackstageCredentials,
  ): Promise<AccessRequest> {
    if (agreement.status !== 'active') {
      throw new ConflictError(
        `Only an active agreement can be renewed; it is ${agreement.status}`,
      );
    }
    if (body.until <= agreement.expiresAt) {
      throw new InputError(
        `body.until: must be after the agreement's expiry ${agreement.expiresAt}`,
      );
    }
    return this.request(
      {
        product: agreement.product,
        port: agreement.port,
        consumer: agreement.consumer,
        purpose: agreement.purpose,
        fields: agreement.fields,
        until: body.until,
        reviewer: body.reviewer,
        renews: agreement.id,
      },
      credentials,
    );
  }

  /** Approves or rejects a pending request as an owner or governance. */
  async decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; comment?: string },
    credentials: BackstageCredentials,
  ): Promise<AccessRequest> {
    const request = await this.deps.requests.get(id);
    if (!request) throw new NotFoundError(`No access request ${id}`);
    await this.gate.authorize(credentials, dataMeshAccessApprovePermission, [
      request.product,
    ]);
    const decidedBy = actorOf(credentials);
    if (request.status !== 'pending') {
      throw new ConflictError(`The request is already ${request.status}`);
    }
    if (decision.status === 'rejected') {
      const rejected = await this.deps.requests.reject(
        id,
        { decidedBy, comment: decision.comment },
        this.now().toISOString(),
      );
      if (!rejected)
        throw new ConflictError('The request changed meanwhile; look again');
      await this.deps.notifier.decided(rejected);
      return rejected;
    }
    if (request.requestedBy === decidedBy) {
      throw new NotAllowedError('Nobody may approve their own access request');
    }
    return this.#approve(request, { decidedBy, comment: decision.comment });
  }

  async #approve(
    request: AccessRequest,
    decision: { decidedBy: string; comment?: string },
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
   * Whose records the caller sees: their own, and those of the products
   * among `candidates` on which they hold `data-mesh.access.approve`.
   */
  async scopeOf(
    credentials: BackstageCredentials,
    candidates: string[],
    onlyOwn: boolean,
  ): Promise<AccessScope> {
    const requestedBy = actorOf(credentials);
    if (onlyOwn || candidates.length === 0) {
      return { requestedBy, products: [], onlyOwn };
    }
    const decisions = await this.deps.permissions.authorize(
      candidates.map(resourceRef => ({
        permission: dataMeshAccessApprovePermission,
        resourceRef,
      })),
      { credentials },
    );
    const products = candidates.filter(
      (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
    );
    return { requestedBy, products };
  }

  /** Requires `data-mesh.access.approve` on a product. */
  async requireApprover(
    credentials: BackstageCredentials,
    product: string,
  ): Promise<void> {
    await this.gate.authorize(credentials, dataMeshAccessApprovePermission, [
      product,
    ]);
  }
}
