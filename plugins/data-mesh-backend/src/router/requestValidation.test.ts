import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };

/**
 * Requests are validated against openapi.yaml before any handler runs, and
 * only after the caller is authenticated and authorised.
 */
describe('requests the OpenAPI document refuses', () => {
  let api: Awaited<ReturnType<typeof startDataMesh>>['api'];
  beforeAll(async () => {
    ({ api } = await startDataMesh());
  });

  it.each([
    ['/scorecards?limit=many', 'request/query/limit must be integer'],
    [
      '/scorecards?minScore=1&maxScore=high',
      'request/query/maxScore must be number',
    ],
    [
      '/scorecards?order=sideways',
      'request/query/order must be equal to one of the allowed values: asc, desc',
    ],
    ['/waivers?status=lost', 'request/query/status must be equal to one of'],
    ['/domains/finance?unknown=1', "Unknown query parameter 'unknown'"],
  ])('GET %s answers 400 naming the field', async (path, message) => {
    const response = await api.get(`/api/data-mesh${path}`).set(asUser);
    expect(response.status).toBe(400);
    expectMatchesOpenApi(
      'get',
      path.split('?')[0].replace('finance', '{name}'),
      response,
    );
    expect(response.body.error).toEqual({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
  });

  it.each([
    [
      '/waivers',
      {
        entityRef: 7,
        ruleId: 'DOC-001',
        reason: 'r',
        expiresAt: '2030-01-01T00:00:00Z',
      },
      'request/body/entityRef must be string',
    ],
    ['/evaluate', { entity: [] }, 'request/body/entity must be object'],
    ['/policies/dry-run', { pack: 5 }, 'request/body/pack must be string'],
    [
      '/products/default/product-0/measurements',
      { measurements: [{ kind: 'completeness', percent: '99' }] },
      'request/body/measurements/0/percent must be number',
    ],
  ])(
    'POST %s with a wrong type answers 400 naming the field',
    async (path, body, message) => {
      const response = await api
        .post(`/api/data-mesh${path}`)
        .set(asUser)
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toContain(message);
    },
  );

  it('authenticates and authorises before validating', async () => {
    const anonymous = await api
      .post('/api/data-mesh/evaluate')
      .send({ entity: [] });
    expect(anonymous.status).toBe(401);

    const denied = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const forbidden = await denied.api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: 5 });
    expect(forbidden.status).toBe(403);
  });

  it('serves the document to callers with credentials', async () => {
    const response = await api.get('/api/data-mesh/openapi.json').set(asUser);
    expect(response.status).toBe(200);
    expect(response.body.info.title).toBe('data-mesh');
    expect(Object.keys(response.body.paths)).toContain(
      '/api/data-mesh/scorecards/{namespace}/{name}',
    );
    const anonymous = await api.get('/api/data-mesh/openapi.json');
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for a route the document does not declare', async () => {
    const response = await api.get('/api/data-mesh/evaluate').set(asUser);
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });
});
