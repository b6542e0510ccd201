import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  accessApis,
  accessRequest,
  ME,
} from '../../__testUtils__/accessFixtures';
import { BASE, setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { MyAccessRequests } from './MyAccessRequests';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

const mesh = setupDataMeshServer();

describe('MyAccessRequests', () => {
  it('lists the requests I made with their status, and those awaiting my decision', async () => {
    const mine = [
      accessRequest({ id: 'm1', requestedBy: ME }),
      accessRequest({
        id: 'm2',
        requestedBy: ME,
        port: 'customer-360-api',
        status: 'rejected',
        decidedBy: 'user:default/carol',
        comment: 'Use the aggregate',
      }),
    ];
    let decided = false;
    const queries: string[] = [];
    mesh.server.use(
      http.get(`${BASE}/access-requests`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query.toString());
        if (query.get('mine') === 'true') {
          return HttpResponse.json({ items: mine });
        }
        // Pending requests in the caller's scope: their own, and those of
        // the products they may decide.
        return HttpResponse.json({
          items: decided ? [mine[0]] : [accessRequest(), mine[0]],
        });
      }),
    );
    const approvals: unknown[] = [];
    mesh.server.use(
      http.post(
        `${BASE}/access-requests/req-1/approve`,
        async ({ request }) => {
          approvals.push(await request.json());
          decided = true;
          return HttpResponse.json({});
        },
      ),
    );
    await renderInDataMeshApp(<MyAccessRequests />, {
      apis: [mesh.api, ...accessApis],
    });

    const made = await screen.findByRole('table', { name: 'Requests I made' });
    const rows = within(made).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(
      /customer-360.*customer-360-table.*Pending/,
    );
    expect(rows[1]).toHaveTextContent(
      /customer-360-api.*Rejected.*user:default\/carol: Use the aggregate/,
    );
    expect(queries).toEqual(
      expect.arrayContaining(['mine=true', 'status=pending']),
    );

    const awaiting = screen.getByRole('table', { name: 'Pending requests' });
    expect(within(awaiting).getAllByRole('row')).toHaveLength(2);
    expect(within(awaiting).getByRole('row', { name: /bob/ })).toBeTruthy();
    await userEvent.click(
      within(awaiting).getByRole('button', {
        name: 'Approve the request of component:default/fraud-model',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(
      await screen.findByText('No request waits for your decision.'),
    ).toBeInTheDocument();
    expect(approvals).toEqual([{}]);
  });
});
