import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ScorecardWaiver } from '@datamesh-backstage/plugin-data-mesh-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { SWRConfig } from 'swr';
import {
  BASE,
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { scorecard } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { ScorecardCard } from './ScorecardCard';

const mesh = setupDataMeshServer();
const CARD = '/scorecards/default/customer-360';
const WAIVER = '/waivers/default/customer-360';

const waiver = (overrides: Partial<ScorecardWaiver>): ScorecardWaiver => ({
  ruleId: 'SEC-002',
  reason: 'Retention agreed with legal by Q1',
  expiresAt: '2026-12-31T23:59:59.999Z',
  source: 'entity',
  status: 'pending',
  counts: false,
  standing: 'pending-approval',
  explanation: 'Waits for approval by governance',
  ...overrides,
});

const waivers = [
  waiver({}),
  waiver({
    ruleId: 'NOPE-001',
    reason: 'We know best',
    standing: 'unknown-rule',
    explanation: 'No rule NOPE-001 in the policies in force',
  }),
  waiver({
    ruleId: 'DOC-001',
    source: 'api',
    status: 'approved',
    counts: true,
    standing: 'in-force',
    explanation:
      'Approved by user:default/ana on 2026-11-20; in force until 2026-12-31',
  }),
];

/** The scorecard: `before` until a decision is posted, `after` from then on. */
function serveScorecard(after = scorecard({ score: 100, status: 'pass' })) {
  let decided = false;
  mesh.server.use(
    http.get(`${BASE}${CARD}`, () =>
      HttpResponse.json(decided ? after : scorecard({ waivers })),
    ),
  );
  mesh.get(`${CARD}/history`, { items: [] });
  return () => (decided = true);
}

// usePermission caches decisions (swr): each test starts with none.
const render = (authorize: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
  renderEntityCard(
    <SWRConfig value={{ provider: () => new Map() }}>
      <ScorecardCard />
    </SWRConfig>,
    {
      entity: customer360(),
      apis: [mesh.api, [permissionApiRef, mockApis.permission({ authorize })]],
    },
  );

describe('ScorecardCard waivers', () => {
  it('lists every waiver with whether it counts and why, without decisions for others', async () => {
    serveScorecard();
    await render(AuthorizeResult.DENY);
    const table = await screen.findByRole('table', { name: 'Waivers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      /SEC-002.*Retention agreed.*Product spec.*No: Waiting for approval.*Waits for approval by governance/,
    );
    expect(rows[1]).toHaveTextContent(
      /NOPE-001.*No: Unknown rule.*No rule NOPE-001 in the policies in force/,
    );
    expect(rows[2]).toHaveTextContent(
      /DOC-001.*Governance API.*Yes: In force.*Approved by user:default\/ana/,
    );
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('lets an approver approve a pending waiver, then shows the new score', async () => {
    const decided = serveScorecard();
    const bodies: unknown[] = [];
    mesh.server.use(
      http.post(`${BASE}${WAIVER}/SEC-002/approve`, async ({ request }) => {
        bodies.push(await request.json());
        decided();
        return HttpResponse.json({ status: 'approved' });
      }),
    );
    await render(AuthorizeResult.ALLOW);
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
    // Only pending waivers can be decided.
    expect(
      await screen.findAllByRole('button', { name: /^Approve/ }),
    ).toHaveLength(2);
    await userEvent.click(
      screen.getByRole('button', { name: 'Approve the waiver of SEC-002' }),
    );
    expect(await screen.findByText('Score 100 / 100')).toBeInTheDocument();
    expect(bodies).toEqual([{ source: 'entity' }]);
  });

  it('asks for a comment before rejecting', async () => {
    serveScorecard();
    const bodies = mesh.post(`${WAIVER}/SEC-002/reject`, {
      status: 'rejected',
    });
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reject the waiver of SEC-002',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject the waiver of SEC-002',
    });
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Set the retention instead',
    );
    await userEvent.click(reject);
    await waitFor(() =>
      expect(bodies).toEqual([
        { source: 'entity', comment: 'Set the retention instead' },
      ]),
    );
  });

  it('says why a decision failed', async () => {
    serveScorecard();
    mesh.post(
      `${WAIVER}/SEC-002/approve`,
      errorBody(
        'Nobody may approve their own waiver request',
        'NotAllowedError',
        403,
      ),
      403,
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve the waiver of SEC-002',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The decision failed: Nobody may approve their own waiver request',
    );
    expect(screen.getByText('Score 78 / 100')).toBeInTheDocument();
  });
});
