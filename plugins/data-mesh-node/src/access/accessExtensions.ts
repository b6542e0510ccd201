import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * What a provisioner is told when an agreement is granted or ends: enough to
 * create or remove a database grant, a Kafka ACL or an IAM binding.
 * @public
 */
export interface AgreementProvisioningEvent {
  /** The agreement's id. */
  agreementId: string;
  /** The data product's entity ref. */
  product: string;
  /** The name of the product's output port. */
  port: string;
  /** The consuming entity's ref (a component, system, group or product). */
  consumer: string;
  /** The fields granted; empty for the whole port. */
  fields: string[];
  /** Why the consumer uses the data. */
  purpose: string;
  /** When the agreement ends (ISO-8601). */
  expiresAt: string;
}

/**
 * Grants and removes access for agreements. `grant` runs when an agreement is
 * approved (or retried after a failure), `revoke` when it is revoked or
 * expires. A throw leaves the agreement in a visible failed state
 * (`provisioning-failed` or `revoke-failed`) that can be retried; both must
 * therefore be safe to run again.
 * @public
 */
export interface AccessProvisioner {
  grant(event: AgreementProvisioningEvent): Promise<void>;
  revoke(event: AgreementProvisioningEvent): Promise<void>;
}

/**
 * An access request handed to an external approval system (a ticketing
 * system) for products whose approval mode is `external`.
 * @public
 */
export interface ExternalAccessRequest {
  id: string;
  product: string;
  port: string;
  consumer: string;
  purpose: string;
  fields: string[];
  until: string;
  requestedBy: string;
}

/**
 * Opens a ticket (or the like) for an access request. The decision comes
 * back through the approve and reject routes, called by a service token of
 * the integration (or a user). Returns a reference shown with the request.
 * @public
 */
export interface ExternalAccessApprover {
  submit(request: ExternalAccessRequest): Promise<{ reference: string }>;
}

/**
 * Lets backend modules provision agreements and decide access requests in an
 * external system.
 * @public
 */
export interface DataMeshAccessExtensionPoint {
  /** Adds a provisioner; every provisioner is told of every grant and revoke. */
  addProvisioner(provisioner: AccessProvisioner): void;
  /** Sets the system that decides requests of products in `external` mode. */
  setExternalApprover(approver: ExternalAccessApprover): void;
}

/**
 * Extension point for access provisioning and external approval of data
 * access requests.
 * @public
 */
export const dataMeshAccessExtensionPoint =
  createExtensionPoint<DataMeshAccessExtensionPoint>({
    id: 'data-mesh.access',
  });
