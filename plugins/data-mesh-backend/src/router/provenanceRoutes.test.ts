import { mockCredentials } from '@backstage/backend-test-utils';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const asService = (subject: string) => ({
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'data-mesh',
  }),
});
const url = (name: string) =>
  `/api/data-mesh/products/default/${name}/provenance`;
const selfServe = async (api: any) =>
  (await api.get('/api/data-mesh/kpis').set(asUser)).body.kpis.find(
    (k: any) => k.id === 'self_serve_ratio',
  ).value;

describe('provenance routes', () => {
  it('records a template run from the scaffolder, and only that counts as self-served', async () => {
    // product-1 claims in annotations that a template created it.
    const entities = exampleMesh().map(e =>
      e.metadata.name === 'product-1'
        ? {
            ...e,
            metadata: {
              ...e.metadata,
              annotations: {
                'datamesh.io/template':
                  'template:default/source-aligned-data-product',
                'datamesh.io/requested-at': '2026-01-01T00:00:00Z',
              },
            },
          }
        : e,
    );
    const { api } = await startDataMesh({ entities });
    expect(await selfServe(api)).toBe(0);

    const requestedAt = new Date().toISOString();
    const body = {
      templateRef: 'source-aligned-data-product',
      requestedAt,
      taskId: 'task-1',
    };
    const created = await api
      .post(url('product-12'))
      .set(asService('plugin:scaffolder'))
      .send(body);
    expect(created.status).toBe(201);
    expectMatchesOpenApi(
      'post',
      '/products/{namespace}/{name}/provenance',
      created,
    );
    expect(created.body).toMatchObject({
      entityRef: 'dataproduct:default/product-12',
      templateRef: 'template:default/source-aligned-data-product',
      recordedBy: 'plugin:scaffolder',
    });
    // The same record again is harmless (a resumed task); another is refused.
    expect(
      (
        await api
          .post(url('product-12'))
          .set(asService('plugin:scaffolder'))
          .send(body)
      ).status,
    ).toBe(201);
    const other = await api
      .post(url('product-12'))
      .set(asService('plugin:scaffolder'))
      .send({ ...body, taskId: 'task-2' });
    expect(other.status).toBe(409);

    const read = await api.get(url('product-12')).set(asUser);
    expect(read.status).toBe(200);
    expectMatchesOpenApi(
      'get',
      '/products/{namespace}/{name}/provenance',
      read,
    );
    expect((await api.get(url('product-1')).set(asUser)).status).toBe(404);
  });

  it('counts a product as self-served once its template run is recorded', async () => {
    // The run was requested a minute ago; the catalog ingested the product
    // (and the suite first saw it) since; the scaffolder records it now.
    const requestedAt = new Date(Date.now() - 60_000).toISOString();
    const { api } = await startDataMesh();
    expect(await selfServe(api)).toBe(0);
    const response = await api
      .post(url('product-2'))
      .set(asService('plugin:scaffolder'))
      .send({
        templateRef: 'template:default/source-aligned-data-product',
        requestedAt,
      });
    expect(response.status).toBe(201);
    // One of the 12 products.
    expect(await selfServe(api)).toBe(8.33);
  });

  it('refuses products seen before the run, untrusted services, users and bad input', async () => {
    const { api } = await startDataMesh();
    const body = {
      templateRef: 'template:default/source-aligned-data-product',
      requestedAt: new Date().toISOString(),
    };
    // product-0 was scored (first seen) at start-up, before this "run".
    const existed = await api
      .post(url('product-0'))
      .set(asService('plugin:scaffolder'))
      .send({
        ...body,
        requestedAt: new Date(Date.now() + 60_000).toISOString(),
      });
    expect(existed.status).toBe(409);
    expect(existed.body.error.message).toContain('existed (first seen');

    const untrusted = await api
      .post(url('product-99'))
      .set(asService('plugin:catalog'))
      .send(body);
    expect(untrusted.status).toBe(403);
    expectMatchesOpenApi(
      'post',
      '/products/{namespace}/{name}/provenance',
      untrusted,
    );
    const user = await api.post(url('product-99')).set(asUser).send(body);
    expect([401, 403]).toContain(user.status);
    for (const [bad, message] of [
      [
        { ...body, templateRef: 'component:default/x' },
        'body.templateRef: must refer to a Template',
      ],
      [
        { ...body, requestedAt: '2020-01-01T00:00:00Z' },
        'body.requestedAt: must be within the last 7 days',
      ],
      [
        { ...body, note: 'x' },
        'request/body must NOT have additional properties',
      ],
    ] as const) {
      const response = await api
        .post(url('product-99'))
        .set(asService('plugin:scaffolder'))
        .send(bad);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });
});
