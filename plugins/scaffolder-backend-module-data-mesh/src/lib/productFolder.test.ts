import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { claimFolder, copyFiles, listFiles } from './productFolder';

describe('product folders', () => {
  const dir = createMockDirectory();

  beforeEach(() => dir.clear());

  it('lets exactly one of many concurrent claims of a name win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        claimFolder(dir.resolve('root'), 'orders', 'orders'),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter(r => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toEqual(
        new ConflictError(
          `A data product named orders already exists (${dir.resolve(
            'root/orders',
          )}); choose another name`,
        ),
      );
    }
    expect(dir.content()).toEqual({ root: { orders: {} } });
  });

  it('refuses to claim outside the publish folder', async () => {
    await expect(claimFolder(dir.resolve('root'), '../x', 'x')).rejects.toThrow(
      /outside/,
    );
    expect(dir.content()).toEqual({ root: {} });
  });

  it('lists regular files in a stable order, without .git', async () => {
    dir.addContent({
      src: {
        'catalog-info.yaml': 'a',
        b: { 'z.md': 'z', 'a.md': 'a' },
        '.git': { HEAD: 'x' },
        '.github': { workflows: { 'ci.yaml': 'c' } },
      },
    });
    expect(await listFiles(dir.resolve('src'))).toEqual([
      '.github/workflows/ci.yaml',
      'b/a.md',
      'b/z.md',
      'catalog-info.yaml',
    ]);
  });

  it('copies every file and leaves no partial catalog-info.yaml behind', async () => {
    dir.addContent({
      src: { 'catalog-info.yaml': 'entity', docs: { 'index.md': '# x' } },
      out: {},
    });
    await copyFiles(dir.resolve('src'), dir.resolve('out'), [
      'catalog-info.yaml',
      'docs/index.md',
    ]);
    expect(dir.content({ path: 'out' })).toEqual({
      'catalog-info.yaml': 'entity',
      docs: { 'index.md': '# x' },
    });
  });

  it('refuses to overwrite a file in the target', async () => {
    dir.addContent({
      src: { 'a.txt': 'new' },
      out: { 'a.txt': 'old' },
    });
    await expect(
      copyFiles(dir.resolve('src'), dir.resolve('out'), ['a.txt']),
    ).rejects.toThrow(/EEXIST/);
    expect(dir.content({ path: 'out' })).toEqual({ 'a.txt': 'old' });
  });
});
