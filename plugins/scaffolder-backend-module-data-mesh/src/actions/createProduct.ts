import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseActionInput } from '../lib/actionSchema';
import { writeYamlFile } from '../lib/yamlFiles';
import { buildContract } from '../product/buildContract';
import { buildDataProduct } from '../product/buildDataProduct';
import { contractPath, modelName } from '../product/checkProductInput';
import { productInputFields } from '../product/productInput';
import { examples } from './createProduct.examples';

const ACTION_ID = 'datamesh:product:create';

/**
 * Creates the `datamesh:product:create` action: builds a `DataProduct`
 * entity from a template's form input (with the template and the time of the
 * request annotated, and the platform's quality tests declared), validates
 * it, and writes `catalog-info.yaml` and one ODCS data contract per output
 * port into the workspace. Text from the form is serialised as YAML data:
 * `${{ }}` or `{{ }}` in it is written as it is, never evaluated.
 *
 * @param options - `now` replaces the clock (for tests).
 * @public
 */
export function createDataProductAction(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes catalog-info.yaml (a DataProduct with the platform standards built in) and a data contract per output port into the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: productInputFields,
      output: {
        entityRef: z =>
          z.string({ description: 'Entity ref of the new product' }),
        requestedAt: z =>
          z.string({
            description:
              'When the run was requested, for datamesh:provenance:record',
          }),
        entity: z =>
          z
            .record(z.any())
            .describe('The DataProduct entity written to catalog-info.yaml'),
        contracts: z =>
          z.array(z.string()).describe('Workspace paths of the contract files'),
        pipeline: z =>
          z
            .object({
              model: z.string(),
              columns: z.array(z.string()),
              uniqueKey: z.string().optional(),
              upstreamModels: z.array(z.string()),
            })
            .describe(
              'Identifiers for the pipeline stub: model, columns, upstream models',
            ),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, productInputFields, ctx.input);
      const targetDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath,
      );
      // Kept across task recovery, so that a resumed run writes the same product.
      const requestedAt = await ctx.checkpoint({
        key: `requested-at.${input.name}`,
        fn: async () => now().toISOString(),
      });
      const templateRef = ctx.templateInfo?.entityRef;
      const entity = buildDataProduct(input, { templateRef, requestedAt });
      const entityRef = stringifyEntityRef(entity);

      await writeYamlFile(
        targetDir,
        'catalog-info.yaml',
        entity,
        ` ${entityRef}${
          templateRef ? `, created with ${templateRef}` : ''
        }.\n` +
          ' The governance check runs on every change (.github/workflows).',
      );
      const contracts: string[] = [];
      for (const port of entity.spec.outputPorts ?? []) {
        const path = contractPath(port.name);
        await writeYamlFile(
          targetDir,
          path,
          buildContract(entity, port),
          ` Data contract of the output port '${port.name}' of ${entityRef} (ODCS).`,
        );
        contracts.push(path);
      }
      ctx.logger.info(
        `Wrote catalog-info.yaml and ${contracts.length} data contract(s) for ${entityRef}`,
      );

      ctx.output('entityRef', entityRef);
      ctx.output('requestedAt', requestedAt);
      ctx.output('entity', entity);
      ctx.output('contracts', contracts);
      ctx.output('pipeline', {
        model: modelName(entity.metadata.name),
        columns: input.schema.fields.map(f => f.name),
        uniqueKey: input.quality?.uniqueKey,
        upstreamModels: (entity.spec.lineage?.upstreamProducts ?? []).map(ref =>
          modelName(parseEntityRef(ref).name),
        ),
      });
    },
  });
}
