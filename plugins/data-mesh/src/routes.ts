import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The data-mesh pages' route refs. They are created with
 * `@backstage/core-plugin-api`, which both frontend systems resolve: the new
 * system mounts them through the plugin's page extensions, the legacy system
 * through `<Route>` elements in the app.
 */

/** The plugin's root page in the new frontend system (`/data-mesh`). */
export const rootRouteRef = createRouteRef({ id: 'data-mesh' });

/** Domain scorecards: every domain with its score and trend. */
export const domainsRouteRef = createRouteRef({ id: 'data-mesh:domains' });

/** One domain's drill-down, below the domain scorecards page. */
export const domainRouteRef = createSubRouteRef({
  id: 'data-mesh:domain',
  parent: domainsRouteRef,
  path: '/:namespace/:name',
});

/** The leadership KPI dashboard. */
export const kpisRouteRef = createRouteRef({ id: 'data-mesh:kpis' });

/** The signed-in user's access requests, and those awaiting their decision. */
export const accessRequestsRouteRef = createRouteRef({
  id: 'data-mesh:access-requests',
});

/** Governance campaigns: the list, and the form starting one. */
export const campaignsRouteRef = createRouteRef({ id: 'data-mesh:campaigns' });

/** One campaign's page, below the campaigns list. */
export const campaignRouteRef = createSubRouteRef({
  id: 'data-mesh:campaign',
  parent: campaignsRouteRef,
  path: '/:id',
});
