import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  dataMeshAccessApprovePermission,
  dataMeshAccessRequestPermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { ExternalAccessApprover } from '@datamesh-backstage/plugin-data-mesh-node';
import {
  AccessRequestStore,
  StoredAccessRequest as AccessRequest,
  StoredAgreement as Agreement,
} from '../../database/AccessRequestStore';
import { CatalogReader } from '../CatalogReader';
import { PermissionGate } from '../PermissionGate';
import {
  AccessRequestBody,
  accessProblems,
  approvalMode,
  approvedAutomatically,
} from './accessChecks';
import { AccessNotifier } from './AccessNotifier';
import {
  actorOf,
  consumerDomain,
  ownerOf,
  readConsumer,
  readProduct,
} from './accessParties';
import { AccessSettings } from './accessSettings';
import { AccessApproval } from './AccessApproval';
import { AgreementService } from './AgreementService';
import { PLUGIN_ACTOR } from './provisioningEvents';

/**
 * Access requests: checked against the product's contract and access rules,
 * decided by the product's approval mode (manual, automatic, external), by
 * its owners or governance (`data-mesh.access.approve`), never by the
 * requester. An approval becomes an agreement, provisioned at once.
 */
export class AccessService {
  private readonly now: () => Date;
  private readonly gate: PermissionGate;
  private readonly approval: AccessApproval;

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
    this.approval = new AccessApproval(deps);
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
    const { reader } = this.deps;
    const product = await readProduct(reader, body.product, credentials);
    const consumer = await readConsumer(reader, body.consumer, credentials);
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
        await consumerDomain(reader, consumer, credentials),
      );
    const mode =
      configured === 'automatic' && !automatic ? 'manual' : configured;
    const created = await this.deps.requests.create(
      { ...body, mode, requestedBy: actorOf(credentials) },
      this.now().toISOString(),
    );
    if (automatic) {
      return this.approval.approve(created, {
        decidedBy: PLUGIN_ACTOR,
        comment:
          "Approved automatically: no PII, and the consumer is in the product's domain",
      });
    }
    if (mode === 'external') {
      await this.approval.submitExternally(created);
    }
    const owner = ownerOf(product);
    if (owner) await this.deps.notifier.requested(created, owner);
    return (await this.deps.requests.get(created.id)) ?? created;
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
        purposeShareable: agreement.purposeShareable,
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
      throw new ConflictError(
        `The request is closed: it is already ${request.status}${
          request.comment ? ` (${request.comment})` : ''
        }`,
      );
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
    return this.approval.approve(request, {
      decidedBy,
      comment: decision.comment,
    });
  }
}
