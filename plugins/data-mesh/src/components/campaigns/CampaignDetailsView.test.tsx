import { screen, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { http, HttpResponse } from 'msw';
import { BASE, setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { campaignDetails, campaignSummary } from './campaignFixtures';
import { Campaigns } from './Campaigns';

jest.setTimeout(30_000);

const mesh = setupDataMeshServer();

const render = (
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.DENY,
) =>
  renderInDataMeshApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <Campaigns />
    </SWRConfig>,
    {
      apis: [mesh.api, [permissionApiRef, mockApis.permission({ authorize })]],
      mountPath: '/data-mesh/campaigns/*',
      initialRouteEntries: ['/data-mesh/campaigns/c-1'],
    },
  );

describe('the campaign page', () => {
  it('shows the burn-down against the ideal line, each domain and the failing products with owners', async () => {
    mesh.get('/campaigns/c-1', campaignDetails());
    const pages = mesh.get('/campaigns/c-1/failing', {
      items: [
        {
          entityRef: 'dataproduct:default/customer-360',
          domain: 'domain:default/customer',
          owner: 'group:default/customer-domain-team',
          score: 80,
          failingRules: ['DOC-001'],
        },
      ],
    });
    await render();
    expect(
      await screen.findByRole('img', {
        name: 'Burn-down over 2 day(s): 4 product(s) remaining on 2026-12-02, against 3.67 on the ideal line',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(
      screen.getByText(/60% done \(6 of 10\), target 90% by 2026-12-31/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/more than 5 percentage points below the ideal line/),
    ).toBeInTheDocument();
    const product = await screen.findByRole('link', { name: 'customer-360' });
    const row = product.closest('tr')!;
    expect(
      within(row).getByRole('link', { name: 'customer-domain-team' }),
    ).toBeInTheDocument();
    expect(row).toHaveTextContent('DOC-001');
    expect(pages[0].get('limit')).toBe('25');
    const domainRow = screen
      .getByRole('link', { name: 'finance' })
      .closest('tr')!;
    expect(domainRow).toHaveTextContent(/4\s*0\s*4/);
    // Closing needs the update permission.
    expect(screen.queryByRole('button', { name: 'Close now' })).toBeNull();
  });

  it('hides the daily series from callers who may not read every product', async () => {
    mesh.get('/campaigns/c-1', {
      ...campaignDetails(),
      burnDown: [],
      restricted: true,
    });
    mesh.get('/campaigns/c-1/failing', { items: [] });
    await render();
    expect(
      await screen.findByText(/it is shown to those who may read all of them/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('campaign-burn-down')).toBeNull();
    expect(
      await screen.findByText('No product left to fix'),
    ).toBeInTheDocument();
  });

  it('lets governance close an open campaign', async () => {
    mesh.get('/campaigns/c-1', campaignDetails());
    mesh.get('/campaigns/c-1/failing', { items: [] });
    const closes: string[] = [];
    mesh.server.use(
      http.post(`${BASE}/campaigns/c-1/close`, ({ request }) => {
        closes.push(request.method);
        return HttpResponse.json(
          campaignSummary({ status: 'missed', health: 'missed' }),
        );
      }),
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Close now' }),
    );
    expect(closes).toHaveLength(1);
  });
});
