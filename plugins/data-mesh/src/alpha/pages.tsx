import { Content } from '@backstage/core-components';
import {
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { DataMeshIcon } from '../components/DataMeshIcon';
import {
  campaignsRouteRef,
  domainsRouteRef,
  kpisRouteRef,
  rootRouteRef,
} from '../routes';

/**
 * `page:data-mesh` at `/data-mesh`: the app's page layout draws its header,
 * with a tab per sub-page; its title and icon make the sidebar's "Data Mesh"
 * item.
 */
export const dataMeshPage = PageBlueprint.make({
  params: {
    path: '/data-mesh',
    routeRef: rootRouteRef,
    title: 'Data Mesh',
    icon: <DataMeshIcon fontSize="inherit" />,
  },
});

/** `sub-page:data-mesh/domains`: domain scorecards and drill-downs. */
export const dataMeshDomainsPage = SubPageBlueprint.make({
  name: 'domains',
  params: {
    path: 'domains',
    title: 'Domain scorecards',
    routeRef: domainsRouteRef,
    loader: () =>
      import('../components/domains/DomainScorecards').then(m => (
        <Content>
          <m.DomainScorecards />
        </Content>
      )),
  },
});

/** `sub-page:data-mesh/kpis`: the leadership KPI dashboard. */
export const dataMeshKpisPage = SubPageBlueprint.make({
  name: 'kpis',
  params: {
    path: 'kpis',
    title: 'Leadership KPIs',
    routeRef: kpisRouteRef,
    loader: () =>
      import('../components/kpis/KpiDashboard').then(m => (
        <Content>
          <m.KpiDashboard />
        </Content>
      )),
  },
});

/** `sub-page:data-mesh/campaigns`: governance campaigns and each one's page. */
export const dataMeshCampaignsPage = SubPageBlueprint.make({
  name: 'campaigns',
  params: {
    path: 'campaigns',
    title: 'Campaigns',
    routeRef: campaignsRouteRef,
    loader: () =>
      import('../components/campaigns/Campaigns').then(m => (
        <Content>
          <m.Campaigns />
        </Content>
      )),
  },
});
