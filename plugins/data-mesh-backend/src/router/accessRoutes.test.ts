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
const GRACE = as('grace');
const CONSUMER_OWNERS: Record<string, string> = {
  'component:default/churn-model': 'user:default/jo',
  'component:default/ads': 'user:default/kim',
};

/**
 * The permissions of the example policy, decided here: users request for
 * the consumers they own; ann and jo (of the owning team) and grace
 * (governance) decide access to every product; only grace reads the audit
 * trail.
 */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) => {
    const user = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return requests.map(r => {
      const ref = (r as { resourceRef?: string }).resourceRef;
      const name = r.permission.name;
      const allowed =
        (name === 'data-mesh.access.request' &&
          CONSUMER_OWNERS[ref!] === user) ||
        (name === 'data-mesh.access.approve' &&
          [
            'user:default/ann',
            'user:default/jo',
            'user:default/grace',
          ].includes(user)) ||
        (name === 'data-mesh.access.audit' && user === 'user:default/grace') ||
        !name.startsWith('data-mesh.access.');
      return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    });
  },
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
}).factory;

const start = () =>
  startDataMesh({ entities: ACCESS_MESH, features: [permissions] });

const asked = (overrides: object = {}) => ({
  product: 'dataproduct:default/orders',
  port: 'table',
  consumer: 'component:default/churn-model',
  purpose: 'churn prediction',
  until: '2099-01-01T00:00:00.000Z',
  ...overrides,
});

describe('access request and agreement routes', () => {
  it('answers 401 without credentials, before reading the body', async () => {
    const { api } = await start();
    for (const [method, path] of [
      ['post', '/access-requests'],
      ['get', '/access-requests'],
      ['get', '/agreements'],
      ['get', '/agreements/audit'],
      ['post', '/agreements/x/revoke'],
    ] as const) {
      const response = await api[method](`/api/data-mesh${path}`).send(asked());
      expect(response.status).toBe(401);
    }
  });

  it('answers 403 to a request for a consumer the caller does not own', async () => {
    const { api } = await start();
    const response = await api
      .post('/api/data-mesh/access-requests')
      .set(KIM)
      .send(asked());
    expect(response.status).toBe(403);
    expectMatchesOpenApi('post', '/access-requests', response);
    const list = await api.get('/api/data-mesh/access-requests').set(ANN);
    expect(list.body.items).toEqual([]);
  });

  it.each([
    [
      asked({ until: '2001-01-01T00:00:00.000Z' }),
      'body.until: must be in the future',
    ],
    [
      asked({ port: 'raw' }),
      'body.port: must be an output port of the product (table)',
    ],
    [asked({ consumer: 'churn-model' }), 'body.consumer:'],
    [
      asked({ fields: ['order_id', 'nope'] }),
      "body.fields.1: nope is not a field of the product's schema",
    ],
    [
      asked({ product: 'dataproduct:default/payments', fields: [] }),
      'body.reviewer: a restricted product requires a named data protection reviewer',
    ],
  ])('answers 400 naming the field (%#)', async (body, message) => {
    const { api } = await start();
    const response = await api
      .post('/api/data-mesh/access-requests')
      .set(JO)
      .send(body);
    expect(response.status).toBe(400);
    expectMatchesOpenApi('post', '/access-requests', response);
    expect(response.body.error.message).toContain(message);
  });

  it('refuses approval by the requester; the owner approves into an agreement', async () => {
    const { api } = await start();
    const created = await api
      .post('/api/data-mesh/access-requests')
      .set(JO)
      .send(asked());
    expect(created.status).toBe(201);
    expectMatchesOpenApi('post', '/access-requests', created);
    expect(created.body).toMatchObject({
      status: 'pending',
      requestedBy: 'user:default/jo',
    });
    const path = `/api/data-mesh/access-requests/${created.body.id}`;

    // jo may decide access to orders, but not their own request.
    const own = await api.post(`${path}/approve`).set(JO).send({});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe(
      'Nobody may approve their own access request',
    );
    const stranger = await api.post(`${path}/approve`).set(KIM).send({});
    expect(stranger.status).toBe(403);
    const noReason = await api.post(`${path}/reject`).set(ANN).send({});
    expect(noReason.status).toBe(400);

    const approved = await api
      .post(`${path}/approve`)
      .set(ANN)
      .send({ comment: 'ok' });
    expect(approved.status).toBe(200);
    expectMatchesOpenApi('post', '/access-requests/{id}/approve', approved);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/ann',
    });
    const again = await api
      .post(`${path}/reject`)
      .set(ANN)
      .send({ comment: 'late' });
    expect(again.status).toBe(409);

    const agreements = await api
      .get('/api/data-mesh/agreements?consumer=component:default/churn-model')
      .set(JO);
    expectMatchesOpenApi('get', '/agreements', agreements);
    expect(agreements.body.items).toEqual([
      expect.objectContaining({
        id: approved.body.agreementId,
        status: 'active',
        purpose: 'churn prediction',
        approvedBy: 'user:default/ann',
      }),
    ]);
    const revokeByKim = await api
      .post(`/api/data-mesh/agreements/${approved.body.agreementId}/revoke`)
      .set(KIM)
      .send({ reason: 'not needed' });
    expect(revokeByKim.status).toBe(403);
    const revoked = await api
      .post(`/api/data-mesh/agreements/${approved.body.agreementId}/revoke`)
      .set(ANN)
      .send({ reason: 'not needed' });
    expect(revoked.status).toBe(200);
    expectMatchesOpenApi('post', '/agreements/{id}/revoke', revoked);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      statusReason: 'not needed',
    });
  });

  it("shows requesters only their own requests, and owners their products' requests", async () => {
    const { api } = await start();
    const byJo = await api
      .post('/api/data-mesh/access-requests')
      .set(JO)
      .send(asked());
    const byKim = await api
      .post('/api/data-mesh/access-requests')
      .set(KIM)
      .send(asked({ consumer: 'component:default/ads' }));
    expect([byJo.status, byKim.status]).toEqual([201, 201]);
    const ids = async (headers: Record<string, string>, query = '') =>
      (
        await api.get(`/api/data-mesh/access-requests${query}`).set(headers)
      ).body.items.map((r: { id: string }) => r.id);
    expect(await ids(KIM)).toEqual([byKim.body.id]);
    expect(await ids(KIM, '?product=dataproduct:default/orders')).toEqual([
      byKim.body.id,
    ]);
    expect((await ids(ANN)).sort()).toEqual(
      [byJo.body.id, byKim.body.id].sort(),
    );
    expect(await ids(ANN, '?mine=true')).toEqual([]);
    expect(await ids(JO, '?mine=true')).toEqual([byJo.body.id]);
    expect(
      await ids(KIM, '?product=dataproduct:default/orders&status=pending'),
    ).toEqual([byKim.body.id]);
  });

  it('gives governance the audit trail as JSON and CSV, and nobody else', async () => {
    const { api } = await start();
    await api
      .post('/api/data-mesh/access-requests')
      .set(JO)
      .send(asked({ purpose: '=HYPERLINK("x")' }));
    const denied = await api.get('/api/data-mesh/agreements/audit').set(ANN);
    expect(denied.status).toBe(403);
    const json = await api.get('/api/data-mesh/agreements/audit').set(GRACE);
    expect(json.status).toBe(200);
    expectMatchesOpenApi('get', '/agreements/audit', json);
    expect(json.body.items).toEqual([
      expect.objectContaining({
        actor: 'user:default/jo',
        subject: 'access-request',
        action: 'requested',
        toStatus: 'pending',
        product: 'dataproduct:default/orders',
      }),
    ]);
    const csv = await api
      .get('/api/data-mesh/agreements/audit?format=csv')
      .set(GRACE);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'id,at,actor,subject,subjectId,product,action,fromStatus,toStatus,reason',
    );
    // The purpose, quoted, cannot run as a spreadsheet formula.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
