import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Reading scorecards, rollups and KPIs needs no permission of its own: every
 * list, rollup and KPI only covers the data products the caller may read in
 * the catalog (`catalog.entity.read`).
 *
 * Permissions about one product are resource permissions of the catalog's
 * `catalog-entity` resource type, so that a permission policy can decide
 * them with the catalog's own rules (for example `isEntityOwner`). Service
 * callers are decided by Backstage from their access restrictions.
 */

/**
 * Evaluating a proposed policy pack over every product (a dry-run).
 * @public
 */
export const dataMeshPolicyDryRunPermission = createPermission({
  name: 'data-mesh.policy.dry-run',
  attributes: { action: 'read' },
});

/**
 * Asking for a rule of one data product to be waived. Typically granted to
 * the product's owners and to governance.
 * @public
 */
export const dataMeshWaiverRequestPermission = createPermission({
  name: 'data-mesh.waiver.request',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approving, rejecting and revoking waivers of one data product. Typically
 * granted to governance only: a waiver counts once someone holding this
 * permission has approved it.
 * @public
 */
export const dataMeshWaiverApprovePermission = createPermission({
  name: 'data-mesh.waiver.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Posting SLO and quality measurements of one data product (pipelines with
 * an external access token, or the product's owners).
 * @public
 */
export const dataMeshMeasurementCreatePermission = createPermission({
  name: 'data-mesh.measurement.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Recording that a product was created through a template, and when it was
 * requested: the evidence the self-serve and time-to-data KPIs count. Only
 * the services named in `dataMesh.provenance.trustedServices` (the
 * scaffolder by default) may record it, and only with this permission.
 * @public
 */
export const dataMeshProvenanceRecordPermission = createPermission({
  name: 'data-mesh.provenance.record',
  attributes: { action: 'create' },
});

/**
 * Requesting access to a data product's output port for a consuming entity.
 * A resource permission on the consuming entity (a component, system, group
 * or data product): typically granted to the entity's owners.
 * @public
 */
export const dataMeshAccessRequestPermission = createPermission({
  name: 'data-mesh.access.request',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approving and rejecting access requests of one data product, and revoking
 * or retrying its agreements. Typically granted to the product's owners and
 * to governance; nobody approves their own request.
 * @public
 */
export const dataMeshAccessApprovePermission = createPermission({
  name: 'data-mesh.access.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Reading the audit trail of access requests and agreements of every
 * product. Typically granted to governance only.
 * @public
 */
export const dataMeshAccessAuditPermission = createPermission({
  name: 'data-mesh.access.audit',
  attributes: { action: 'read' },
});

/**
 * Converting open-standard files (ODPS, ODCS, DPDS, Data Contract
 * Specification) into a DataProduct through the API. Nothing is stored;
 * granted to anyone who may use the portal by default policies.
 * @public
 */
export const dataMeshStandardsImportPermission = createPermission({
  name: 'data-mesh.standards.import',
  attributes: {},
});

/**
 * Starting a governance campaign (a standard, a scope of products, a target
 * share and a deadline). Typically granted to governance only. Reading
 * campaigns needs no permission: their figures only cover the products the
 * caller may read in the catalog.
 * @public
 */
export const dataMeshCampaignCreatePermission = createPermission({
  name: 'data-mesh.campaign.create',
  attributes: { action: 'create' },
});

/**
 * Closing a campaign before its deadline. Typically granted to governance
 * only.
 * @public
 */
export const dataMeshCampaignUpdatePermission = createPermission({
  name: 'data-mesh.campaign.update',
  attributes: { action: 'update' },
});

/**
 * Every permission of the data-mesh plugin.
 * @public
 */
export const dataMeshPermissions = [
  dataMeshPolicyDryRunPermission,
  dataMeshWaiverRequestPermission,
  dataMeshWaiverApprovePermission,
  dataMeshMeasurementCreatePermission,
  dataMeshProvenanceRecordPermission,
  dataMeshAccessRequestPermission,
  dataMeshAccessApprovePermission,
  dataMeshAccessAuditPermission,
  dataMeshStandardsImportPermission,
  dataMeshCampaignCreatePermission,
  dataMeshCampaignUpdatePermission,
];
