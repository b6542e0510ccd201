import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import type { JsonObject } from '@backstage/types';
import { act, screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { scorecard } from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { ScorecardCard } from './ScorecardCard';

const mesh = setupDataMeshServer();
const CARD = '/scorecards/default/customer-360';

const history = {
  items: [
    {
      recordedAt: '2026-11-18T10:00:00Z',
      score: 60,
      status: 'fail',
      errorCount: 4,
      warningCount: 0,
      ruleIds: ['SEC-001'],
      policyVersion: 'abc',
    },
    {
      recordedAt: '2026-11-20T10:00:00Z',
      score: 78,
      status: 'fail',
      errorCount: 2,
      warningCount: 1,
      ruleIds: ['SEC-002'],
      policyVersion: 'abc',
    },
  ],
};

const render = (apis: ReadonlyArray<readonly [unknown, unknown]> = []) =>
  renderEntityCard(<ScorecardCard />, {
    entity: customer360(),
    apis: [mesh.api, ...apis],
  });

/** A signal API whose messages a test sends. */
function mockSignals() {
  const subscribers = new Map<string, Set<(message: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: JsonObject) => void);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage as any) };
    },
  };
  return {
    pair: [signalApiRef, api] as const,
    send: (channel: string, message: JsonObject) =>
      act(() =>
        subscribers.get(channel)?.forEach(listener => listener(message)),
      ),
  };
}

describe('ScorecardCard', () => {
  it('shows progress, then score, status, violations with remediation and the trend', async () => {
    mesh.get(CARD, scorecard());
    mesh.get(`${CARD}/history`, history);
    await render();
    expect(
      screen.getByRole('status', { name: 'Loading the scorecard' }),
    ).toBeInTheDocument();

    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Governance score 78 out of 100' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Fail')).toBeInTheDocument();
    expect(screen.getByText('1 errors · 0 warnings · 1 waived')).toBeVisible();

    const table = screen.getByRole('table', { name: 'Violations' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Scored violations come before waived ones.
    expect(rows[0]).toHaveTextContent(
      /SEC-002.*error.*Retention policy not specified.*spec\.access\.retention.*Define data retention period.*No/,
    );
    expect(rows[1]).toHaveTextContent(
      /DOC-001.*warning.*Describe every schema field.*Waived.*\(api\).*Legacy feed, rewrite planned/,
    );

    expect(
      await screen.findByRole('img', {
        name: 'Governance score over time: 60 on 2026-11-18 10:00, 78 on 2026-11-20 10:00',
      }),
    ).toBeInTheDocument();
  });

  it('says when the product has not been scored yet', async () => {
    mesh.get(CARD, errorBody('no scorecard', 'NotFoundError'), 404);
    mesh.get(`${CARD}/history`, { items: [] });
    await render();
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    mesh.get(CARD, errorBody('database is down'), 500);
    mesh.get(`${CARD}/history`, { items: [] });
    await render();
    expect(
      (await screen.findAllByText(/500 Internal Server Error/))[0],
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('says so when nothing is violated', async () => {
    mesh.get(CARD, scorecard({ score: 100, status: 'pass', violations: [] }));
    mesh.get(`${CARD}/history`, { items: [] });
    await render();
    expect(
      await screen.findByText(/meets every policy that applies to it/),
    ).toBeInTheDocument();
    expect(screen.getByText('Pass')).toBeInTheDocument();
  });

  it('reads the scorecard and its trend again when the backend signals a change', async () => {
    const signals = mockSignals();
    const cards = mesh.get(CARD, scorecard());
    const trends = mesh.get(`${CARD}/history`, history);
    await render([signals.pair]);
    expect(await screen.findByText('Score 78 / 100')).toBeInTheDocument();
    expect(cards).toHaveLength(1);

    // Another product's change: nothing read again.
    signals.send('data-mesh:scorecard:dataproduct:default/orders', {
      entityRef: 'dataproduct:default/orders',
    });
    const ref = 'dataproduct:default/customer-360';
    const newer = mesh.get(
      CARD,
      scorecard({ score: 100, status: 'pass', violations: [] }),
    );
    signals.send(`data-mesh:scorecard:${ref}`, { entityRef: ref });
    expect(await screen.findByText('Score 100 / 100')).toBeInTheDocument();
    expect(cards).toHaveLength(1);
    expect(newer).toHaveLength(1);
    expect(trends.length).toBe(2);
  });
});
