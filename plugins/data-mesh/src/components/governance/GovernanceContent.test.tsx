import { mockApis } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { scorecard } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { GovernanceContent } from './GovernanceContent';

const mesh = setupDataMeshServer();
const CARD = '/scorecards/default/customer-360';

const render = () =>
  renderEntityCard(<GovernanceContent />, {
    entity: customer360(),
    apis: [mesh.api, [permissionApiRef, mockApis.permission()]],
  });

describe('GovernanceContent', () => {
  it('shows the scorecard with its waivers, and every change of the result with why', async () => {
    mesh.get(
      CARD,
      scorecard({
        waivers: [
          {
            ruleId: 'DOC-001',
            reason: 'Legacy feed, rewrite planned',
            expiresAt: '2027-01-31T00:00:00Z',
            source: 'api',
            status: 'approved',
            counts: true,
            standing: 'in-force',
            explanation:
              'Approved by user:default/alice on 2026-11-01; in force until 2027-01-31',
            decidedBy: 'user:default/alice',
          },
        ],
      }),
    );
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
          notes: [
            'Waiver of SEC-002 expired on 2026-11-19; the violation counts again',
          ],
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
    await render();

    const changes = await screen.findByRole('table', {
      name: 'Changes of the governance result',
    });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      /78.*Fail.*1.*0.*SEC-002.*p2.*Waiver of SEC-002 expired on 2026-11-19; the violation counts again/,
    );
    expect(rows[1]).toHaveTextContent(/90.*Warn.*0.*5.*DOC-001, DOC-002.*p1/);

    const waivers = await screen.findByRole('table', { name: 'Waivers' });
    expect(waivers).toHaveTextContent(
      /DOC-001.*Legacy feed, rewrite planned.*Governance API.*Yes: In force.*user:default\/alice/,
    );
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
  });

  it('shows an empty history, and no waivers section without waivers', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, { items: [] });
    await render();
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Waivers' })).toBeNull();
  });
});
