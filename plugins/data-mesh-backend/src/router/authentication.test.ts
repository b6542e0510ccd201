import { openApiOperations } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const operations = openApiOperations();

describe('authentication', () => {
  let api: Awaited<ReturnType<typeof startDataMesh>>['api'];
  beforeAll(async () => {
    ({ api } = await startDataMesh());
  });

  it('covers every route of the plugin', () => {
    expect(operations.map(([method, path]) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'post /evaluate',
        'get /scorecards',
        'get /domains',
        'get /policies',
        'post /waivers',
        'delete /waivers/{namespace}/{name}/{ruleId}',
        'post /waivers/{namespace}/{name}/{ruleId}/approve',
        'post /waivers/{namespace}/{name}/{ruleId}/reject',
        'get /kpis',
        'get /kpis/history',
        'post /products/{namespace}/{name}/measurements',
        'get /products/{namespace}/{name}/slo',
        'post /measurements/dbt',
        'post /measurements/great-expectations',
      ]),
    );
  });

  it.each(operations)(
    '%s %s answers 401 without credentials',
    async (method, path) => {
      const url = `/api/data-mesh${path
        .replace('{namespace}', 'default')
        .replace('{name}', 'product-0')
        .replace('{ruleId}', 'SEC-001')}`;
      const response = await api[method](url).send({});
      expect(response.status).toBe(401);
      expect(response.body.error.name).toBe('AuthenticationError');
    },
  );
});
