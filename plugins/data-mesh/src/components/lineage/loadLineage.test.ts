import type { Entity } from '@backstage/catalog-model';
import { loadLineage } from './loadLineage';

const product = (name: string, relations: Array<[string, string]>): Entity => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default' },
  relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
});

const catalog = new Map<string, Entity>(
  [
    product('raw', [['dependencyOf', 'dataproduct:default/clean']]),
    product('clean', [
      ['dependsOn', 'dataproduct:default/raw'],
      ['dependencyOf', 'dataproduct:default/mart'],
    ]),
    product('mart', [
      ['dependsOn', 'dataproduct:default/clean'],
      ['dataProductConsumedBy', 'component:default/dashboard'],
      ['dependencyOf', 'dataproduct:default/ml'],
    ]),
    product('ml', [['dependsOn', 'dataproduct:default/mart']]),
  ].map(e => [`dataproduct:default/${e.metadata.name}`, e]),
);

async function getEntities(refs: string[]) {
  return new Map(
    refs.flatMap(ref => (catalog.has(ref) ? [[ref, catalog.get(ref)!]] : [])),
  );
}

describe('loadLineage', () => {
  it('walks upstream and downstream up to the depth, edges in the direction data flows', async () => {
    const lineage = await loadLineage(
      catalog.get('dataproduct:default/clean')!,
      getEntities,
      2,
    );
    expect(
      lineage.nodes.map(n => `${n.side}:${n.depth}:${n.id}`).sort(),
    ).toEqual([
      'downstream:1:dataproduct:default/mart',
      'downstream:2:component:default/dashboard',
      'downstream:2:dataproduct:default/ml',
      'root:0:dataproduct:default/clean',
      'upstream:1:dataproduct:default/raw',
    ]);
    expect(lineage.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'dataproduct:default/raw',
          to: 'dataproduct:default/clean',
          label: 'lineage',
        },
        {
          from: 'dataproduct:default/mart',
          to: 'component:default/dashboard',
          label: 'reads',
        },
      ]),
    );
    // Edges only join nodes of the graph.
    const ids = new Set(lineage.nodes.map(n => n.id));
    for (const edge of lineage.edges) {
      expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    }
  });

  it('stops at the depth and merges the labels of parallel relations', async () => {
    const root = product('x', [
      ['dependsOn', 'dataproduct:default/raw'],
      ['consumesDataProduct', 'DataProduct:default/raw'],
    ]);
    const lineage = await loadLineage(root, getEntities, 1);
    expect(lineage.nodes.map(n => n.id)).toEqual([
      'dataproduct:default/x',
      'dataproduct:default/raw',
    ]);
    expect(lineage.edges).toEqual([
      {
        from: 'dataproduct:default/raw',
        to: 'dataproduct:default/x',
        label: 'lineage, reads',
      },
    ]);
  });

  it('keeps entities the catalog does not return, by their ref', async () => {
    const root = product('y', [['dependsOn', 'dataproduct:default/gone']]);
    const lineage = await loadLineage(root, getEntities, 3);
    expect(lineage.nodes[1]).toMatchObject({
      id: 'dataproduct:default/gone',
      kind: 'dataproduct',
      name: 'gone',
      side: 'upstream',
    });
  });
});
