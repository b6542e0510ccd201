import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { SWRConfig } from 'swr';
import {
  accessApis,
  accessConfig,
  accessRequest,
  agreement,
  ME,
} from '../../__testUtils__/accessFixtures';
import { BASE, setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { AccessCard } from './AccessCard';

jest.setTimeout(60_000);
// The machine running the tests may be slow to load the card's data.
configure({ asyncUtilTimeout: 10_000 });

const mesh = setupDataMeshServer();

/** Serves `first` until a POST happened, then `after`. */
function serveList(path: string, first: unknown[], after: unknown[]) {
  let changed = false;
  mesh.server.use(
    http.get(`${BASE}${path}`, () =>
      HttpResponse.json({ items: changed ? after : first }),
    ),
  );
  return () => {
    changed = true;
  };
}

function recordPost(path: string, onPost: () => void) {
  const bodies: unknown[] = [];
  mesh.server.use(
    http.post(`${BASE}${path}`, async ({ request }) => {
      const text = await request.text();
      bodies.push(text ? JSON.parse(text) : undefined);
      onPost();
      return HttpResponse.json({});
    }),
  );
  return bodies;
}

// usePermission caches decisions (swr): each test starts with none.
const render = (authorize: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
  renderEntityCard(
    <SWRConfig value={{ provider: () => new Map() }}>
      <AccessCard />
    </SWRConfig>,
    {
      entity: customer360(),
      config: accessConfig,
      apis: [
        mesh.api,
        ...accessApis,
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
    },
  );

describe('AccessCard decisions', () => {
  it('lets a decider approve a pending request with a comment, never their own', async () => {
    const mine = accessRequest({ id: 'req-2', requestedBy: ME });
    const changed = serveList(
      '/access-requests',
      [accessRequest(), mine],
      [mine],
    );
    mesh.get('/agreements', { items: [] });
    const bodies = recordPost('/access-requests/req-1/approve', () =>
      changed(),
    );
    await render(AuthorizeResult.ALLOW);
    const pending = await screen.findByRole('table', {
      name: 'Pending requests',
    });
    expect(
      within(pending).getAllByRole('button', { name: /^Approve/ }),
    ).toHaveLength(1);
    await userEvent.click(
      within(pending).getByRole('button', {
        name: 'Approve the request of component:default/fraud-model',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Comment/), 'Fine');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(bodies).toEqual([{ comment: 'Fine' }]);
    // Reloaded: only the caller's own request still waits.
    expect(
      await within(
        await screen.findByRole('table', { name: 'Pending requests' }),
      ).findAllByRole('row'),
    ).toHaveLength(2);
  });

  it('rejects only with a comment', async () => {
    const changed = serveList('/access-requests', [accessRequest()], []);
    mesh.get('/agreements', { items: [] });
    const bodies = recordPost('/access-requests/req-1/reject', () => changed());
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reject the request of component:default/fraud-model',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Comment/), 'No basis');
    await userEvent.click(reject);
    expect(bodies).toEqual([{ comment: 'No basis' }]);
    expect(
      await screen.findByText('No request waits for a decision.'),
    ).toBeInTheDocument();
  });

  it('shows agreements with approver, expiry and state; retries a failed one and revokes with a reason', async () => {
    const failed = agreement({
      id: 'agr-2',
      consumer: 'component:default/churn-model',
      status: 'provisioning-failed',
      statusReason: 'Warehouse unreachable',
    });
    const changed = serveList(
      '/agreements',
      [agreement(), failed],
      [agreement({ status: 'revoked', statusReason: 'Purpose ended' }), failed],
    );
    mesh.get('/access-requests', { items: [] });
    const retries = recordPost('/agreements/agr-2/retry', () => undefined);
    const revokes = recordPost('/agreements/agr-1/revoke', () => changed());
    await render(AuthorizeResult.ALLOW);
    const table = await screen.findByRole('table', { name: 'Agreements' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      /fraud-model.*customer-360-table.*fraud-prevention.*carol.*2099.*Active/,
    );
    expect(rows[1]).toHaveTextContent(
      /churn-model.*Provisioning failed.*Warehouse unreachable/,
    );
    await userEvent.click(
      within(rows[1]).getByRole('button', {
        name: 'Retry the agreement of component:default/churn-model',
      }),
    );
    expect(retries).toHaveLength(1);

    await userEvent.click(
      within(rows[0]).getByRole('button', {
        name: 'Revoke the agreement of component:default/fraud-model',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Purpose ended',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );
    expect(revokes).toEqual([{ reason: 'Purpose ended' }]);
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
  });

  it('offers no decisions without the permission, and lets consumers renew close to expiry', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    mesh.get('/access-requests', { items: [accessRequest()] });
    mesh.get('/agreements', {
      items: [
        agreement({ requestedBy: ME, expiresAt: soon }),
        agreement({ id: 'agr-3', consumer: 'component:default/other' }),
      ],
    });
    const renewals = recordPost('/agreements/agr-1/renew', () => undefined);
    await render(AuthorizeResult.DENY);
    const table = await screen.findByRole('table', { name: 'Agreements' });
    expect(
      screen.queryByRole('button', { name: /^(Approve|Reject|Revoke|Retry)/ }),
    ).toBeNull();
    expect(within(table).getAllByRole('button')).toHaveLength(1);
    await userEvent.click(
      within(table).getByRole('button', {
        name: 'Renew the agreement of component:default/fraud-model',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const day = within(dialog).getByLabelText(/New end date/);
    await userEvent.clear(day);
    await userEvent.type(day, '2099-06-30');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Renew' }),
    );
    expect(renewals).toEqual([{ until: '2099-06-30T23:59:59.000Z' }]);
  });
});
