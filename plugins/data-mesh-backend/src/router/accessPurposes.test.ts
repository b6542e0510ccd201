import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ACCESS_MESH } from '../__testUtils__/accessHarness';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});
const JO = as('jo');
const KIM = as('kim');
const ANN = as('ann');
const BOB = as('bob');
const GRACE = as('grace');

const ORDERS = 'dataproduct:default/orders';
const PAYMENTS = 'dataproduct:default/payments';

/**
 * Each product has its own approvers: ann decides orders, bob payments;
 * grace is governance (the audit trail) without deciding anything; jo and
 * kim request for the components they own.
 */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) => {
    const user = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const approves: Record<string, string> = {
      'user:default/ann': ORDERS,
      'user:default/bob': PAYMENTS,
    };
    const owns: Record<string, string> = {
      'user:default/jo': 'component:default/churn-model',
      'user:default/kim': 'component:default/ads',
    };
    return requests.map(r => {
      const ref = (r as { resourceRef?: string }).resourceRef;
      const name = r.permission.name;
      const allowed =
        (name === 'data-mesh.access.request' && owns[user] === ref) ||
        (name === 'data-mesh.access.approve' && approves[user] === ref) ||
        (name === 'data-mesh.access.audit' && user === 'user:default/grace') ||
        !name.startsWith('data-mesh.access.');
      return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    });
  },
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
}).factory;

async function agreed(
  api: Awaited<ReturnType<typeof startDataMesh>>['api'],
  requester: Record<string, string>,
  approver: Record<string, string>,
  body: object,
) {
  const created = await api
    .post('/api/data-mesh/access-requests')
    .set(requester)
    .send({ port: 'table', until: '2099-01-01T00:00:00.000Z', ...body });
  expect(created.status).toBe(201);
  const approved = await api
    .post(`/api/data-mesh/access-requests/${created.body.id}/approve`)
    .set(approver)
    .send({});
  expect(approved.status).toBe(200);
  return approved.body;
}

describe('private purposes', () => {
  it('shows a purpose to its requester, the product approvers and governance; to others only when shared', async () => {
    const { api } = await startDataMesh({
      entities: ACCESS_MESH,
      features: [permissions],
    });
    await agreed(api, JO, ANN, {
      product: ORDERS,
      consumer: 'component:default/churn-model',
      purpose: 'churn prediction',
    });
    await agreed(api, JO, BOB, {
      product: PAYMENTS,
      consumer: 'component:default/churn-model',
      purpose: 'revenue forecast for the board',
      reviewer: 'user:default/grace',
    });
    await agreed(api, KIM, BOB, {
      product: PAYMENTS,
      consumer: 'component:default/ads',
      purpose: 'campaign attribution',
      purposeShareable: true,
      reviewer: 'user:default/grace',
    });
    const seen = async (headers: Record<string, string>, product: string) => {
      const response = await api
        .get(`/api/data-mesh/agreements?product=${product}`)
        .set(headers);
      expect(response.status).toBe(200);
      expectMatchesOpenApi('get', '/agreements', response);
      return response.body.items
        .map((a: { consumer: string; purpose?: string }) =>
          [a.consumer, a.purpose ?? '(private)'].join(': '),
        )
        .sort();
    };
    // ann decides orders, not payments: payments' agreements are edges she
    // may see, but jo's private purpose stays private.
    expect(await seen(ANN, PAYMENTS)).toEqual([
      'component:default/ads: campaign attribution',
      'component:default/churn-model: (private)',
    ]);
    expect(await seen(ANN, ORDERS)).toEqual([
      'component:default/churn-model: churn prediction',
    ]);
    // kim sees the payments edges, his own purpose, not jo's.
    expect(await seen(KIM, PAYMENTS)).toEqual([
      'component:default/ads: campaign attribution',
      'component:default/churn-model: (private)',
    ]);
    // The requester, the product's approver and governance read them all.
    for (const reader of [JO, BOB, GRACE]) {
      expect(await seen(reader, PAYMENTS)).toEqual([
        'component:default/ads: campaign attribution',
        'component:default/churn-model: revenue forecast for the board',
      ]);
    }

    // Requests stay with their requester and the product's approvers: ann
    // lists none of payments', and no private purpose reaches her.
    const annsView = await api
      .get(`/api/data-mesh/access-requests?product=${PAYMENTS}`)
      .set(ANN);
    expect(annsView.status).toBe(200);
    expectMatchesOpenApi('get', '/access-requests', annsView);
    expect(JSON.stringify(annsView.body)).not.toContain('revenue forecast');
    const bobsView = await api
      .get(`/api/data-mesh/access-requests?product=${PAYMENTS}`)
      .set(BOB);
    expect(
      bobsView.body.items.map((r: { purpose?: string }) => r.purpose).sort(),
    ).toEqual(['campaign attribution', 'revenue forecast for the board']);
  });

  it('refuses a purposeShareable that is not a boolean, naming the field', async () => {
    const { api } = await startDataMesh({
      entities: ACCESS_MESH,
      features: [permissions],
    });
    const response = await api
      .post('/api/data-mesh/access-requests')
      .set(JO)
      .send({
        product: ORDERS,
        port: 'table',
        consumer: 'component:default/churn-model',
        purpose: 'churn prediction',
        purposeShareable: 'yes',
        until: '2099-01-01T00:00:00.000Z',
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'request/body/purposeShareable must be boolean',
    );
  });
});
