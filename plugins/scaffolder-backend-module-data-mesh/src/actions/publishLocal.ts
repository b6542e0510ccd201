import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { pathToFileURL } from 'node:url';
import { assertNotInCatalog, ingest } from '../lib/catalogIngestion';
import { parseActionInput, Zod } from '../lib/actionSchema';
import {
  CATALOG_INFO,
  claimFolder,
  copyFiles,
  exists,
  listFiles,
  removeFolder,
} from '../lib/productFolder';
import { readSelfServeSettings } from '../lib/selfServeConfig';
import { readDataProductFile } from '../lib/yamlFiles';
import { examples } from './publishLocal.examples';

const ACTION_ID = 'datamesh:publish:local';

/** The input of `datamesh:publish:local`, one zod schema per field. */
const inputFields = {
  sourcePath: (z: Zod) =>
    z
      .string({
        description:
          'Workspace folder to publish, inside the workspace; it holds the catalog-info.yaml (default: the whole workspace)',
      })
      .default('.'),
};

const outputFields = {
  entityRef: (z: Zod) => z.string({ description: 'Entity ref of the product' }),
  catalogInfoUrl: (z: Zod) =>
    z.string({ description: 'file: URL of the published catalog-info.yaml' }),
  path: (z: Zod) => z.string({ description: 'The published folder' }),
};

/**
 * Creates the `datamesh:publish:local` action, the publishing step of portals
 * without a git host (such as the local demo portal): it copies the
 * workspace to `<dataMesh.selfServe.localPublishDir>/<product name>/` and
 * has the catalog read it at once through the Location
 * `dataMesh.selfServe.catalogLocation`, then waits until the product is in
 * the catalog. A name the catalog already holds is refused; the target
 * folder is claimed atomically, so of two runs publishing the same name
 * exactly one wins and the other fails with nothing written. A failed run
 * removes what it published. Real portals use `publish:github` (or another
 * `publish:*` action) and `catalog:register` instead.
 *
 * @param options - Backstage's config, catalog and auth services.
 * @public
 */
export function createPublishLocalAction(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const { catalog, auth } = options;
  const settings = readSelfServeSettings(options.config);
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Publishes the workspace to a local folder the catalog reads, and waits until the data product is in the catalog (portals without a git host)',
    examples,
    supportsDryRun: true,
    schema: { input: inputFields, output: outputFields },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, inputFields, ctx.input);
      const source = resolveSafeChildPath(ctx.workspacePath, input.sourcePath);
      const entity = await readDataProductFile(source, CATALOG_INFO);
      const entityRef = stringifyEntityRef(entity);
      const name = entity.metadata.name;
      // Entity names are unique regardless of case; so are the folders.
      const folder = name.toLocaleLowerCase('en-US');
      const target = resolveSafeChildPath(settings.publishDir, folder);
      const files = await listFiles(source);
      const credentials = await auth.getOwnServiceCredentials();

      const catalogInfoUrl = pathToFileURL(
        resolveSafeChildPath(target, CATALOG_INFO),
      ).toString();
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', catalogInfoUrl);
      ctx.output('path', target);

      if (ctx.isDryRun) {
        await assertNotInCatalog(catalog, entityRef, credentials);
        if (await exists(target)) {
          throw new ConflictError(
            `A data product named ${name} already exists (${target}); choose another name`,
          );
        }
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target} and register ${entityRef}`,
        );
        return;
      }

      // A resumed task whose publication completed does not publish again.
      await ctx.checkpoint({
        key: `publish.local.${folder}`,
        fn: async () => {
          await assertNotInCatalog(catalog, entityRef, credentials);
          const claimed = await claimFolder(settings.publishDir, folder, name);
          try {
            await copyFiles(source, claimed, files);
            ctx.logger.info(`Published ${files.length} files to ${claimed}`);
            await ingest({
              catalog,
              credentials,
              entityRef,
              location: settings.catalogLocation,
              timeoutMs: settings.ingestionTimeoutMs,
              publishDir: settings.publishDir,
            });
          } catch (error) {
            await removeFolder(claimed);
            ctx.logger.error(`Removed ${claimed}: nothing was published`);
            throw error;
          }
          return { path: claimed };
        },
      });
      ctx.logger.info(`${entityRef} is in the catalog`);
    },
  });
}
