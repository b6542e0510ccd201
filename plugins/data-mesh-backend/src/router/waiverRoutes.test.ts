import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

jest.setTimeout(60_000);

const asUser = { Authorization: mockCredentials.user.header() };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

describe('waiver routes', () => {
  it('grants a waiver, re-scores the product, lists it and revokes it', async () => {
    const { api } = await startDataMesh();
    const grant = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send({
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'Description is being written with the business',
        expiresAt: inDays(30),
      });
    expect(grant.status).toBe(201);
    expectMatchesOpenApi('post', '/waivers', grant);
    expect(grant.body).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      ruleId: 'DOC-001',
      source: 'api',
      createdBy: 'user:default/mock',
    });

    const waived = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(waived.body).toMatchObject({ score: 100, status: 'pass' });
    expect(waived.body.violations[0]).toMatchObject({
      ruleId: 'DOC-001',
      waived: true,
      waiver: {
        reason: 'Description is being written with the business',
        source: 'api',
      },
    });

    const list = await api
      .get('/api/data-mesh/waivers?entityRef=dataproduct:default/product-3')
      .set(asUser);
    expectMatchesOpenApi('get', '/waivers', list);
    expect(list.body.items).toHaveLength(1);

    const revoke = await api
      .delete('/api/data-mesh/waivers/default/product-3/DOC-001')
      .set(asUser);
    expect(revoke.status).toBe(204);
    const again = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(again.body).toMatchObject({ score: 90, status: 'fail' });
    const history = await api
      .get('/api/data-mesh/scorecards/default/product-3/history')
      .set(asUser);
    expect(history.body.items.map((h: any) => h.status)).toEqual([
      'fail',
      'pass',
      'fail',
    ]);

    const gone = await api
      .delete('/api/data-mesh/waivers/default/product-3/DOC-001')
      .set(asUser);
    expect(gone.status).toBe(404);
  });

  it.each([
    [
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: inDays(-1),
      },
      'body.expiresAt: must be in the future and at most 366 days ahead',
    ],
    [
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: inDays(400),
      },
      'body.expiresAt: must be in the future and at most 366 days ahead',
    ],
    [
      {
        entityRef: 'product-3',
        ruleId: 'NOPE-1',
        reason: 'x',
        expiresAt: inDays(1),
      },
      'body.ruleId: no rule NOPE-1 in the effective policies',
    ],
    [
      {
        entityRef: 'group:default/x',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: inDays(1),
      },
      'body.entityRef: must refer to a DataProduct',
    ],
    [
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: '  ',
        expiresAt: inDays(1),
      },
      'body.reason: Too small',
    ],
    [
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: 'tomorrow',
      },
      'body.expiresAt: must be an ISO-8601 date-time',
    ],
    [
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: inDays(1),
        extra: 1,
      },
      'body: Unrecognized key: "extra"',
    ],
  ])('answers 400 naming the field for %#', async (body, message) => {
    const { api } = await startDataMesh();
    const response = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send(body);
    expect(response.status).toBe(400);
    expectMatchesOpenApi('post', '/waivers', response);
    expect(response.body.error.message).toContain(message);
    const list = await api.get('/api/data-mesh/waivers').set(asUser);
    expect(list.body.items).toEqual([]);
  });

  it('answers 404 for an unknown product', async () => {
    const { api } = await startDataMesh();
    const response = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send({
        entityRef: 'ghost',
        ruleId: 'DOC-001',
        reason: 'x',
        expiresAt: inDays(1),
      });
    expect(response.status).toBe(404);
  });

  it('answers 403 without the waiver permission, for users and services alike', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const body = {
      entityRef: 'product-3',
      ruleId: 'DOC-001',
      reason: 'x',
      expiresAt: inDays(1),
    };
    const denied = await api
      .post('/api/data-mesh/waivers')
      .set(asUser)
      .send(body);
    expect(denied.status).toBe(403);
    expectMatchesOpenApi('post', '/waivers', denied);
    const revoke = await api
      .delete('/api/data-mesh/waivers/default/product-3/DOC-001')
      .set(asUser);
    expect(revoke.status).toBe(403);
    const service = await api
      .post('/api/data-mesh/waivers')
      .set({ Authorization: mockCredentials.service.header() })
      .send(body);
    expect(service.status).toBe(403);
  });
});
