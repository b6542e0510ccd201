import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { parse } from 'yaml';
import { publishingFixture } from '../__testUtils__/publishing';

const REF = 'dataproduct:default/order-returns';

describe('datamesh:publish:local: conflicts and failures', () => {
  const root = createMockDirectory();
  const { workspaceWith, publisher, published } = publishingFixture(root);

  beforeEach(() => root.clear());

  it('of two concurrent runs for the same name, exactly one wins and the other leaves nothing', async () => {
    const first = await workspaceWith('ws1', 'From the first run.');
    const second = await workspaceWith('ws2', 'From the second run.');
    const { entities, run } = publisher();

    const results = await Promise.allSettled([run(first), run(second)]);

    const fulfilled = results.filter(r => r.status === 'fulfilled');
    const rejected = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(rejected[0].reason.message).toMatch(
      /^A data product named order-returns already exists/,
    );

    // One folder, holding exactly the winner's files: nothing of the loser.
    const winner = results[0].status === 'fulfilled' ? 'ws1' : 'ws2';
    const { '.git': _git, ...winnerFiles } = root.content({ path: winner })!;
    expect(published()).toEqual({ 'order-returns': winnerFiles });
    expect([...entities.keys()]).toEqual([REF]);
  });

  it('refuses a name the catalog already holds, and writes nothing', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const existing = parse(
      root.content({ path: 'ws' })!['catalog-info.yaml'] as string,
    );
    existing.metadata.name = 'Order-Returns';
    const { catalog, run } = publisher({ entities: [existing] });

    await expect(run(workspace)).rejects.toThrow(
      `A data product named Order-Returns already exists in the catalog (${REF}); choose another name`,
    );
    expect(published()).toBeUndefined();
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
  });

  it('refuses a folder that is already taken, and leaves it as it is', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    root.addContent({ published: { 'order-returns': { 'notes.txt': 'x' } } });
    const { run } = publisher();

    await expect(run(workspace)).rejects.toThrow(ConflictError);
    expect(published()).toEqual({ 'order-returns': { 'notes.txt': 'x' } });
  });

  it('removes the published folder when the catalog does not ingest it in time', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const { run } = publisher({
      ingest: false,
      selfServe: { ingestionTimeout: { milliseconds: 0 } },
    });

    await expect(run(workspace)).rejects.toThrow(
      `The catalog did not ingest ${REF} within 0 s of reading location:default/self-serve-products`,
    );
    expect(published()).toEqual({});
  });

  it('removes the published folder when the catalog location is missing', async () => {
    const workspace = await workspaceWith('ws', 'Returns.');
    const { run } = publisher({
      selfServe: { catalogLocation: 'location:default/elsewhere' },
    });

    await expect(run(workspace)).rejects.toThrow(
      /Could not ask the catalog to read location:default\/elsewhere/,
    );
    expect(published()).toEqual({});
  });
});
