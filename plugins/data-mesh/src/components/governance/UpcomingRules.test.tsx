import { screen, within } from '@testing-library/react';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { scorecard } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { ScorecardCard } from './ScorecardCard';

const mesh = setupDataMeshServer();
const CARD = '/scorecards/default/customer-360';

const violation = (ruleId: string, message: string) => ({
  ruleId,
  severity: 'error' as const,
  message,
  remediation: 'Fix it',
  path: 'spec',
  waived: false,
});

describe('upcoming rules on the scorecard card', () => {
  it('lists draft, grace and deprecated rules apart from the scored violations, with how the product fares', async () => {
    mesh.get(
      CARD,
      scorecard({
        upcoming: [
          {
            ruleId: 'TAG-001',
            title: 'Tagged as certified',
            severity: 'error',
            state: 'grace',
            enforcedFrom: '2027-01-31T00:00:00.000Z',
            passes: false,
            violations: [violation('TAG-001', 'Not tagged certified')],
          },
          {
            ruleId: 'DOC-009',
            title: 'Has a runbook',
            severity: 'warning',
            state: 'draft',
            passes: true,
            violations: [],
          },
          {
            ruleId: 'OLD-001',
            title: 'Old naming rule',
            severity: 'info',
            state: 'deprecated',
            replacedBy: 'NAME-002',
            passes: true,
            violations: [],
          },
        ],
      }),
    );
    mesh.get(`${CARD}/history`, { items: [] });
    await renderEntityCard(<ScorecardCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });

    const upcoming = await screen.findByRole('table', {
      name: 'Upcoming rules',
    });
    const rows = within(upcoming).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      expect.stringMatching(
        /Tagged as certified.*TAG-001.*Error.*Scored from .*2027.*Fails: Not tagged certified/,
      ),
      expect.stringMatching(
        /Has a runbook.*DOC-009.*Warning.*Draft: not scored, no date set.*Passes/,
      ),
      expect.stringMatching(
        /Old naming rule.*OLD-001.*Info.*Deprecated: replaced by NAME-002.*Passes/,
      ),
    ]);
    // The scored violations stay as they were: upcoming rules are not among them.
    const violations = screen.getByRole('table', { name: /violations/i });
    expect(within(violations).queryByText(/TAG-001/)).toBeNull();
  });

  it('shows no upcoming section when every applicable rule is scored', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, { items: [] });
    await renderEntityCard(<ScorecardCard />, {
      entity: customer360(),
      apis: [mesh.api],
    });
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Upcoming rules' })).toBeNull();
  });
});
