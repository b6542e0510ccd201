import { createMockDirectory } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../__testUtils__/exampleMesh';
import { DataProductEntitiesProcessor } from './DataProductEntitiesProcessor';
import { locationFiles } from '../standards/locationFiles';
import {
  detectStandardText,
  readProductFiles,
} from '../standards/standardProductFiles';
import { StandardFilesProcessor } from './StandardFilesProcessor';

const examples = join(repoRoot, 'examples/standards');
const example = (path: string) => readFileSync(join(examples, path), 'utf8');

/** A cache as the catalog gives each processor and location. */
function memoryCache() {
  const values = new Map<string, any>();
  return {
    get: async (key: string) => values.get(key),
    set: async (key: string, value: any) => void values.set(key, value),
  };
}

/** A URL reader over `files` (URL → text), with ETags, counting reads. */
function urlReader(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    reader: {
      async readUrl(url: string, options?: { etag?: string }) {
        reads.push(url);
        if (!(url in files)) throw new Error(`not found: ${url}`);
        const etag = `"${files[url].length}"`;
        if (options?.etag === etag) throw new NotModifiedError();
        return { buffer: async () => Buffer.from(files[url]), etag };
      },
      readTree: jest.fn(),
      search: jest.fn(),
    },
  };
}

async function read(
  location: LocationSpec,
  processor = new StandardFilesProcessor({ reader: urlReader({}).reader }),
  cache = memoryCache(),
) {
  const emitted: CatalogProcessorResult[] = [];
  const handled = await processor.readLocation(
    location,
    false,
    result => emitted.push(result),
    undefined,
    cache,
  );
  return { handled, emitted };
}

/** The relations the catalog draws from an emitted product. */
async function relationsOf(entity: any) {
  const relations: string[] = [];
  await new DataProductEntitiesProcessor().postProcessEntity(
    entity,
    { type: 'file', target: 'x' },
    result => {
      if (result.type === 'relation') {
        const { source, type, target } = result.relation;
        relations.push(
          `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(target)}`,
        );
      }
    },
  );
  return relations;
}

const loyaltyPoints = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'loyalty-points',
    description:
      'Loyalty points earned and spent by each member, with the current balance.',
    tags: ['marketing', 'loyalty'],
    links: [
      {
        url: 'https://slack.example.com/archives/C0LOYALTY',
        type: 'support',
        title: '#loyalty-data',
      },
    ],
    annotations: {
      'datamesh.io/standard-id': '4f2c9a10-6b7e-4c1d-9e55-0a8d3b7c2e61',
      'datamesh.io/source-format': 'odps',
      'datamesh.io/source-version': 'v1.0.0',
      'datamesh.io/loss-report': expect.any(String),
    },
  },
  spec: {
    type: 'consumer-aligned',
    lifecycle: 'production',
    owner: 'marketing-domain-team',
    domain: 'marketing',
    version: '1.3.0',
    access: { retention: '2 years', classification: 'internal' },
    outputPorts: [
      {
        name: 'loyalty-points-balances',
        type: 'snowflake',
        description: 'Current points balance of every loyalty member.',
        contract: 'contracts/loyalty-points-balances.odcs.yaml',
        location: 'MARKETING.GOLD.LOYALTY_BALANCES',
      },
    ],
    schema: {
      fields: [
        {
          name: 'member_id',
          type: 'varchar',
          description: 'The loyalty member.',
          required: true,
        },
        {
          name: 'email',
          type: 'varchar',
          description: "The member's e-mail address.",
          pii: true,
        },
        {
          name: 'points_balance',
          type: 'number',
          description: 'Points available to spend.',
          required: true,
        },
        { name: 'updated_at', type: 'timestamp_ntz', required: true },
      ],
    },
    slo: {
      freshness: { target: '4 hours' },
      availability: { target: '99.5%' },
    },
  },
};

describe('StandardFilesProcessor', () => {
  const mockDir = createMockDirectory();

  it('reads an ODPS product with the ODCS contract next to it, whatever the file is called', async () => {
    mockDir.setContent({
      'product.yaml': example('odps/loyalty-points.yaml'),
      'contracts/anything.yaml': example(
        'odps/contracts/loyalty-points-balances.odcs.yaml',
      ),
      'contracts/not-a-contract.yaml': 'kind: Component\n',
    });
    const location = { type: 'file', target: mockDir.resolve('product.yaml') };
    const { handled, emitted } = await read(location);
    expect(handled).toBe(true);
    const contract = 'contracts/anything.yaml';
    const expected = {
      ...loyaltyPoints,
      spec: {
        ...loyaltyPoints.spec,
        outputPorts: [{ ...loyaltyPoints.spec.outputPorts[0], contract }],
      },
    };
    expect(emitted).toEqual([
      { type: 'refresh', key: `file:${location.target}` },
      { type: 'entity', location, entity: expected },
    ]);
    const entity = (emitted[1] as any).entity;
    expect(
      JSON.parse(entity.metadata.annotations['datamesh.io/loss-report']),
    ).toEqual(
      expect.arrayContaining([
        {
          file: 'product.yaml',
          path: 'outputPorts[0].sbom',
          reason: 'no equivalent in the DataProduct entity',
        },
        {
          file: 'product.yaml',
          path: 'customProperties[2]',
          reason: "custom property 'costCenter': no equivalent",
        },
      ]),
    );
    expect(await relationsOf(entity)).toEqual([
      'dataproduct:default/loyalty-points ownedBy group:default/marketing-domain-team',
      'group:default/marketing-domain-team ownerOf dataproduct:default/loyalty-points',
      'dataproduct:default/loyalty-points partOf domain:default/marketing',
      'domain:default/marketing hasPart dataproduct:default/loyalty-points',
    ]);
  });

  it('reports the contract an ODPS port names when no file next to it holds it', async () => {
    mockDir.setContent({ 'product.yaml': example('odps/loyalty-points.yaml') });
    const { emitted } = await read({
      type: 'file',
      target: mockDir.resolve('product.yaml'),
    });
    const entity = (emitted[1] as any).entity;
    expect(entity.spec.schema).toBeUndefined();
    expect(
      JSON.parse(entity.metadata.annotations['datamesh.io/loss-report']),
    ).toContainEqual({
      file: 'product.yaml',
      path: 'outputPorts[0].contractId',
      reason: expect.stringContaining(
        "contract 'loyalty-points-balances-contract' not found among the given files",
      ),
    });
  });

  it.each([
    [
      'dpds/shipment-tracking.json',
      { type: 'source-aligned', lifecycle: 'production', domain: 'inventory' },
      'info.owner.name',
    ],
    [
      'dcs/supplier-invoices.yaml',
      { type: 'source-aligned', lifecycle: 'production', domain: 'finance' },
      'terms.billing',
    ],
    [
      'odcs/stock-movements.yaml',
      { type: 'source-aligned', lifecycle: 'production', domain: 'inventory' },
      'description.usage',
    ],
  ])(
    'emits %s as a DataProduct, its type, lifecycle and domain from the vendor extensions, with its loss report',
    async (file, expected, lostPath) => {
      const location = { type: 'file', target: join(examples, file) };
      const { handled, emitted } = await read(location);
      expect(handled).toBe(true);
      expect(emitted.map(e => e.type)).toEqual(['refresh', 'entity']);
      const entity = (emitted[1] as any).entity;
      expect(entity.kind).toBe('DataProduct');
      expect(entity.spec).toEqual(expect.objectContaining(expected));
      const report = JSON.parse(
        entity.metadata.annotations['datamesh.io/loss-report'],
      );
      expect(report.map((r: any) => r.path)).toContain(lostPath);
    },
  );

  it('ingests a contract that gives no type, lifecycle or domain without them, and notes their absence', async () => {
    mockDir.setContent({
      'stock.yaml': example('odcs/stock-movements.yaml')
        .replace('  - property: productType\n    value: source-aligned\n', '')
        .replace('status: active\n', '')
        .replace('domain: inventory\n', ''),
    });
    const location = { type: 'file', target: mockDir.resolve('stock.yaml') };
    const { handled, emitted } = await read(location);
    expect(handled).toBe(true);
    expect(emitted.map(e => e.type)).toEqual(['refresh', 'entity']);
    const entity = (emitted[1] as any).entity;
    expect(entity.spec.owner).toBe('inventory-domain-team');
    for (const field of ['type', 'lifecycle', 'domain']) {
      expect(entity.spec).not.toHaveProperty(field);
    }
    // The catalog's kind validator accepts it, and it is part of no domain.
    await expect(
      new DataProductEntitiesProcessor().validateEntityKind(entity),
    ).resolves.toBe(true);
    expect(await relationsOf(entity)).toEqual([
      'dataproduct:default/stock-movements ownedBy group:default/inventory-domain-team',
      'group:default/inventory-domain-team ownerOf dataproduct:default/stock-movements',
    ]);
    const report = JSON.parse(
      entity.metadata.annotations['datamesh.io/loss-report'],
    );
    expect(report.slice(0, 3)).toEqual(
      ['spec.type', 'spec.lifecycle', 'spec.domain'].map(path => ({
        file: '',
        path,
        reason:
          'not set: no field of the source gives it, so the product has none (governance scores it as not set)',
      })),
    );
  });

  it('emits no half product from a contract that gives no owner: the error names the field', async () => {
    mockDir.setContent({
      'stock.yaml': example('odcs/stock-movements.yaml').replace(
        'team:\n  name: inventory-domain-team\n',
        '',
      ),
    });
    const location = { type: 'file', target: mockDir.resolve('stock.yaml') };
    const { handled, emitted } = await read(location);
    expect(handled).toBe(true);
    expect(emitted).toEqual([
      { type: 'refresh', key: `file:${location.target}` },
      {
        type: 'error',
        location,
        error: expect.objectContaining({
          name: 'InputError',
          message: `file:${location.target} (odcs v3.1.0) gives no value for spec.owner, which a DataProduct requires; no field of the source maps to it`,
        }),
      },
    ]);
  });

  it('joins the files a DPDS descriptor $refs, transitively, and no file outside its folder', async () => {
    const descriptor = JSON.parse(example('dpds/shipment-tracking.json'));
    descriptor.interfaceComponents.outputPorts.push(
      { $ref: 'ports/missing.yaml' },
      { $ref: '../outside.yaml' },
    );
    mockDir.setContent({
      'product/dpds.json': JSON.stringify(descriptor),
      'product/ports/shipment-events.yaml': `${example(
        'dpds/ports/shipment-events.yaml',
      )}\nx-schema: { $ref: '../schemas/events.json#/event' }\n`,
      'product/schemas/events.json': '{"event": {"type": "object"}}',
      'outside.yaml': 'secret: true\n',
    });
    const files = locationFiles(urlReader({}).reader, {
      type: 'file',
      target: mockDir.resolve('product/dpds.json'),
    });
    const main = await files.readMain();
    const detected = detectStandardText(main.text)!;
    expect(detected.standard).toEqual({ format: 'dpds', version: '1.0.0' });
    const product = await readProductFiles(files, main.text, detected);
    expect(product.map(f => f.path)).toEqual([
      'dpds.json',
      'ports/shipment-events.yaml',
      'schemas/events.json',
    ]);
  });

  it('names the file and the position when a standard file cannot be read', async () => {
    mockDir.setContent({
      'product.yaml': example('odps/loyalty-points.yaml'),
      'contracts/balances.yaml':
        'apiVersion: v3.1.0\nkind: DataContract\nid: loyalty-points-balances-contract\nschema: [\n',
    });
    const location = { type: 'file', target: mockDir.resolve('product.yaml') };
    const { emitted } = await read(location);
    expect(emitted).toHaveLength(2);
    expect(emitted[1]).toMatchObject({ type: 'error', location });
    expect((emitted[1] as any).error.message).toMatch(
      /cannot be imported: contracts\/balances\.yaml:\d+:\d+: /,
    );
  });

  it('leaves every other file, globs and location types to the catalog’s readers', async () => {
    mockDir.setContent({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
      'two.yaml': `${example('odcs/stock-movements.yaml')}\n---\nkind: Group\n`,
      'broken.yaml': 'a: [\n',
    });
    for (const location of [
      { type: 'file', target: mockDir.resolve('catalog-info.yaml') },
      { type: 'file', target: mockDir.resolve('two.yaml') },
      { type: 'file', target: mockDir.resolve('broken.yaml') },
      { type: 'file', target: mockDir.resolve('missing.yaml') },
      { type: 'file', target: mockDir.resolve('*.yaml') },
      { type: 'github-discovery', target: 'https://github.com/o' },
    ]) {
      expect(await read(location)).toEqual({ handled: false, emitted: [] });
    }
  });

  it('reads URL locations with the URL reader, and remembers a URL that holds no standard by its ETag', async () => {
    const base = 'https://git.example.com/acme/products/raw/main';
    // The port links its contract on this origin, and a file elsewhere.
    const product = example('odps/loyalty-points.yaml').replace(
      '    contractId: loyalty-points-balances-contract\n',
      `    contractId: loyalty-points-balances-contract\n    authoritativeDefinitions:\n      - type: implementation\n        url: ${base}/odps/contracts/balances.odcs.yaml\n      - type: implementation\n        url: https://elsewhere.example.com/balances.odcs.yaml\n`,
    );
    const { reader, reads } = urlReader({
      [`${base}/odps/loyalty-points.yaml`]: product,
      [`${base}/odps/contracts/balances.odcs.yaml`]: example(
        'odps/contracts/loyalty-points-balances.odcs.yaml',
      ),
      'https://elsewhere.example.com/balances.odcs.yaml': example(
        'odps/contracts/loyalty-points-balances.odcs.yaml',
      ),
      [`${base}/catalog-info.yaml`]: 'kind: Component\n',
    });
    const processor = new StandardFilesProcessor({ reader });
    const imported = await read(
      { type: 'url', target: `${base}/odps/loyalty-points.yaml` },
      processor,
    );
    expect(
      (imported.emitted[1] as any).entity.spec.outputPorts[0].contract,
    ).toBe(`${base}/odps/contracts/balances.odcs.yaml`);
    // Nothing is read from another origin.
    expect(reads.filter(url => url.includes('elsewhere'))).toEqual([]);
    const cache = memoryCache();
    const other = { type: 'url', target: `${base}/catalog-info.yaml` };
    expect(await read(other, processor, cache)).toEqual({
      handled: false,
      emitted: [],
    });
    expect(await cache.get('not-a-standard')).toEqual({ etag: '"16"' });
    // Unchanged: answered by the ETag, and left to the catalog's reader.
    expect(await read(other, processor, cache)).toEqual({
      handled: false,
      emitted: [],
    });
    expect(reads.filter(url => url.endsWith('catalog-info.yaml'))).toHaveLength(
      2,
    );
  });
});
