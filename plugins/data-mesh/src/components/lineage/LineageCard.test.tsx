import type { Entity } from '@backstage/catalog-model';
import { configure, screen, within } from '@testing-library/react';
import { agreement } from '../../__testUtils__/accessFixtures';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { LineageCard } from './LineageCard';

const entity = (kind: string, name: string, title: string): Entity => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default', title },
});

jest.setTimeout(60_000);
// The machine running the tests may be slow to load the lineage.
configure({ asyncUtilTimeout: 10_000 });

const mesh = setupDataMeshServer();

describe('LineageCard', () => {
  beforeAll(() => {
    // jsdom does not lay out SVG; the graph measures its nodes.
    (window.SVGElement.prototype as any).getBBox = () => ({
      x: 0,
      y: 0,
      width: 120,
      height: 44,
    });
  });

  it('draws the lineage and lists upstream and downstream entities', async () => {
    mesh.get('/agreements', { items: [] });
    await renderEntityCard(<LineageCard maxDepth={1} />, {
      apis: [mesh.api],
      entity: customer360(),
      catalog: [
        entity('DataProduct', 'order-events', 'Order Events'),
        entity('DataProduct', 'customer-segments', 'Customer Segments'),
        entity('Component', 'churn-model', 'Churn Model'),
      ],
    });
    const upstream = await screen.findByRole('region', {
      name: 'Upstream (reads from)',
    });
    expect(within(upstream).getAllByRole('listitem')).toHaveLength(1);
    expect(within(upstream).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/order-events',
    );
    const downstream = screen.getByRole('region', {
      name: 'Downstream (read by)',
    });
    expect(
      within(downstream)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/churn-model',
      '/catalog/default/dataproduct/customer-segments',
    ]);
    // The graph is loaded lazily.
    expect(
      await screen.findByTestId(
        'lineage-node-dataproduct:default/customer-360',
      ),
    ).toHaveTextContent('Customer 360');
    expect(
      screen.getByTestId('lineage-node-dataproduct:default/order-events'),
    ).toHaveTextContent('Order Events');
  });

  it('shows an empty state for a product without lineage', async () => {
    const lonely = customer360();
    lonely.relations = [];
    mesh.get('/agreements', { items: [] });
    await renderEntityCard(<LineageCard />, {
      entity: lonely,
      apis: [mesh.api],
    });
    expect(await screen.findByText('No lineage')).toBeInTheDocument();
  });

  it('lists consumers with an agreement apart from those only declared', async () => {
    const queries = mesh.get('/agreements', {
      items: [
        agreement({ consumer: 'component:default/fraud-model' }),
        // Declared as a reader and agreed: listed as agreed.
        agreement({ id: 'a2', consumer: 'component:default/churn-model' }),
        // Ended agreements do not count.
        agreement({
          id: 'a3',
          consumer: 'dataproduct:default/customer-segments',
          status: 'revoked',
        }),
      ],
    });
    await renderEntityCard(<LineageCard maxDepth={1} />, {
      entity: customer360(),
      apis: [mesh.api],
      catalog: [
        entity('DataProduct', 'order-events', 'Order Events'),
        entity('DataProduct', 'customer-segments', 'Customer Segments'),
        entity('Component', 'churn-model', 'Churn Model'),
      ],
    });
    const agreed = await screen.findByRole('region', {
      name: 'Agreed consumers (data sharing agreement)',
    });
    expect(
      within(agreed)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/churn-model',
      '/catalog/default/component/fraud-model',
    ]);
    const declared = screen.getByRole('region', {
      name: 'Declared, not agreed',
    });
    expect(
      within(declared)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual(['/catalog/default/dataproduct/customer-segments']);
    expect(queries[0].get('product')).toBe('dataproduct:default/customer-360');
  });
});
