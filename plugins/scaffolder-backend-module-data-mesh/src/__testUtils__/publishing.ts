import { MockDirectory, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishLocalAction } from '../actions/publishLocal';
import { folderCatalog } from './folderCatalog';
import { writeOrderProduct } from './workspace';

/**
 * Workspaces and publishers of `datamesh:publish:local` in a mock directory:
 * workspaces are its sub-folders, products are published to `published/`.
 */
export function publishingFixture(root: MockDirectory) {
  const publishDir = root.resolve('published');

  /** A workspace as the template leaves it: the product, its contracts and docs. */
  async function workspaceWith(name: string, description: string) {
    const path = root.resolve(name);
    root.addContent({
      [name]: {
        'mkdocs.yml': 'site_name: order-returns\n',
        docs: { 'index.md': `# Order Returns\n\n${description}\n` },
        '.git': { HEAD: 'ref: refs/heads/main\n' },
      },
    });
    await writeOrderProduct(path, { description });
    return path;
  }

  function publisher(
    options: {
      entities?: Entity[];
      ingest?: boolean;
      selfServe?: Record<string, unknown>;
    } = {},
  ) {
    const { catalog, entities } = folderCatalog(publishDir, options);
    const action = createPublishLocalAction({
      config: mockServices.rootConfig({
        data: {
          dataMesh: {
            selfServe: { localPublishDir: publishDir, ...options.selfServe },
          },
        },
      }),
      catalog,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
    const run = (
      workspacePath: string,
      input: Record<string, unknown> = {},
      isDryRun = false,
    ) => {
      // createMockActionContext does not take isDryRun: set it on the result.
      const ctx = {
        ...createMockActionContext({ input: input as any, workspacePath }),
        isDryRun,
      };
      return action.handler(ctx).then(() => ctx);
    };
    return { catalog, entities, run };
  }

  const published = () => root.content({ path: 'published' });

  return { publishDir, workspaceWith, publisher, published };
}
