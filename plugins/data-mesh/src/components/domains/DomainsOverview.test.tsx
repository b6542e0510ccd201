import { screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { domainRollup, freshness } from '../../__testUtils__/fixtures';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { DomainScorecards } from './DomainScorecards';

const mesh = setupDataMeshServer();

const rollups = (stale = false) => ({
  mesh: {
    ...domainRollup('mesh', { productCount: 9, averageScore: 77.8 }),
    trend: [{ day: '2026-11-20', averageScore: 77.8, productCount: 9 }],
  },
  domains: [
    domainRollup('customer'),
    domainRollup('finance', {
      productCount: 5,
      averageScore: 70,
      failCount: 0,
      topFailingRules: [],
      trend: [],
    }),
  ],
  stale,
  freshness: freshness(stale),
});

const render = () =>
  renderInDataMeshApp(<DomainScorecards />, {
    apis: [mesh.api],
    mountPath: '/data-mesh/domains/*',
    initialRouteEntries: ['/data-mesh/domains'],
  });

describe('DomainsOverview', () => {
  // The deprecated products card below the domains asks on its own.
  beforeEach(() => {
    mesh.get('/deprecated-products', { items: [] });
  });

  it('lists every domain with score, counts and trend, linking to its drill-down', async () => {
    mesh.get('/domains', rollups());
    await render();
    expect(
      screen.getByRole('status', { name: 'Loading domain scorecards' }),
    ).toBeInTheDocument();

    const customer = (
      await screen.findByRole('link', { name: 'Customer' })
    ).closest('tr')!;
    expect(
      within(customer).getByRole('link', { name: 'Customer' }),
    ).toHaveAttribute('href', '/data-mesh/domains/default/customer');
    expect(customer).toHaveTextContent(/4.*82\.5.*40.*2.*1.*1.*SEC-002 \(2\)/);
    expect(
      within(customer).getByRole('link', { name: '1 Fail in Customer' }),
    ).toHaveAttribute(
      'href',
      '/data-mesh/domains/default/customer?status=fail',
    );
    expect(
      within(customer).getByRole('img', {
        name: 'Average score of Customer: 80 on 2026-11-19, 82.5 on 2026-11-20',
      }),
    ).toBeInTheDocument();

    const finance = screen
      .getByRole('link', { name: 'Finance' })
      .closest('tr')!;
    expect(finance).toHaveTextContent(/5.*70/);
    expect(
      within(finance).getByRole('img', {
        name: 'Average score of Finance: no data',
      }),
    ).toBeInTheDocument();

    const mesh_ = screen
      .getByText('Whole mesh')
      .closest('.MuiCard-root')! as HTMLElement;
    expect(mesh_).toHaveTextContent(/Products\s*9/i);
    expect(mesh_).toHaveTextContent(/Average score\s*77\.8/i);
    expect(screen.queryByText(/may be out of date/)).toBeNull();
  });

  it('shows products without a domain in their own bucket, linking nowhere', async () => {
    mesh.get('/domains', {
      ...rollups(),
      domains: [
        domainRollup('customer'),
        domainRollup('x', {
          domain: '(no domain)',
          title: 'No domain',
          productCount: 2,
          averageScore: 70,
          failCount: 2,
          passCount: 0,
          warnCount: 0,
          topFailingRules: [{ ruleId: 'CORE-001', count: 2 }],
        }),
      ],
    });
    await render();
    const bucket = (await screen.findByText('No domain')).closest('tr')!;
    expect(bucket).toHaveTextContent(/2.*70.*CORE-001 \(2\)/);
    expect(within(bucket).queryAllByRole('link')).toEqual([]);
    expect(screen.getByRole('link', { name: 'Customer' })).toBeInTheDocument();
  });

  it('warns when the figures may be stale', async () => {
    mesh.get('/domains', rollups(true));
    await render();
    expect(
      await screen.findByText(/These figures may be out of date/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/could not read the catalog: 503 Service Unavailable/),
    ).toBeInTheDocument();
  });

  it('shows an empty state without domains', async () => {
    mesh.get('/domains', { ...rollups(), domains: [] });
    await render();
    expect(
      await screen.findByText('No domains scored yet'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    mesh.get('/domains', errorBody('boom'), 500);
    await render();
    expect(
      (await screen.findAllByText(/500 Internal Server Error/))[0],
    ).toBeInTheDocument();
  });
});
