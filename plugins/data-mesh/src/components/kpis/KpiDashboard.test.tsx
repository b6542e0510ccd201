import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { freshness, kpi, kpiHistoryBody } from '../../__testUtils__/fixtures';
import { captureDownloads } from '../../__testUtils__/captureDownloads';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { KpiDashboard } from './KpiDashboard';

const mesh = setupDataMeshServer();

const kpis = {
  generatedAt: '2026-11-21T08:00:00Z',
  freshness: freshness(),
  kpis: [
    kpi(),
    kpi({
      id: 'time_to_data',
      title: 'Time to data',
      category: 'consumption',
      value: 2.5,
      unit: 'days',
      target: 1,
      targetOperator: 'lt',
      targetLabel: '< 1 day (was weeks)',
      meetsTarget: false,
      byDomain: [],
    }),
    kpi({
      id: 'slo_compliance',
      title: 'SLO compliance',
      category: 'quality',
      value: null,
      target: 95,
      meetsTarget: null,
      byDomain: [],
    }),
  ],
};

const history = kpiHistoryBody([
  {
    date: '2026-11-20',
    values: { domains_onboarded: 66.7, time_to_data: 3 },
  },
  {
    date: '2026-11-21',
    values: { domains_onboarded: 83.3, time_to_data: 2.5 },
  },
]);

const render = (path = '/data-mesh/kpis') =>
  renderInDataMeshApp(<KpiDashboard />, {
    apis: [mesh.api],
    mountPath: '/data-mesh/kpis',
    initialRouteEntries: [path],
  });

describe('KpiDashboard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows each KPI against its target', async () => {
    mesh.get('/kpis', kpis);
    mesh.get('/kpis/history', history);
    await render();
    expect(
      screen.getByRole('status', { name: 'Loading KPIs' }),
    ).toBeInTheDocument();

    const onboarded = await screen.findByRole('article', {
      name: 'Domains onboarded',
    });
    expect(onboarded).toHaveTextContent(
      /83\.3%.*Target ≥ 80%.*80% of identified domains.*Meets target/,
    );
    expect(
      screen.getByRole('article', { name: 'Time to data' }),
    ).toHaveTextContent(/2\.5 days.*Target < 1 day.*Below target/);
    expect(
      screen.getByRole('article', { name: 'SLO compliance' }),
    ).toHaveTextContent(/—.*No data/);
    expect(
      screen.getByRole('region', { name: 'Adoption KPIs' }),
    ).toBeInTheDocument();
  });

  it('draws a trend per KPI over the range and refetches when the range changes', async () => {
    mesh.get('/kpis', kpis);
    const queries = mesh.get('/kpis/history', history);
    await render('/data-mesh/kpis?from=2026-10-23&to=2026-11-21');
    expect(
      await screen.findByRole('img', {
        name: 'Domains onboarded: 66.7% on 2026-11-20, 83.3% on 2026-11-21; target ≥ 80%',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Time to data: 3 days on 2026-11-20, 2.5 days on 2026-11-21; target < 1 day',
      }),
    ).toBeInTheDocument();
    expect(Object.fromEntries(queries[0])).toEqual({
      from: '2026-10-23',
      to: '2026-11-21',
      interval: 'day',
    });

    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-09-01' },
    });
    await waitFor(() =>
      expect(Object.fromEntries(queries.at(-1)!)).toEqual({
        from: '2026-09-01',
        to: '2026-11-21',
        interval: 'day',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Interval/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Week' }));
    await waitFor(() => expect(queries.at(-1)!.get('interval')).toBe('week'));
  });

  it('breaks the KPIs down by domain', async () => {
    mesh.get('/kpis', kpis);
    mesh.get('/kpis/history', history);
    await render();
    const table = await screen.findByRole('table', { name: 'KPIs by domain' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Domain', 'Domains onboardedtarget ≥ 80%']);
    expect(
      within(table).getByRole('rowheader', { name: 'Customer' }).closest('tr'),
    ).toHaveTextContent('100% ✓, meets target');
    expect(
      within(table).getByRole('rowheader', { name: 'Order' }).closest('tr'),
    ).toHaveTextContent('0% ✗, below target');
  });

  it('exports the trends and the breakdown as CSV', async () => {
    mesh.get('/kpis', kpis);
    mesh.get('/kpis/history', history);
    const files = captureDownloads();
    await render('/data-mesh/kpis?from=2026-10-23&to=2026-11-21');
    await screen.findByRole('table', { name: 'KPIs by domain' });
    await screen.findAllByTestId(/kpi-chart-/);

    await userEvent.click(
      screen.getByRole('button', { name: 'Download trends (CSV)' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Download breakdown (CSV)' }),
    );
    expect(files.map(f => f.name)).toEqual([
      'data-mesh-kpis-2026-10-23-to-2026-11-21-by-day.csv',
      'data-mesh-kpis-by-domain-2026-11-21.csv',
    ]);
    expect(await files[0].blob.text()).toBe(
      'Date,Domains onboarded,Time to data,SLO compliance\r\n' +
        '2026-11-20,66.7,3,\r\n2026-11-21,83.3,2.5,',
    );
    expect((await files[1].blob.text()).split('\r\n')[2]).toBe(
      'Customer,domain:default/customer,Domains onboarded,100,percent,>=,80,yes',
    );
  });

  it('shows empty and error states', async () => {
    mesh.get('/kpis', errorBody('kpis failed'), 500);
    mesh.get('/kpis/history', kpiHistoryBody([]));
    await render();
    expect(
      (await screen.findAllByText(/500 Internal Server Error/))[0],
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No KPI history in this range'),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Download breakdown (CSV)' }),
    ).toBeDisabled();
  });

  it('explains why the history is hidden from people who may not see every product', async () => {
    mesh.get('/kpis', kpis);
    mesh.get('/kpis/history', kpiHistoryBody([], { restricted: true }));
    await render();
    expect(
      await screen.findByText(
        'KPI history is shown to people who may see every product',
      ),
    ).toBeVisible();
  });
});
