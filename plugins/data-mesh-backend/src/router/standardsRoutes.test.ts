import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const asUser = { Authorization: mockCredentials.user.header() };
const OUTSIDER = 'user:default/outsider';
const asOutsider = { Authorization: mockCredentials.user.header(OUTSIDER) };

/** A product in ODPS 1.0 and the ODCS 3.1 contract of its output port. */
const odpsProduct = `apiVersion: v1.0.0
kind: DataProduct
id: returns
name: order-returns
version: v1.2.0
status: active
domain: order
team:
  name: order-domain-team
customProperties:
  - property: productType
    value: source-aligned
  - property: costCenter
    value: OR-1
outputPorts:
  - name: returns-table
    type: snowflake
    version: v1.2.0
    contractId: returns-table-contract
`;
const odcsContract = `apiVersion: v3.1.0
kind: DataContract
id: returns-table-contract
version: 1.2.0
status: active
servers:
  - server: returns-table
    type: snowflake
    account: acme
    database: ORDER
    schema: SILVER
schema:
  - name: returns
    logicalType: object
    properties:
      - name: return_id
        logicalType: string
        required: true
`;
const importFiles = [
  { path: 'order-returns.odps.yaml', content: odpsProduct },
  { path: 'contracts/returns-table.odcs.yaml', content: odcsContract },
];

const EXPORT = '/api/data-mesh/products/default/product-0/export';

/** The example mesh, except that the outsider may read no product. */
function catalogHidingProductsFromOutsider() {
  const inner = catalogServiceMock({ entities: exampleMesh() });
  return catalogServiceMock.mock({
    getEntities: (request: any, options: any) =>
      inner.getEntities(request, options),
    streamEntities: (request: any, options: any) =>
      inner.streamEntities(request, options),
    getEntitiesByRefs: (request: any, options: any) =>
      inner.getEntitiesByRefs(request, options),
    async getEntityByRef(ref: any, options: any) {
      const principal = options?.credentials?.principal;
      return principal?.userEntityRef === OUTSIDER
        ? undefined
        : inner.getEntityByRef(ref, options);
    },
  }).factory;
}

// Conversions and exports store nothing: those tests share one backend.
const shared = sharedBackend(() => startDataMesh());

describe('POST /import', () => {
  it('converts one product’s files and stores nothing', async () => {
    const { api } = shared();
    const response = await api
      .post('/api/data-mesh/import')
      .set(asUser)
      .send({ files: importFiles });
    expect(response.status).toBe(200);
    expectMatchesOpenApi('post', '/import', response);
    expect(response.body).toMatchObject({
      format: 'odps',
      version: 'v1.0.0',
      missing: [],
      entity: {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'order-returns' },
        spec: {
          type: 'source-aligned',
          lifecycle: 'production',
          owner: 'order-domain-team',
          domain: 'order',
          version: '1.2.0',
          outputPorts: [
            expect.objectContaining({
              name: 'returns-table',
              contract: 'contracts/returns-table.odcs.yaml',
            }),
          ],
        },
      },
      contracts: [
        { path: 'contracts/returns-table.odcs.yaml', content: odcsContract },
      ],
    });
    expect(response.body.lossReport).toContainEqual({
      file: 'order-returns.odps.yaml',
      path: 'customProperties[1]',
      reason: expect.stringContaining('costCenter'),
    });
    // Nothing was stored: the catalog's products are scored, not this one.
    const scorecard = await api
      .get('/api/data-mesh/scorecards/default/order-returns')
      .set(asUser);
    expect(scorecard.status).toBe(404);
  });

  it('converts a Data Contract Specification file, answering the ODCS 3.1 contract it converts to', async () => {
    const { api } = shared();
    const dcs = `dataContractSpecification: 1.1.0
id: refunds
info:
  title: Refunds
  version: 1.0.0
  owner: order-domain-team
servers:
  production:
    type: postgres
    host: db.example.com
models:
  refunds:
    fields:
      refund_id: { type: string, required: true }
`;
    const response = await api
      .post('/api/data-mesh/import')
      .set(asUser)
      .send({ files: [{ path: 'refunds.yaml', content: dcs }] });
    expect(response.status).toBe(200);
    expectMatchesOpenApi('post', '/import', response);
    expect(response.body).toMatchObject({
      format: 'dcs',
      version: '1.1.0',
      entity: { metadata: { name: 'refunds' } },
      contracts: [
        {
          path: 'refunds.odcs.yaml',
          content: expect.stringContaining(
            'apiVersion: v3.1.0\nkind: DataContract\nid: refunds\n',
          ),
        },
      ],
    });
  });

  it('answers 400 naming the file and the position of what cannot be read', async () => {
    const { api } = shared();
    const response = await api
      .post('/api/data-mesh/import')
      .set(asUser)
      .send({
        files: [
          importFiles[0],
          {
            path: 'contracts/returns-table.odcs.yaml',
            content: 'apiVersion: v3.1.0\nkind: DataContract\nid: [unclosed\n',
          },
        ],
      });
    expect(response.status).toBe(400);
    expectMatchesOpenApi('post', '/import', response);
    expect(response.body.error.message).toMatch(
      /^contracts\/returns-table\.odcs\.yaml:\d+:\d+: /,
    );
  });

  it('answers 400 naming the field of a body that is not files', async () => {
    const { api } = shared();
    for (const [body, message] of [
      [{ files: [] }, 'request/body/files must NOT have fewer than 1 items'],
      [
        { files: [{ path: 'a.yaml' }] },
        "request/body/files/0 must have required property 'content'",
      ],
      [
        { files: [{ path: 'a.yaml', content: 'x', mode: 1 }] },
        'request/body/files/0 must NOT have additional properties',
      ],
      [
        { files: [importFiles[0], importFiles[0]] },
        'body.files: each path must appear once',
      ],
    ] as const) {
      const response = await api
        .post('/api/data-mesh/import')
        .set(asUser)
        .send(body);
      expect(response.status).toBe(400);
      expectMatchesOpenApi('post', '/import', response);
      expect(response.body.error.message).toContain(message);
    }
  });

  it('answers 401 without credentials and 403 without the import permission', async () => {
    const anonymous = await (await startDataMesh()).api
      .post('/api/data-mesh/import')
      .send({ files: importFiles });
    expect(anonymous.status).toBe(401);
    expectMatchesOpenApi('post', '/import', anonymous);

    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const denied = await api
      .post('/api/data-mesh/import')
      .set(asUser)
      .send({ files: importFiles });
    expect(denied.status).toBe(403);
    expectMatchesOpenApi('post', '/import', denied);
    expect(denied.body.error.name).toBe('NotAllowedError');
  });
});

describe('GET /products/:namespace/:name/export', () => {
  it('exports a product as ODPS or DPDS, with one ODCS contract per output port', async () => {
    const { api } = shared();
    const odps = await api.get(`${EXPORT}?format=odps`).set(asUser);
    expect(odps.status).toBe(200);
    expectMatchesOpenApi('get', '/products/{namespace}/{name}/export', odps);
    const product = exampleMesh().find(e => e.metadata.name === 'product-0')!;
    const outputPorts = (product.spec as any).outputPorts as unknown[];
    expect(odps.body.files).toHaveLength(1 + outputPorts.length);
    expect(odps.body.files[0].content).toMatch(/kind: DataProduct/);
    for (const contract of odps.body.files.slice(1)) {
      expect(contract.content).toMatch(/kind: DataContract/);
    }

    const dpds = await api.get(`${EXPORT}?format=dpds`).set(asUser);
    expect(dpds.status).toBe(200);
    expectMatchesOpenApi('get', '/products/{namespace}/{name}/export', dpds);
    // The descriptor, and the ODCS contracts its output ports reference.
    expect(dpds.body.files).toHaveLength(1 + outputPorts.length);
    expect(dpds.body.files[0].content).toMatch(
      /dataProductDescriptor: 1\.0\.0/,
    );
    expect(dpds.body.lossReport.length).toBeGreaterThan(0);
  });

  it('answers 404 to a caller who cannot read the product, and for unknown products', async () => {
    const { api } = await startDataMesh({
      catalog: catalogHidingProductsFromOutsider(),
    });
    expect((await api.get(`${EXPORT}?format=odps`).set(asUser)).status).toBe(
      200,
    );
    const hidden = await api.get(`${EXPORT}?format=odps`).set(asOutsider);
    expect(hidden.status).toBe(404);
    expectMatchesOpenApi('get', '/products/{namespace}/{name}/export', hidden);
    const unknown = await api
      .get('/api/data-mesh/products/default/no-such-product/export?format=odps')
      .set(asUser);
    expect(unknown.status).toBe(404);
  });

  it('answers 400 naming the query field for a missing or unknown format, and 401 without credentials', async () => {
    const { api } = shared();
    for (const [query, message] of [
      ['', "request/query must have required property 'format'"],
      [
        '?format=csv',
        'request/query/format must be equal to one of the allowed values: odps, dpds',
      ],
      ['?format=odps&x=1', "Unknown query parameter 'x'"],
    ]) {
      const response = await api.get(`${EXPORT}${query}`).set(asUser);
      expect(response.status).toBe(400);
      expectMatchesOpenApi(
        'get',
        '/products/{namespace}/{name}/export',
        response,
      );
      expect(response.body.error.message).toContain(message);
    }
    const anonymous = await api.get(`${EXPORT}?format=odps`);
    expect(anonymous.status).toBe(401);
  });
});
