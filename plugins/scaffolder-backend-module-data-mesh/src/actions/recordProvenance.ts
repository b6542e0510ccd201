import { AuthService } from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
import { parseActionInput, Zod } from '../lib/actionSchema';
import { examples } from './recordProvenance.examples';

const ACTION_ID = 'datamesh:provenance:record';

/** The input of `datamesh:provenance:record`, one zod schema per field. */
const inputFields = {
  entityRef: (z: Zod) =>
    z.string({ description: 'The DataProduct the run created' }).min(1),
  requestedAt: (z: Zod) =>
    z
      .string({
        description:
          'When the run was requested (the requestedAt output of datamesh:product:create)',
      })
      .datetime({ offset: true }),
};

const outputFields = {
  recorded: (z: Zod) =>
    z.boolean({
      description: 'Whether the provenance was recorded (false in dry-runs)',
    }),
};

/**
 * Creates the `datamesh:provenance:record` action: the last step of a
 * self-serve template. It tells the data-mesh backend, with the
 * scaffolder's own service credentials, that this run created the product
 * and when it was requested; the self-serve and time-to-data KPIs count only
 * that evidence, never annotations. Run it after publishing, so that only a
 * run that succeeded records anything.
 *
 * @param options - the data-mesh service (`dataMeshServiceRef`) and
 *   Backstage's auth service, for the scaffolder's own credentials.
 * @public
 */
export function createRecordProvenanceAction(options: {
  dataMesh: DataMeshService;
  auth: AuthService;
}) {
  const { dataMesh, auth } = options;
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Records that this template run created a data product, for the self-serve KPIs',
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: outputFields },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, inputFields, ctx.input);
      const templateRef = ctx.templateInfo?.entityRef;
      if (ctx.isDryRun || !templateRef) {
        ctx.logger.info(
          ctx.isDryRun
            ? `Dry run: the provenance of ${input.entityRef} is not recorded`
            : `No template entity for this run: the provenance of ${input.entityRef} is not recorded`,
        );
        ctx.output('recorded', false);
        return;
      }
      await ctx.checkpoint({
        key: `record-provenance.${input.entityRef}`,
        fn: async () => {
          try {
            await dataMesh.recordProvenance(
              input.entityRef,
              {
                templateRef,
                requestedAt: input.requestedAt,
                ...(ctx.task?.id ? { taskId: ctx.task.id } : {}),
              },
              { credentials: await auth.getOwnServiceCredentials() },
            );
          } catch (error) {
            if (error instanceof ResponseError) {
              throw new ForwardedError(
                `The data-mesh backend did not record the provenance of ${
                  input.entityRef
                }: ${error.body?.error?.message ?? error.message}`,
                error,
              );
            }
            throw error;
          }
        },
      });
      ctx.logger.info(
        `Recorded that ${templateRef} created ${input.entityRef}`,
      );
      ctx.output('recorded', true);
    },
  });
}
