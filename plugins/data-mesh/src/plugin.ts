import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { dataMeshApiFactory } from './api/dataMeshApiFactory';
import {
  accessRequestsRouteRef,
  campaignsRouteRef,
  domainsRouteRef,
  kpisRouteRef,
} from './routes';

/**
 * The data mesh plugin for apps on the legacy frontend system. Registers the
 * data-mesh API client; mount the pages with `<Route>` elements and add the
 * entity cards to the `DataProduct` entity page (see the README).
 * @public
 */
export const dataMeshPlugin = createPlugin({
  id: 'data-mesh',
  apis: [dataMeshApiFactory],
  routes: {
    domains: domainsRouteRef,
    kpis: kpisRouteRef,
    accessRequests: accessRequestsRouteRef,
    campaigns: campaignsRouteRef,
  },
});

/**
 * Domain scorecards (legacy system): every domain with its score,
 * pass/warn/fail counts and trend, and each domain's paged product list
 * below it. Mount at e.g. `/data-mesh/domains`.
 * @public
 */
export const DataMeshDomainsPage: () => JSX.Element = dataMeshPlugin.provide(
  createRoutableExtension({
    name: 'DataMeshDomainsPage',
    component: () =>
      import('./components/pages/DomainScorecardsPage').then(
        m => m.DomainScorecardsPage,
      ),
    mountPoint: domainsRouteRef,
  }),
);

/**
 * The leadership KPI dashboard (legacy system): KPI tiles against targets,
 * trends over a date range, a per-domain breakdown and CSV exports. Mount at
 * e.g. `/data-mesh/kpis`.
 * @public
 */
export const DataMeshKpiDashboardPage: () => JSX.Element =
  dataMeshPlugin.provide(
    createRoutableExtension({
      name: 'DataMeshKpiDashboardPage',
      component: () =>
        import('./components/pages/KpiDashboardPage').then(
          m => m.KpiDashboardPage,
        ),
      mountPoint: kpisRouteRef,
    }),
  );

/**
 * "My access requests" (legacy system): the data access the signed-in user
 * asked for with its status, and the pending requests of the products they
 * may decide. Mount at e.g. `/data-mesh/access-requests` and link it from
 * the sidebar.
 * @public
 */
export const DataMeshAccessRequestsPage: () => JSX.Element =
  dataMeshPlugin.provide(
    createRoutableExtension({
      name: 'DataMeshAccessRequestsPage',
      component: () =>
        import('./components/pages/MyAccessRequestsPage').then(
          m => m.MyAccessRequestsPage,
        ),
      mountPoint: accessRequestsRouteRef,
    }),
  );

/**
 * Access to a data product (legacy system): its output ports with a
 * "Request access" form, pending requests for its owners and governance to
 * decide, and its data sharing agreements.
 * @public
 */
export const EntityDataProductAccessCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductAccessCard',
      component: {
        lazy: () =>
          import('./components/access/AccessCard').then(m => m.AccessCard),
      },
    }),
  );

/**
 * Governance campaigns (legacy system): the list, the form starting one
 * (for governance) and each campaign's page with its burn-down. Mount at
 * e.g. `/data-mesh/campaigns`.
 * @public
 */
export const DataMeshCampaignsPage: () => JSX.Element = dataMeshPlugin.provide(
  createRoutableExtension({
    name: 'DataMeshCampaignsPage',
    component: () =>
      import('./components/pages/CampaignsPage').then(m => m.CampaignsPage),
    mountPoint: campaignsRouteRef,
  }),
);

/**
 * The open campaigns that concern a product, what it must fix and by when
 * (legacy system).
 * @public
 */
export const EntityDataProductCampaignsCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductCampaignsCard',
      component: {
        lazy: () =>
          import('./components/campaigns/ProductCampaignsCard').then(
            m => m.ProductCampaignsCard,
          ),
      },
    }),
  );

/** A data product at a glance (legacy system). @public */
export const EntityDataProductOverviewCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductOverviewCard',
      component: {
        lazy: () =>
          import('./components/product/DataProductOverviewCard').then(
            m => m.DataProductOverviewCard,
          ),
      },
    }),
  );

/** The product's schema, PII marked (legacy system). @public */
export const EntityDataProductSchemaCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductSchemaCard',
      component: {
        lazy: () =>
          import('./components/product/SchemaCard').then(m => m.SchemaCard),
      },
    }),
  );

/** The product's input and output ports (legacy system). @public */
export const EntityDataProductPortsCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductPortsCard',
      component: {
        lazy: () =>
          import('./components/product/PortsCard').then(m => m.PortsCard),
      },
    }),
  );

/** SLO targets, measured compliance and error budgets (legacy system). @public */
export const EntityDataProductSloCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductSloCard',
      component: {
        lazy: () => import('./components/product/SloCard').then(m => m.SloCard),
      },
    }),
  );

/**
 * The open standard an imported product came from with its loss report, and
 * buttons exporting the product as ODPS + ODCS or DPDS (legacy system).
 * @public
 */
export const EntityDataProductStandardsCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductStandardsCard',
      component: {
        lazy: () =>
          import('./components/standards/StandardsCard').then(
            m => m.StandardsCard,
          ),
      },
    }),
  );

/** Props of {@link EntityDataProductLineageCard}. @public */
export interface EntityDataProductLineageCardProps {
  /** Hops followed upstream and downstream; default 2. */
  maxDepth?: number;
  /** Height of the graph in pixels; by default it fits the graph. */
  height?: number;
}

/** The lineage graph of upstream and downstream products (legacy system). @public */
export const EntityDataProductLineageCard: (
  props: EntityDataProductLineageCardProps,
) => JSX.Element = dataMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductLineageCard',
    component: {
      lazy: () =>
        import('./components/lineage/LineageCard').then(m => m.LineageCard),
    },
  }),
);

/** The governance scorecard: score, status, violations, trend (legacy system). @public */
export const EntityDataProductScorecardCard: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductScorecardCard',
      component: {
        lazy: () =>
          import('./components/governance/ScorecardCard').then(
            m => m.ScorecardCard,
          ),
      },
    }),
  );

/** The "Schema & ports" tab content of a data product (legacy system). @public */
export const EntityDataProductSchemaContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductSchemaContent',
      component: {
        lazy: () =>
          import('./components/product/SchemaAndPortsContent').then(
            m => m.SchemaAndPortsContent,
          ),
      },
    }),
  );

/** The "Governance" tab content: scorecard, history, waivers (legacy system). @public */
export const EntityDataProductGovernanceContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductGovernanceContent',
      component: {
        lazy: () =>
          import('./components/governance/GovernanceContent').then(
            m => m.GovernanceContent,
          ),
      },
    }),
  );
