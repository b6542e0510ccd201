import {
  DataMeshService,
  dataMeshServiceRef,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { customer360 } from './__testUtils__/products';
import { eventually, testCatalogs } from './__testUtils__/testCatalog';

function product(name: string, change?: (spec: any) => void): Entity {
  const entity = customer360();
  entity.metadata = { name, title: name };
  change?.(entity.spec);
  return entity;
}

const toYaml = (entities: Entity[]) =>
  entities.map(entity => stringify(entity)).join('---\n');

/** The data-mesh backend as the module reads it: no agreements. */
const noAgreements = createServiceFactory({
  service: dataMeshServiceRef,
  deps: {},
  factory: () =>
    ({ listAgreements: async () => [] } as unknown as DataMeshService),
});

describe('catalogModuleDataMesh', () => {
  const mockDir = createMockDirectory();
  const { start: startCatalog, processingErrors } = testCatalogs({
    features: [noAgreements],
    config: () => ({
      catalog: {
        rules: [{ allow: ['DataProduct', 'Location'] }],
        locations: [{ type: 'file', target: mockDir.resolve('products.yaml') }],
      },
    }),
  });

  it('validates products through POST /api/catalog/validate-entity', async () => {
    mockDir.setContent({ 'products.yaml': '' });
    const api = await startCatalog();
    const validate = (entity: Entity) =>
      api.post('/api/catalog/validate-entity').send({
        entity,
        location: 'url:https://example.com/catalog-info.yaml',
      });

    const valid = await validate(product('valid-product'));
    expect(valid.status).toBe(200);

    const invalid = await validate(
      product('invalid-product', spec => {
        delete spec.owner;
        spec.access.classification = 'secret';
      }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(
          'Invalid DataProduct: spec.owner is required; spec.access.classification must be one of: public, internal, confidential, restricted',
        ),
      }),
    ]);
  });

  it('ingests the good products of a file, reports the bad one, and keeps the last good version', async () => {
    const good = product('good-product');
    const bad = product('bad-product', spec => (spec.type = 'lake'));
    mockDir.setContent({ 'products.yaml': toYaml([good, bad]) });
    const api = await startCatalog();
    const getProduct = (name: string) =>
      api.get(`/api/catalog/entities/by-name/dataproduct/default/${name}`);

    // The good product is ingested with its relations.
    const ingested = await eventually(async () => {
      const res = await getProduct('good-product');
      return res.status === 200 && res.body.relations.length > 0
        ? res.body
        : undefined;
    });
    expect(ingested.spec.type).toBe('aggregate');
    expect(ingested.relations).toEqual(
      expect.arrayContaining([
        {
          type: 'ownedBy',
          targetRef: 'group:default/customer-domain-team',
        },
        { type: 'partOf', targetRef: 'domain:default/customer' },
        { type: 'dependsOn', targetRef: 'dataproduct:default/order-events' },
        {
          type: 'consumesDataProduct',
          targetRef: 'dataproduct:default/order-events',
        },
      ]),
    );

    // The bad one is a processing error naming the field, and not in the catalog.
    const badError = await eventually(async () =>
      processingErrors.find(e => e.entity === 'bad-product'),
    );
    expect(badError.message).toContain(
      'Invalid DataProduct: spec.type must be one of: source-aligned, consumer-aligned, aggregate',
    );
    expect((await getProduct('bad-product')).status).toBe(404);

    // The good product turns bad: its last good version stays, with the error.
    mockDir.setContent({
      'products.yaml': toYaml([
        product('good-product', spec => (spec.version = 'two')),
        bad,
      ]),
    });
    await api
      .post('/api/catalog/refresh')
      .send({ entityRef: 'dataproduct:default/good-product' })
      .expect(200);
    const kept = await eventually(async () => {
      const res = await getProduct('good-product');
      return res.body.status?.items?.length ? res.body : undefined;
    });
    expect(kept.spec.version).toBe('2.1.0');
    expect(kept.status.items[0].error.message).toContain(
      'Invalid DataProduct: spec.version is not in the expected format',
    );
  }, 60_000);
});
