import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { JsonObject } from '@backstage/types';
import type { ReactElement } from 'react';
import { campaignsRouteRef, domainsRouteRef, kpisRouteRef } from '../routes';

type ApiPairs = ReadonlyArray<readonly [unknown, unknown]>;

/**
 * Renders an element of the plugin in a test app: the catalog's entity
 * pages and the plugin's pages are mounted, and the catalog holds `catalog`.
 */
export function renderInDataMeshApp(
  element: ReactElement,
  options: {
    apis?: ApiPairs;
    catalog?: Entity[];
    mountPath?: string;
    initialRouteEntries?: string[];
    config?: JsonObject;
  } = {},
) {
  return renderInTestApp(element, {
    apis: [
      ...((options.apis ?? []) as any[]),
      catalogApiMock({ entities: options.catalog ?? [] }),
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/data-mesh/domains': domainsRouteRef,
      '/data-mesh/kpis': kpisRouteRef,
      '/data-mesh/campaigns': campaignsRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
    config: options.config,
  });
}

/** Renders an entity card or tab on the page of `entity`. */
export function renderEntityCard(
  element: ReactElement,
  options: {
    entity: Entity;
    apis?: ApiPairs;
    catalog?: Entity[];
    config?: JsonObject;
  },
) {
  return renderInDataMeshApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    options,
  );
}
