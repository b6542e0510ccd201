import type { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { LineageCard } from './LineageCard';

const entity = (kind: string, name: string, title: string): Entity => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default', title },
});

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
    await renderEntityCard(<LineageCard maxDepth={1} />, {
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
    await renderEntityCard(<LineageCard />, { entity: lonely });
    expect(await screen.findByText('No lineage')).toBeInTheDocument();
  });
});
