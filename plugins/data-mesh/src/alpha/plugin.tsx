import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { DataMeshIcon } from '../components/DataMeshIcon';
import {
  accessRequestsRouteRef,
  campaignRouteRef,
  campaignsRouteRef,
  domainsRouteRef,
  kpisRouteRef,
  rootRouteRef,
} from '../routes';
import { dataMeshAccessRequestsPage } from './accessPages';
import { dataMeshApi } from './apis';
import {
  dataProductAccessCard,
  dataProductCampaignsCard,
  dataProductLineageCard,
  dataProductOverviewCard,
  dataProductScorecardCard,
  dataProductSloCard,
  dataProductStandardsCard,
  dataProductDeprecationCard,
  dataProductVersionsCard,
  deprecatedInputsCard,
} from './entityCards';
import {
  dataProductGovernanceContent,
  dataProductSchemaContent,
} from './entityContents';
import {
  dataMeshCampaignsPage,
  dataMeshDomainsPage,
  dataMeshKpisPage,
  dataMeshPage,
} from './pages';

/**
 * The data mesh plugin for apps on the new frontend system: the API client,
 * the `/data-mesh` page (domain scorecards and the KPI dashboard as tabs, and
 * a sidebar item), "My access requests" with its own sidebar item, and the DataProduct entity page's cards and tabs.
 * @alpha
 */
export const dataMeshPlugin = createFrontendPlugin({
  pluginId: 'data-mesh',
  title: 'Data Mesh',
  icon: <DataMeshIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  routes: {
    root: rootRouteRef,
    domains: domainsRouteRef,
    kpis: kpisRouteRef,
    accessRequests: accessRequestsRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
  extensions: [
    dataMeshApi,
    dataMeshPage,
    dataMeshDomainsPage,
    dataMeshKpisPage,
    dataMeshAccessRequestsPage,
    dataMeshCampaignsPage,
    dataProductOverviewCard,
    dataProductScorecardCard,
    dataProductSloCard,
    dataProductLineageCard,
    dataProductStandardsCard,
    dataProductAccessCard,
    dataProductCampaignsCard,
    dataProductDeprecationCard,
    dataProductVersionsCard,
    deprecatedInputsCard,
    dataProductSchemaContent,
    dataProductGovernanceContent,
  ],
});
