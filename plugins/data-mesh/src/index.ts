/**
 * The data mesh frontend plugin: data product pages, domain scorecards and
 * the leadership KPI dashboard.
 *
 * This entry point serves apps on the legacy frontend system
 * (`@backstage/core-plugin-api`); apps on the new frontend system use the
 * plugin from `@datamesh-backstage/plugin-data-mesh/alpha`, which
 * `app.packages: all` discovers.
 *
 * @packageDocumentation
 */

export {
  dataMeshPlugin,
  DataMeshDomainsPage,
  DataMeshKpiDashboardPage,
  DataMeshAccessRequestsPage,
  EntityDataProductAccessCard,
  DataMeshCampaignsPage,
  EntityDataProductCampaignsCard,
  EntityDataProductOverviewCard,
  EntityDataProductSchemaCard,
  EntityDataProductPortsCard,
  EntityDataProductSloCard,
  EntityDataProductStandardsCard,
  EntityDataProductLineageCard,
  EntityDataProductScorecardCard,
  EntityDataProductSchemaContent,
  EntityDataProductGovernanceContent,
} from './plugin';
export type { EntityDataProductLineageCardProps } from './plugin';
export { DataMeshIcon } from './components/DataMeshIcon';
