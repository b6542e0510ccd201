import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { validateDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { runExample } from '../__testUtils__/exampleRuns';
import { folderCatalog } from '../__testUtils__/folderCatalog';
import { scorecard } from '../__testUtils__/inputs';
import { TEMPLATE_VALUES } from '../__testUtils__/templateValues';
import { createDataProductAction } from './createProduct';
import { examples as createExamples } from './createProduct.examples';
import { createGovernanceCheckAction } from './governanceCheck';
import { examples as governanceExamples } from './governanceCheck.examples';
import { createPublishLocalAction } from './publishLocal';
import { examples as publishExamples } from './publishLocal.examples';
import { createRecordProvenanceAction } from './recordProvenance';
import { examples as provenanceExamples } from './recordProvenance.examples';

const TEMPLATE_REF = 'template:default/source-aligned-data-product';
const REQUESTED_AT = new Date('2026-11-30T09:00:00.000Z');
const auth = mockServices.auth({ pluginId: 'scaffolder' });
/** The form of the source-aligned template, with every field filled in. */
const parameters = {
  ...TEMPLATE_VALUES['source-aligned-data-product'],
  maskingPolicy: 'hash_pii_for_non_privileged',
};

/**
 * Every example of every action, run as the scaffolder runs it: the example's
 * step input rendered with form parameters and the outputs of earlier steps,
 * the handler run against a real workspace, and the example's own `output`
 * section rendered with what the step output.
 */
describe('the examples of the actions', () => {
  const root = createMockDirectory();
  const readYaml = (path: string) => parse(readFileSync(path, 'utf8'));

  /** Runs the literal create example into a folder; gives the step's outputs. */
  async function createProduct(folder: string, name: string) {
    const run = await runExample(createDataProductAction(), createExamples[1], {
      workspacePath: root.resolve(folder),
      templateRef: TEMPLATE_REF,
    });
    const path = root.resolve(folder, 'catalog-info.yaml');
    const entity = readYaml(path);
    entity.metadata.name = name;
    root.addContent({
      [`${folder}/catalog-info.yaml`]: JSON.stringify(entity),
    });
    return {
      ...run.outputs,
      entity,
      entityRef: `dataproduct:default/${name}`,
    } as Record<string, any>;
  }

  beforeEach(() => root.clear());

  it.each(createExamples.map(e => [e.description, e]))(
    'datamesh:product:create: %s',
    async (_, example) => {
      const action = createDataProductAction({ now: () => REQUESTED_AT });
      const { input, outputs } = await runExample(action, example, {
        workspacePath: root.path,
        context: { parameters },
        templateRef: TEMPLATE_REF,
      });

      const entity = readYaml(root.resolve('catalog-info.yaml'));
      expect(validateDataProductEntity(entity).valid).toBe(true);
      expect(entity.metadata.name).toBe(input.name);
      expect(entity.spec.owner).toBe(input.owner);
      const ports = input.outputPorts.map((p: any) => p.name);
      expect(entity.spec.outputPorts.map((p: any) => p.name)).toEqual(ports);
      for (const port of ports) {
        const contract = readYaml(root.resolve(`contracts/${port}.odcs.yaml`));
        expect(contract.kind).toBe('DataContract');
      }
      expect(outputs.entityRef).toBe(`dataproduct:default/${input.name}`);
      expect(outputs.requestedAt).toBe(REQUESTED_AT.toISOString());
      expect(outputs.contracts).toEqual(
        ports.map((p: string) => `contracts/${p}.odcs.yaml`),
      );
    },
  );

  it.each(governanceExamples.map(e => [e.description, e]))(
    'datamesh:governance:check: %s',
    async (_, example) => {
      // Three different products: the example must check the one it names.
      await createProduct('.', 'order-returns');
      await createProduct('products/order-insights', 'order-insights');
      const product = await createProduct('elsewhere', 'campaign-orders');
      const evaluate = jest.fn(async (entity: any, _options: unknown) => ({
        ...scorecard([]),
        entityRef: `dataproduct:default/${entity.metadata.name}`,
      }));
      // The example that only warns meets a catalog whose current version
      // of the product has a field the proposed one removed.
      const warns = example.example.includes('breakingChanges: warn');
      const inProduction = readYaml(root.resolve('catalog-info.yaml'));
      inProduction.spec.lifecycle = 'production';
      inProduction.spec.schema.fields.push({
        name: 'legacy_code',
        type: 'string',
      });
      const action = createGovernanceCheckAction({
        dataMesh: { evaluate } as Partial<DataMeshService> as DataMeshService,
        auth,
        catalog: catalogServiceMock({ entities: warns ? [inProduction] : [] }),
      });
      const { input, outputs, templateOutput } = await runExample(
        action,
        example,
        {
          workspacePath: root.path,
          context: { steps: { product: { output: product } } },
        },
      );

      const expected =
        input.entity ??
        readYaml(root.resolve(input.catalogInfoPath ?? 'catalog-info.yaml'));
      expect(evaluate).toHaveBeenCalledTimes(1);
      expect(evaluate.mock.calls[0][0]).toEqual(expected);
      expect(evaluate.mock.calls[0][1]).toEqual({
        credentials: mockCredentials.service('plugin:scaffolder'),
      });
      expect(outputs).toEqual({
        score: 100,
        status: 'pass',
        violations: [],
        breakingChanges: warns
          ? [
              {
                kind: 'field-removed',
                path: 'spec.schema.fields',
                message: "Field 'legacy_code' removed",
              },
            ]
          : [],
      });
      expect(JSON.stringify(templateOutput)).not.toContain('${{');
    },
  );

  it.each(publishExamples.map(e => [e.description, e]))(
    'datamesh:publish:local: %s',
    async (_, example) => {
      await createProduct('workspace', 'order-returns');
      await createProduct('workspace/product', 'order-insights');
      const publishDir = root.resolve('published');
      const { catalog } = folderCatalog(publishDir);
      const action = createPublishLocalAction({
        config: mockServices.rootConfig({
          data: { dataMesh: { selfServe: { localPublishDir: publishDir } } },
        }),
        catalog,
        auth,
      });
      const workspacePath = root.resolve('workspace');
      const { input, outputs, templateOutput } = await runExample(
        action,
        example,
        { workspacePath },
      );

      const source = readYaml(
        root.resolve('workspace', input.sourcePath ?? '.', 'catalog-info.yaml'),
      );
      const name = source.metadata.name;
      expect(outputs.entityRef).toBe(`dataproduct:default/${name}`);
      expect(outputs.path).toBe(root.resolve('published', name));
      expect(
        readYaml(root.resolve('published', name, 'catalog-info.yaml')),
      ).toEqual(source);
      expect(await catalog.getEntityByRef(outputs.entityRef)).toEqual(source);
      expect(JSON.stringify(templateOutput)).not.toContain('${{');
    },
  );

  it.each(provenanceExamples.map(e => [e.description, e]))(
    'datamesh:provenance:record: %s',
    async (_, example) => {
      const product = await createProduct('workspace', 'order-returns');
      const recordProvenance = jest.fn();
      const action = createRecordProvenanceAction({
        dataMesh: {
          recordProvenance,
        } as Partial<DataMeshService> as DataMeshService,
        auth,
      });
      const { outputs } = await runExample(action, example, {
        workspacePath: root.resolve('workspace'),
        context: { steps: { product: { output: product } } },
        templateRef: TEMPLATE_REF,
      });

      expect(recordProvenance).toHaveBeenCalledWith(
        product.entityRef,
        {
          templateRef: TEMPLATE_REF,
          requestedAt: product.requestedAt,
          taskId: 'mock-task-id',
        },
        { credentials: mockCredentials.service('plugin:scaffolder') },
      );
      expect(outputs).toEqual({ recorded: true });
    },
  );
});
