import type { Entity } from '@backstage/catalog-model';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../__testUtils__/dataMeshServer';
import { customer360 } from '../__testUtils__/entityFixtures';
import { domainRollup, freshness } from '../__testUtils__/fixtures';
import dataMeshPlugin, { dataMeshTranslationRef } from '../alpha';

const mesh = setupDataMeshServer();
/** Lazy extensions load slowly on a busy machine. */
const WAIT = { timeout: 10_000 };

/** customer-360 reads order-events, which reads raw-orders: two hops up. */
const upstream = (name: string, dependsOn?: string): Entity => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default', title: name },
  relations: dependsOn
    ? [{ type: 'dependsOn', targetRef: `dataproduct:default/${dependsOn}` }]
    : [],
});
const catalog = [
  upstream('order-events', 'raw-orders'),
  upstream('raw-orders'),
];

/** The app with the plugin, on customer-360's page; `extensions` is app-config. */
function renderProductPage(extensions: object[] = [], features: any[] = []) {
  // The other cards of the page: the product is not scored or measured yet.
  for (const path of ['/scorecards', '/products']) {
    mesh.get(
      `${path}/default/customer-360${path === '/products' ? '/slo' : ''}`,
      errorBody('unknown', 'NotFoundError', 404),
      404,
    );
  }
  // The lineage and access cards read the product's agreements and requests.
  mesh.get('/agreements', { items: [] });
  mesh.get('/access-requests', { items: [] });
  return renderTestApp({
    features: [dataMeshPlugin, ...features],
    extensions: [createTestEntityPage({ entity: customer360() })],
    apis: [mesh.api, catalogApiMock({ entities: catalog })],
    config: {
      app: { baseUrl: 'http://localhost:3000', extensions },
      backend: { baseUrl: 'http://localhost:7007' },
    },
  });
}

const LINEAGE = 'entity-card:data-mesh/data-product-lineage';

describe('configuring the extensions in app-config', () => {
  beforeAll(() => {
    // jsdom does not lay out SVG; the lineage graph measures its nodes.
    (window.SVGElement.prototype as any).getBBox = () => ({
      x: 0,
      y: 0,
      width: 120,
      height: 44,
    });
  });

  const upstreamLinks = async () =>
    within(
      await screen.findByRole(
        'region',
        { name: 'Upstream (reads from)' },
        WAIT,
      ),
    )
      .getAllByRole('link')
      .map(link => link.textContent);

  it('follows two hops of lineage by default', async () => {
    renderProductPage();
    expect(await upstreamLinks()).toEqual(['order-events', 'raw-orders']);
  });

  it("sets the lineage card's depth and height", async () => {
    renderProductPage([
      { [LINEAGE]: { config: { maxDepth: 1, height: 333 } } },
    ]);
    expect(await upstreamLinks()).toEqual(['order-events']);
    const graph = await screen.findByTestId(
      'lineage-node-dataproduct:default/customer-360',
      {},
      WAIT,
    );
    // The drawing's frame, hidden from screen readers (the lists serve them).
    expect(graph.closest('div[aria-hidden="true"]')).toHaveStyle({
      height: '333px',
    });
  });

  it('disables a card', async () => {
    renderProductPage([
      { 'entity-card:data-mesh/data-product-overview': false },
    ]);
    expect(await screen.findByText('Lineage', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryByText('Data product')).toBeNull();
  });

  it('replaces a text through a translation', async () => {
    const translations = createFrontendModule({
      pluginId: 'app',
      extensions: [
        TranslationBlueprint.make({
          name: 'data-mesh-test',
          params: {
            resource: createTranslationMessages({
              ref: dataMeshTranslationRef,
              messages: { 'cards.lineage.title': 'Data lineage' },
            }),
          },
        }),
      ],
    });
    renderProductPage([], [translations]);
    expect(
      await screen.findByText('Data lineage', {}, WAIT),
    ).toBeInTheDocument();
    expect(screen.queryByText('Lineage')).toBeNull();
  });

  it('titles the page and its tabs, in the order app-config lists them', async () => {
    mesh.get('/domains', {
      mesh: { ...domainRollup('mesh'), trend: [] },
      domains: [domainRollup('customer')],
      stale: false,
      freshness: freshness(),
    });
    renderTestApp({
      features: [dataMeshPlugin],
      apis: [mesh.api],
      initialRouteEntries: ['/data-mesh'],
      config: {
        app: {
          baseUrl: 'http://localhost:3000',
          extensions: [
            { 'page:data-mesh': { config: { title: 'Our mesh' } } },
            { 'sub-page:data-mesh/domains': { config: { title: 'Domains' } } },
            { 'sub-page:data-mesh/kpis': { config: { title: 'Adoption' } } },
          ],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
    });
    // /data-mesh opens the first tab listed.
    expect(
      await screen.findByRole('link', { name: 'Customer' }, WAIT),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Our mesh' })).toBeVisible();
    // Tabs app-config does not list (campaigns) follow those it lists.
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Domains',
      'Adoption',
      'Campaigns',
    ]);
  });
});
