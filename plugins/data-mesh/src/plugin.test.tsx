import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupDataMeshServer } from './__testUtils__/dataMeshServer';
import {
  domainRollup,
  freshness,
  kpi,
  kpiHistoryBody,
} from './__testUtils__/fixtures';
import {
  DataMeshDomainsPage,
  DataMeshKpiDashboardPage,
  EntityDataProductOverviewCard,
  EntityDataProductScorecardCard,
  dataMeshPlugin,
} from './index';
import { Route, Routes } from 'react-router-dom';

const mesh = setupDataMeshServer();

describe('the legacy frontend system plugin', () => {
  it('registers the data-mesh API client', () => {
    expect(dataMeshPlugin.getId()).toBe('data-mesh');
    expect([...dataMeshPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.data-mesh.service',
    ]);
    expect(EntityDataProductOverviewCard).toBeDefined();
    expect(EntityDataProductScorecardCard).toBeDefined();
  });

  it('renders the domain scorecards page with its own header', async () => {
    mesh.get('/domains', {
      mesh: { ...domainRollup('mesh'), trend: [] },
      domains: [domainRollup('customer')],
      stale: false,
      freshness: freshness(),
    });
    await renderInTestApp(
      <TestApiProvider apis={[mesh.api]}>
        <Routes>
          <Route path="/data-mesh/domains" element={<DataMeshDomainsPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/data-mesh/domains'] },
    );
    expect(
      screen.getByRole('heading', { name: 'Domain scorecards' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Customer' }),
    ).toHaveAttribute('href', '/data-mesh/domains/default/customer');
  });

  it('renders the KPI dashboard page', async () => {
    mesh.get('/kpis', {
      generatedAt: '2026-11-21T00:00:00Z',
      kpis: [kpi()],
      freshness: freshness(),
    });
    mesh.get('/kpis/history', kpiHistoryBody([]));
    await renderInTestApp(
      <TestApiProvider apis={[mesh.api]}>
        <Routes>
          <Route
            path="/data-mesh/kpis"
            element={<DataMeshKpiDashboardPage />}
          />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/data-mesh/kpis'] },
    );
    expect(
      screen.getByRole('heading', { name: 'Data mesh KPIs' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('article', { name: 'Domains onboarded' }),
    ).toBeInTheDocument();
  });
});
