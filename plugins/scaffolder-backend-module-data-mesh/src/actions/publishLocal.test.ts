import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { symlinkSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { folderCatalog } from '../__testUtils__/folderCatalog';
import { publishingFixture } from '../__testUtils__/publishing';
import { createPublishLocalAction } from './publishLocal';

const REF = 'dataproduct:default/order-returns';

describe('datamesh:publish:local', () => {
  const root = createMockDirectory();
  const { publishDir, workspaceWith, publisher, published } =
    publishingFixture(root);

  beforeEach(() => root.clear());

  it('publishes the workspace, has the catalog read it, and links the product', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const { catalog, run } = publisher();
    const ctx = await run(workspace);

    const folder = root.resolve('published/order-returns');
    expect(published()).toEqual({
      'order-returns': {
        'catalog-info.yaml': root.content({ path: 'ws' })!['catalog-info.yaml'],
        contracts: {
          'returns-table.odcs.yaml': expect.any(String),
          'returns-api.odcs.yaml': expect.any(String),
        },
        'mkdocs.yml': 'site_name: order-returns\n',
        docs: { 'index.md': '# Order Returns\n\nReturns.\n' },
      },
    });
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/self-serve-products',
      { credentials: mockCredentials.service('plugin:scaffolder') },
    );
    expect(await catalog.getEntityByRef(REF)).toMatchObject({
      metadata: { name: 'order-returns', description: 'Returns.' },
    });
    expect(ctx.output).toHaveBeenCalledWith('entityRef', REF);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      pathToFileURL(`${folder}/catalog-info.yaml`).toString(),
    );
    expect(ctx.output).toHaveBeenCalledWith('path', folder);
  });

  it('does not publish again when a resumed task already did', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const { catalog, run } = publisher();
    await run(workspace);

    const { catalog: resumed } = folderCatalog(publishDir);
    await resumed.refreshEntity('location:default/self-serve-products');
    const action = createPublishLocalAction({
      config: mockServices.rootConfig({
        data: { dataMesh: { selfServe: { localPublishDir: publishDir } } },
      }),
      catalog: resumed,
      auth: mockServices.auth(),
    });
    const checkpoint = jest.fn(async () => ({
      path: root.resolve('published/order-returns'),
    }));
    const ctx = {
      ...createMockActionContext({ workspacePath: workspace }),
      checkpoint,
    };
    await action.handler(ctx as any);

    expect(checkpoint).toHaveBeenCalledWith({
      key: 'publish.local.order-returns',
      fn: expect.any(Function),
    });
    expect(ctx.output).toHaveBeenCalledWith('entityRef', REF);
    expect(catalog.refreshEntity).toHaveBeenCalledTimes(1);
  });

  it('writes nothing in a dry run, but reports the outcome and conflicts', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const { catalog, run } = publisher();

    const ctx = await run(workspace, {}, true);
    expect(ctx.output).toHaveBeenCalledWith('entityRef', REF);
    expect(published()).toBeUndefined();
    expect(catalog.refreshEntity).not.toHaveBeenCalled();

    root.addContent({ published: { 'order-returns': {} } });
    await expect(run(workspace, {}, true)).rejects.toThrow(
      /A data product named order-returns already exists/,
    );
  });

  it('refuses a workspace holding a symbolic link, and writes nothing', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    symlinkSync('/etc/hostname', root.resolve('ws/docs/host'));
    const { run } = publisher();

    await expect(run(workspace)).rejects.toThrow(
      new InputError(
        'docs/host is a symbolic link; only regular files can be published',
      ),
    );
    expect(published()).toBeUndefined();
  });

  it.each([
    [{ sourcePath: '../ws2' }, /outside/],
    [
      { sourcePath: 'docs' },
      'catalog-info.yaml does not exist in the workspace',
    ],
  ])('refuses %j', async (input, message) => {
    const workspace = await workspaceWith('ws', 'Returns.');
    await workspaceWith('ws2', 'Other.');
    const { run } = publisher();
    await expect(run(workspace, input)).rejects.toThrow(message);
    expect(published()).toBeUndefined();
  });

  it('refuses a workspace whose catalog-info.yaml is not a DataProduct', async () => {
    root.addContent({
      ws: { 'catalog-info.yaml': 'apiVersion: v1\nkind: Component\n---\n{}\n' },
    });
    const { run } = publisher();
    await expect(run(root.resolve('ws'))).rejects.toThrow(
      'catalog-info.yaml must hold exactly one YAML document (the DataProduct)',
    );
  });
});
