import { screen } from '@testing-library/react';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { ProductCampaignsCard } from './ProductCampaignsCard';
import { KpiCampaigns } from './KpiCampaigns';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { campaignSummary } from './campaignFixtures';

jest.setTimeout(30_000);

const mesh = setupDataMeshServer();

describe('campaigns on a product page and on the leadership dashboard', () => {
  it('lists what the product must fix in each campaign, and by when', async () => {
    mesh.get('/products/default/customer-360/campaigns', {
      items: [
        {
          id: 'c-1',
          name: 'Describe every product',
          deadline: '2026-12-31',
          health: 'on-track',
          done: false,
          failingRules: ['DOC-001'],
          minScore: 90,
          score: 80,
        },
        {
          id: 'c-2',
          name: 'Owners named',
          deadline: '2027-01-15',
          health: 'at-risk',
          done: true,
          failingRules: [],
          score: 80,
        },
      ],
    });
    await renderEntityCard(<ProductCampaignsCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(
      await screen.findByText(
        'Must fix DOC-001; Must score at least 90 (now 80) by 2026-12-31',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Done by 2027-01-15')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Describe every product' }),
    ).toHaveAttribute('href', '/data-mesh/campaigns/c-1');
    expect(screen.getByText('At risk')).toBeInTheDocument();
  });

  it('says so when no campaign concerns the product', async () => {
    mesh.get('/products/default/customer-360/campaigns', { items: [] });
    await renderEntityCard(<ProductCampaignsCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(
      await screen.findByText('No open campaign concerns this product'),
    ).toBeInTheDocument();
  });

  it('shows each campaign on the dashboard as on track, at risk, met or missed, with the margin', async () => {
    mesh.get('/campaigns', {
      items: [
        campaignSummary({ id: 'a', name: 'A', health: 'on-track' }),
        campaignSummary({ id: 'b', name: 'B', health: 'at-risk' }),
        campaignSummary({
          id: 'c',
          name: 'C',
          status: 'missed',
          health: 'missed',
        }),
      ],
      atRiskMargin: 0.1,
    });
    await renderInDataMeshApp(<KpiCampaigns />, { apis: [mesh.api] });
    expect(await screen.findByText('On track')).toBeInTheDocument();
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(screen.getByText('Missed')).toBeInTheDocument();
    expect(
      screen.getByText(/more than 10 percentage points below the ideal line/),
    ).toBeInTheDocument();
  });
});
