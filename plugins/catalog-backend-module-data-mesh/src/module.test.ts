import {
  DataMeshService,
  dataMeshServiceRef,
} from '@datamesh-backstage/plugin-data-mesh-node';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { perPluginDatabases } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import request from 'supertest';
import { stringify } from 'yaml';
import { customer360 } from './__testUtils__/products';
import { catalogModuleDataMesh } from './module';

/** Polls until `probe` returns a value, for at most `timeoutMs`. */
async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Condition not met within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

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
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const processingErrors: Array<{ entity: string; message: string }> = [];

  // Records the catalog's processing errors, as the logs module would.
  const errorRecorder = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-recorder',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(
            ({ unprocessedEntity, errors }) => {
              for (const error of errors) {
                processingErrors.push({
                  entity: unprocessedEntity.metadata.name,
                  message: error.message,
                });
              }
            },
          );
        },
      });
    },
  });

  const backends: Array<{ stop(): Promise<void> }> = [];

  async function startCatalog() {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataMesh,
        noAgreements,
        errorRecorder,
        perPluginDatabases(() => databases.init('SQLITE_3')),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['DataProduct', 'Location'] }],
              locations: [
                { type: 'file', target: mockDir.resolve('products.yaml') },
              ],
            },
          },
        }),
      ],
    });
    backends.push(backend);
    return request(backend.server);
  }

  beforeEach(() => {
    processingErrors.length = 0;
  });

  afterEach(async () => {
    await Promise.all(backends.splice(0).map(backend => backend.stop()));
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
