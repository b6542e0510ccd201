import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  DataMeshService,
  dataMeshServiceRef,
} from '@datamesh-backstage/plugin-data-mesh-node';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { perPluginDatabases } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import request from 'supertest';
import { customer360 } from '../__testUtils__/products';
import { catalogModuleDataMesh } from '../module';

/** The data-mesh backend as the module reads it: no agreements. */
const noAgreements = createServiceFactory({
  service: dataMeshServiceRef,
  deps: {},
  factory: () =>
    ({ listAgreements: async () => [] } as unknown as DataMeshService),
});

describe('the DataProduct kind in the catalog model', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let api: ReturnType<typeof request>;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataMesh,
        noAgreements,
        perPluginDatabases(() => databases.init('SQLITE_3')),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              // Without the module's processor, only the catalog's model
              // can recognise a DataProduct.
              processorOptions: {
                DataProductEntitiesProcessor: { disabled: true },
              },
            },
          },
        }),
      ],
    });
    api = request(backend.server);
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  const validate = (entity: Entity) =>
    api.post('/api/catalog/validate-entity').send({
      entity,
      location: 'url:https://example.com/catalog-info.yaml',
    });

  it('is validated by the catalog itself, with the kind schema', async () => {
    expect((await validate(customer360())).status).toBe(200);

    const broken: any = customer360();
    delete broken.spec.owner;
    broken.spec.type = 'lake';
    const refused = await validate(broken);
    expect(refused.status).toBe(400);
    const [error] = refused.body.errors;
    expect(error.message).toContain('Processor ModelProcessor threw an error');
    expect(error.message).toContain(
      "/spec must have required property 'owner'",
    );
    expect(error.message).toContain('/spec/type must be equal to one of');
  });

  it('keeps validating the built-in kinds', async () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'dashboard' },
      spec: { type: 'website', lifecycle: 'production', owner: 'team' },
    };
    expect((await validate(component)).status).toBe(200);
    const { owner, ...withoutOwner } = component.spec;
    expect((await validate({ ...component, spec: withoutOwner })).status).toBe(
      400,
    );
  });

  it("is described in the catalog's model description", async () => {
    const response = await api
      .post(
        '/api/catalog/.backstage/actions/v1/actions/catalog:get-catalog-model-description/invoke',
      )
      .send({});
    expect(response.status).toBe(200);
    const { description } = response.body.output;
    expect(description).toContain('### Entity Kind "DataProduct"');
    expect(description).toContain('apiVersion: "datamesh.io/v1alpha1"');
    expect(description).toContain('A data product of the data mesh');
    expect(description).toContain('datamesh.io/consumes');
    expect(description).toContain('consumesDataProduct');
    expect(description).toContain('hasDataAgreementFor');
  });
});
