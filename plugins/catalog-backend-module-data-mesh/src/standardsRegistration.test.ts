import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './__testUtils__/exampleMesh';
import { eventually, testCatalogs } from './__testUtils__/testCatalog';

const example = (path: string) =>
  readFileSync(join(repoRoot, 'examples/standards', path), 'utf8');

/**
 * Registering open-standard files by URL, as the catalog's "Register
 * existing component" flow does: a dry run (the flow's analysis of a YAML
 * URL), then the registration.
 */
type Catalog = Awaited<ReturnType<ReturnType<typeof testCatalogs>['start']>>;

describe('registering open-standard files with the catalog', () => {
  let files: Record<string, string> = {};
  let server: Server;
  let base: string;
  const { start: startCatalog, processingErrors } = testCatalogs({
    config: () => ({
      backend: { reading: { allow: [{ host: new URL(base).host }] } },
      catalog: { rules: [{ allow: ['DataProduct', 'Location'] }] },
    }),
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const content = files[req.url ?? ''];
      res.writeHead(content === undefined ? 404 : 200).end(content);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  /** What the register flow's dry run of the URL `target` answers. */
  const dryRun = (api: Catalog, target: string) =>
    api
      .post('/api/catalog/locations?dryRun=true')
      .send({ type: 'url', target });

  it('registers an ODPS product with its contract: dry run, then the DataProduct with its relations and loss report', async () => {
    // The product links its contract, on the same host, from its port.
    const product = example('odps/loyalty-points.yaml').replace(
      '    contractId: loyalty-points-balances-contract\n',
      `    contractId: loyalty-points-balances-contract\n    authoritativeDefinitions:\n      - type: implementation\n        url: ${base}/repo/contracts/balances.odcs.yaml\n`,
    );
    files = {
      '/repo/loyalty.yaml': product,
      '/repo/contracts/balances.odcs.yaml': example(
        'odps/contracts/loyalty-points-balances.odcs.yaml',
      ),
    };
    const api = await startCatalog();
    const target = `${base}/repo/loyalty.yaml`;
    const answer = await dryRun(api, target);
    expect(answer.status).toBe(201);
    // The flow lists what the location would add: its Location and the product.
    expect(answer.body.entities.map((e: any) => e.kind).sort()).toEqual([
      'DataProduct',
      'Location',
    ]);
    expect(
      answer.body.entities.find((e: any) => e.kind === 'DataProduct').metadata
        .name,
    ).toBe('loyalty-points');

    expect(
      (await api.post('/api/catalog/locations').send({ type: 'url', target }))
        .status,
    ).toBe(201);
    const entity = await eventually(async () => {
      const res = await api.get(
        '/api/catalog/entities/by-name/dataproduct/default/loyalty-points',
      );
      return res.status === 200 && res.body.relations?.length
        ? res.body
        : undefined;
    });
    expect(entity.spec).toMatchObject({
      type: 'consumer-aligned',
      owner: 'marketing-domain-team',
      domain: 'marketing',
      outputPorts: [
        {
          name: 'loyalty-points-balances',
          contract: `${base}/repo/contracts/balances.odcs.yaml`,
        },
      ],
      schema: { fields: expect.arrayContaining([expect.anything()]) },
    });
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `url:${target}`,
      'datamesh.io/source-format': 'odps',
      'datamesh.io/source-version': 'v1.0.0',
    });
    expect(
      JSON.parse(entity.metadata.annotations['datamesh.io/loss-report']),
    ).toContainEqual({
      file: 'loyalty.yaml',
      path: 'outputPorts[0].sbom',
      reason: 'no equivalent in the DataProduct entity',
    });
    expect(
      entity.relations.map((r: any) => `${r.type} ${r.targetRef}`).sort(),
    ).toEqual([
      'ownedBy group:default/marketing-domain-team',
      'partOf domain:default/marketing',
    ]);
  });

  it.each([
    ['dpds/shipment-tracking.json', 'shipment-tracking'],
    ['dcs/supplier-invoices.yaml', 'supplier-invoices'],
    ['odcs/stock-movements.yaml', 'stock-movements'],
  ])(
    'registers %s as a DataProduct, what the standard lacks given by the vendor extensions',
    async (file, name) => {
      files = {
        [`/repo/${file}`]: example(file),
        '/repo/dpds/ports/shipment-events.yaml': example(
          'dpds/ports/shipment-events.yaml',
        ),
      };
      const api = await startCatalog();
      const answer = await dryRun(api, `${base}/repo/${file}`);
      expect(answer.status).toBe(201);
      expect(answer.body.entities).toContainEqual(
        expect.objectContaining({
          kind: 'DataProduct',
          metadata: expect.objectContaining({ name }),
          spec: expect.objectContaining({ type: 'source-aligned' }),
        }),
      );
    },
  );

  it('ingests a contract with no product type and no extension giving one, the type left absent', async () => {
    files = {
      '/repo/stock.yaml': example('odcs/stock-movements.yaml').replace(
        '  - property: productType\n    value: source-aligned\n',
        '',
      ),
    };
    const api = await startCatalog();
    const answer = await dryRun(api, `${base}/repo/stock.yaml`);
    // Nothing is invented: the product has no type, and governance
    // scores that (CORE-001) instead of the catalog refusing the file.
    expect(answer.status).toBe(201);
    const product = answer.body.entities.find(
      (entity: any) => entity.kind === 'DataProduct',
    );
    expect(product.spec.type).toBeUndefined();
    expect(product.spec.owner).toEqual(expect.any(String));
    expect(product.metadata.annotations['datamesh.io/loss-report']).toContain(
      'spec.type',
    );
  });

  it('analyzes a JSON file URL, as the register page does for non-YAML URLs', async () => {
    const product = parse(example('odps/loyalty-points.yaml'));
    product.outputPorts[0].authoritativeDefinitions = [
      { type: 'implementation', url: `${base}/repo/balances.odcs.yaml` },
    ];
    files = {
      '/repo/loyalty.json': JSON.stringify(product),
      '/repo/balances.odcs.yaml': example(
        'odps/contracts/loyalty-points-balances.odcs.yaml',
      ),
      '/repo/shipments.json': example('dpds/shipment-tracking.json'),
    };
    const api = await startCatalog();
    const analyze = (target: string) =>
      api
        .post('/api/catalog/analyze-location')
        .send({ location: { type: 'url', target } });
    const analyzed = await analyze(`${base}/repo/loyalty.json`);
    expect(analyzed.status).toBe(200);
    expect(analyzed.body.generateEntities).toEqual([]);
    expect(analyzed.body.existingEntityFiles).toEqual([
      {
        location: { type: 'url', target: `${base}/repo/loyalty.json` },
        isRegistered: false,
        entity: expect.objectContaining({
          kind: 'DataProduct',
          metadata: expect.objectContaining({ name: 'loyalty-points' }),
        }),
      },
    ]);
    const shipments = await analyze(`${base}/repo/shipments.json`);
    expect(shipments.status).toBe(200);
    expect(shipments.body.existingEntityFiles).toEqual([
      expect.objectContaining({
        entity: expect.objectContaining({
          kind: 'DataProduct',
          metadata: expect.objectContaining({ name: 'shipment-tracking' }),
        }),
      }),
    ]);
  });

  it('makes a processing error naming the file and the position of what cannot be read', async () => {
    files = {
      '/repo/stock.yaml': example('odcs/stock-movements.yaml').replace(
        'status: active',
        'status: [active',
      ),
    };
    const api = await startCatalog();
    const target = `${base}/repo/stock.yaml`;
    const answer = await dryRun(api, target);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(
      /cannot be imported: stock\.yaml:\d+:\d+: /,
    );
    await api.post('/api/catalog/locations').send({ type: 'url', target });
    const { message } = await eventually(async () =>
      processingErrors.find(e => e.message.includes('stock.yaml')),
    );
    expect(message).toMatch(
      new RegExp(
        `url:${target} \\(odcs v3\\.1\\.0\\) cannot be imported: stock\\.yaml:\\d+:\\d+: `,
      ),
    );
  });
});
