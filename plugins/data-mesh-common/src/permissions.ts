import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Reading scorecards, rollups and KPIs needs no permission of its own: every
 * list, rollup and KPI only covers the data products the caller may read in
 * the catalog (`catalog.entity.read`).
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
 * Granting and revoking rule waivers for data products.
 * @public
 */
export const dataMeshWaiverManagePermission = createPermission({
  name: 'data-mesh.waiver.manage',
  attributes: { action: 'update' },
});

/**
 * Posting SLO and quality measurements as a user (service callers with an
 * external access token need no permission).
 * @public
 */
export const dataMeshMeasurementCreatePermission = createPermission({
  name: 'data-mesh.measurement.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the data-mesh plugin.
 * @public
 */
export const dataMeshPermissions = [
  dataMeshPolicyDryRunPermission,
  dataMeshWaiverManagePermission,
  dataMeshMeasurementCreatePermission,
];
