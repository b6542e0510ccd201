import { screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { SloCard } from './SloCard';

const mesh = setupDataMeshServer();
const SLO = '/products/default/customer-360/slo';

const sloStatus = {
  entityRef: 'dataproduct:default/customer-360',
  window: {
    days: 30,
    from: '2026-10-21T00:00:00Z',
    to: '2026-11-20T00:00:00Z',
  },
  objectives: [
    {
      objective: 'freshness',
      target: '1 hour',
      compliance: 97.5,
      required: 99,
      met: false,
      errorBudgetRemaining: 0,
      measurements: 40,
      lastObservedAt: '2026-11-20T09:00:00Z',
    },
    {
      objective: 'availability',
      target: '99.9%',
      compliance: 99.95,
      required: 99.9,
      met: true,
      errorBudgetRemaining: 50,
      measurements: 720,
      lastObservedAt: '2026-11-20T09:00:00Z',
    },
  ],
  compliant: false,
  qualityTests: {
    total: 3,
    passed: 2,
    failed: 1,
    lastRunAt: '2026-11-20T08:00:00Z',
    failing: [
      {
        test: 'not_null_email',
        observedAt: '2026-11-20T08:00:00Z',
        message: '12 null emails',
      },
    ],
  },
};

const row = (name: string) =>
  within(screen.getByRole('table', { name: 'Service level objectives' }))
    .getByRole('rowheader', { name: new RegExp(name) })
    .closest('tr')!;

describe('SloCard', () => {
  it('shows each target with its measured compliance and error budget', async () => {
    mesh.get(SLO, sloStatus);
    await renderEntityCard(<SloCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(await screen.findByText('97.5%')).toBeInTheDocument();
    expect(row('freshness')).toHaveTextContent(
      /1 hour.*97\.5%.*required 99%, 40 measurements.*0%.*Missed/,
    );
    expect(row('availability')).toHaveTextContent(
      /99\.9%.*99\.95%.*720 measurements.*50%.*Met/,
    );
    expect(screen.getByText(/Over the last 30 days/)).toHaveTextContent(
      'objectives missed',
    );
    const tests = screen.getByRole('region', { name: 'Quality tests' });
    expect(tests).toHaveTextContent('1 declared');
    expect(tests).toHaveTextContent('2 passed, 1 failed');
    expect(tests).toHaveTextContent('not_null_email: 12 null emails');
  });

  it('shows the declared targets as not measured when the backend knows nothing', async () => {
    mesh.get(SLO, errorBody('unknown product', 'NotFoundError'), 404);
    await renderEntityCard(<SloCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(await screen.findByText('max_latency')).toBeInTheDocument();
    expect(row('freshness')).toHaveTextContent(
      /1 hour.*0 measurements.*No data/,
    );
    expect(row('availability')).toHaveTextContent(/99\.9%.*No data/);
    expect(
      screen.getByRole('region', { name: 'Quality tests' }),
    ).toHaveTextContent('No results received yet');
  });

  it('shows the error and still the declared targets when the backend fails', async () => {
    mesh.get(SLO, errorBody('measurements store is down'), 500);
    await renderEntityCard(<SloCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(
      (await screen.findAllByText(/500 Internal Server Error/))[0],
    ).toBeInTheDocument();
    expect(row('freshness')).toHaveTextContent('1 hour');
  });

  it('shows an empty state when the product declares no SLOs or tests', async () => {
    mesh.get(SLO, errorBody('unknown product', 'NotFoundError'), 404);
    const entity = customer360();
    delete entity.spec.slo;
    delete entity.spec.quality;
    await renderEntityCard(<SloCard />, { entity, apis: [mesh.api] });
    expect(await screen.findByText('No SLOs declared')).toBeInTheDocument();
  });
});
