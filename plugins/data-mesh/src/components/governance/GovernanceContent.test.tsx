import { screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { scorecard } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { GovernanceContent } from './GovernanceContent';

const mesh = setupDataMeshServer();
const CARD = '/scorecards/default/customer-360';

const render = () =>
  renderEntityCard(<GovernanceContent />, {
    entity: customer360(),
    apis: [mesh.api],
  });

describe('GovernanceContent', () => {
  it('shows the scorecard, every change of the result, and the waivers', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, {
      items: [
        {
          recordedAt: '2026-11-20T10:00:00Z',
          score: 78,
          status: 'fail',
          errorCount: 1,
          warningCount: 0,
          ruleIds: ['SEC-002'],
          policyVersion: 'p2',
        },
        {
          recordedAt: '2026-11-18T10:00:00Z',
          score: 90,
          status: 'warn',
          errorCount: 0,
          warningCount: 5,
          ruleIds: ['DOC-001', 'DOC-002'],
          policyVersion: 'p1',
        },
      ],
    });
    const waiverQueries = mesh.get('/waivers', {
      items: [
        {
          entityRef: 'dataproduct:default/customer-360',
          ruleId: 'DOC-001',
          reason: 'Legacy feed, rewrite planned',
          expiresAt: '2027-01-31T00:00:00Z',
          source: 'api',
          createdBy: 'user:default/alice',
          createdAt: '2026-11-01T00:00:00Z',
        },
      ],
    });
    await render();

    const changes = await screen.findByRole('table', {
      name: 'Changes of the governance result',
    });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/78.*Fail.*1.*0.*SEC-002.*p2/);
    expect(rows[1]).toHaveTextContent(/90.*Warn.*0.*5.*DOC-001, DOC-002.*p1/);

    const waivers = await screen.findByRole('table', { name: 'Waivers' });
    expect(waivers).toHaveTextContent(
      /DOC-001.*Legacy feed, rewrite planned.*Governance API.*user:default\/alice/,
    );
    expect(waiverQueries[0].get('entityRef')).toBe(
      'dataproduct:default/customer-360',
    );
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
  });

  it('shows empty history and waivers, and a failing waivers request', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, { items: [] });
    mesh.get(
      '/waivers',
      errorBody('not allowed to list waivers', 'NotAllowedError', 403),
      403,
    );
    await render();
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
    expect(
      (await screen.findAllByText(/not allowed to list waivers/))[0],
    ).toBeInTheDocument();
  });

  it('shows that a product has no waivers', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, { items: [] });
    mesh.get('/waivers', { items: [] });
    await render();
    expect(await screen.findByText('No waivers')).toBeInTheDocument();
  });
});
