import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { setupDataMeshServer } from '../__testUtils__/dataMeshServer';
import { aComponent, customer360 } from '../__testUtils__/entityFixtures';
import { domainRollup, freshness } from '../__testUtils__/fixtures';
import dataMeshPlugin from '../alpha';
import {
  dataProductLineageCard,
  dataProductOverviewCard,
  dataProductScorecardCard,
  dataProductSloCard,
  dataProductStandardsCard,
} from './entityCards';
import { dataMeshApi } from './apis';

const mesh = setupDataMeshServer();

describe('the new frontend system plugin', () => {
  it('provides the page, its sub-pages, entity cards and tabs, and the API', () => {
    expect(dataMeshPlugin.id).toBe('data-mesh');
    expect(
      [
        dataMeshApi,
        dataProductOverviewCard,
        dataProductScorecardCard,
        dataProductSloCard,
        dataProductLineageCard,
        dataProductStandardsCard,
      ].every(Boolean),
    ).toBe(true);
  });

  it('serves the domain scorecards under /data-mesh with the tabs and the nav title', async () => {
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
    });
    // /data-mesh opens the first tab.
    expect(
      await screen.findByRole(
        'link',
        { name: 'Customer' },
        // The lazy page loads slowly on a busy machine.
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/data-mesh/domains/default/customer');
    expect(screen.getAllByText('Domain scorecards').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Leadership KPIs').length).toBeGreaterThan(0);
  });

  it('shows the product cards on DataProduct pages only', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: customer360() }),
        dataProductOverviewCard,
      ],
      apis: [mesh.api, catalogApiMock()],
    });
    expect(await screen.findByText('Data product')).toBeInTheDocument();
    expect(await screen.findByText('2.1.0')).toBeInTheDocument();
  });

  it('hides the product cards on other kinds', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: aComponent }),
        dataProductOverviewCard,
      ],
      apis: [mesh.api, catalogApiMock()],
    });
    // Give the lazy card a chance to appear before asserting it does not.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Data product')).toBeNull();
    expect(screen.queryByText(/Not a data product/)).toBeNull();
  });
});
