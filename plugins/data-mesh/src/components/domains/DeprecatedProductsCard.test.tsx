import { screen, within } from '@testing-library/react';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { DeprecatedProductsCard } from './DeprecatedProductsCard';

const mesh = setupDataMeshServer();

describe('DeprecatedProductsCard', () => {
  it('lists deprecated products still read, with sunset, successor and readers', async () => {
    mesh.get('/deprecated-products', {
      items: [
        {
          entityRef: 'dataproduct:default/orders-v1',
          title: 'Orders v1',
          domain: 'domain:default/order',
          sunset: '2026-11-01',
          successor: 'dataproduct:default/orders-v2',
          sunsetPassed: true,
          consumers: ['component:default/revenue-report'],
        },
      ],
    });
    await renderInDataMeshApp(<DeprecatedProductsCard />, { apis: [mesh.api] });
    const table = await screen.findByRole('table', {
      name: 'Deprecated data products still read',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      /Orders v1.*2026-11-01 \(passed\).*orders-v2.*revenue-report/,
    );
  });

  it('says when no deprecated product is read', async () => {
    mesh.get('/deprecated-products', { items: [] });
    await renderInDataMeshApp(<DeprecatedProductsCard />, { apis: [mesh.api] });
    expect(
      await screen.findByText('No deprecated data product is still read'),
    ).toBeInTheDocument();
  });
});
