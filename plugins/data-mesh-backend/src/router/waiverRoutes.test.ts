import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { sharedBackend } from '../__testUtils__/sharedBackend';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const asked = {
  entityRef: 'product-3',
  ruleId: 'DOC-001',
  reason: 'Description is being written with the business',
  expiresAt: inDays(30),
};

describe('waiver routes', () => {
  // The refused requests store nothing: one backend answers them all, and
  // each test checks that nothing is stored, after its own and the earlier ones.
  const refusing = sharedBackend(() => startDataMesh());

  it('records a request as pending: it is listed and does not change the score', async () => {
    const { api } = await startDataMesh();
    const before = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(before.body).toMatchObject({ score: 90, status: 'fail' });

    const request = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send(asked);
    expect(request.status).toBe(201);
    expectMatchesOpenApi('post', '/waivers', request);
    expect(request.body).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      ruleId: 'DOC-001',
      source: 'api',
      status: 'pending',
      requestedBy: 'user:default/mock',
    });

    const after = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(after.body).toMatchObject({ score: 90, status: 'fail' });
    expect(after.body.violations[0]).toMatchObject({ waived: false });
    expect(after.body.waivers).toEqual([
      expect.objectContaining({
        ruleId: 'DOC-001',
        status: 'pending',
        standing: 'pending-approval',
        counts: false,
        explanation: 'Waits for approval by governance',
      }),
    ]);
    const list = await api
      .get('/api/data-mesh/waivers?entityRef=dataproduct:default/product-3')
      .set(asUser);
    expectMatchesOpenApi('get', '/waivers', list);
    expect(list.body.items).toEqual([request.body]);
    const approved = await api
      .get('/api/data-mesh/waivers?status=approved')
      .set(asUser);
    expect(approved.body.items).toEqual([]);
    const badStatus = await api
      .get('/api/data-mesh/waivers?status=granted')
      .set(asUser);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toMatch(
      /^request\/query\/status must be equal to one of/,
    );
  });

  it.each([
    [
      { expiresAt: inDays(-1) },
      'body.expiresAt: must be in the future and at most 90 days ahead',
    ],
    [
      { expiresAt: inDays(91) },
      'body.expiresAt: must be in the future and at most 90 days ahead',
    ],
    [
      { ruleId: 'NOPE-1' },
      'body.ruleId: no rule NOPE-1 in the effective policies',
    ],
    [
      { entityRef: 'group:default/x' },
      'body.entityRef: must refer to a DataProduct',
    ],
    [{ reason: '  ' }, 'body.reason: Too small'],
    [
      { expiresAt: 'tomorrow' },
      'request/body/expiresAt must match format "date-time"',
    ],
    [{ extra: 1 }, 'request/body must NOT have additional properties'],
  ])('answers 400 naming the field for %#', async (change, message) => {
    const { api } = refusing();
    const response = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send({ ...asked, ...change });
    expect(response.status).toBe(400);
    expectMatchesOpenApi('post', '/waivers', response);
    expect(response.body.error.message).toContain(message);
    const list = await api.get('/api/data-mesh/waivers').set(asUser);
    expect(list.body.items).toEqual([]);
  });

  it('takes the maximum duration from configuration', async () => {
    const { api } = await startDataMesh({
      config: { dataMesh: { governance: { waivers: { maxDays: 7 } } } },
    });
    const response = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send({ ...asked, expiresAt: inDays(8) });
    expect(response.body.error.message).toBe(
      'body.expiresAt: must be in the future and at most 7 days ahead',
    );
  });

  it('answers 404 for an unknown product, and 409 when nothing waits for a decision', async () => {
    const { api } = await startDataMesh();
    const unknown = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send({ ...asked, entityRef: 'ghost' });
    expect(unknown.status).toBe(404);
    expectMatchesOpenApi('post', '/waivers', unknown);
    const approve = await api
      .post('/api/data-mesh/waivers/default/product-3/DOC-001/approve')
      .set(asUser)
      .send({});
    expect(approve.status).toBe(409);
    const ghost = await api
      .post('/api/data-mesh/waivers/default/ghost/DOC-001/reject')
      .set(asUser)
      .send({ comment: 'no' });
    expect(ghost.status).toBe(404);
    expectMatchesOpenApi(
      'post',
      '/waivers/{namespace}/{name}/{ruleId}/reject',
      ghost,
    );
  });

  it('answers 403 without the waiver permissions, before reading the body', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const denied = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send(asked);
    expect(denied.status).toBe(403);
    expectMatchesOpenApi('post', '/waivers', denied);
    for (const verb of ['approve', 'reject']) {
      const decide = await api
        .post(`/api/data-mesh/waivers/default/product-3/DOC-001/${verb}`)
        .set(asUser)
        .set('Content-Type', 'application/json')
        .send('{ not json');
      expect(decide.status).toBe(403);
    }
    const revoke = await api
      .delete('/api/data-mesh/waivers/default/product-3/DOC-001')
      .set(asUser);
    expect(revoke.status).toBe(403);
    const service = await api
      .post('/api/data-mesh/waivers')
      .set({ Authorization: mockCredentials.service.header() })
      .send(asked);
    expect(service.status).toBe(403);
  });
});
