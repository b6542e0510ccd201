import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import {
  RELATION_DATA_AGREEMENT_HELD_BY,
  RELATION_HAS_DATA_AGREEMENT_FOR,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  catalogGraphModule,
  createCatalogGraphApi,
} from './catalogGraphModule';

describe('the catalog graph of the app', () => {
  it('draws agreements between consumers and products as a pair of relations, by default', () => {
    const api = createCatalogGraphApi();
    expect(api.knownRelationPairs).toContainEqual([
      RELATION_HAS_DATA_AGREEMENT_FOR,
      RELATION_DATA_AGREEMENT_HELD_BY,
    ]);
    expect(api.defaultRelations).toEqual(
      expect.arrayContaining([
        RELATION_HAS_DATA_AGREEMENT_FOR,
        RELATION_DATA_AGREEMENT_HELD_BY,
        // Backstage's own relations stay.
        'ownedBy',
        'ownerOf',
      ]),
    );
  });

  it("replaces the catalog graph plugin's relations, on the card and the page", () => {
    // A module's extension replaces the plugin's extension of the same id.
    const ids = (
      catalogGraphModule as unknown as { extensions: Array<{ id: string }> }
    ).extensions.map(extension => extension.id);
    expect(catalogGraphModule.pluginId).toBe(catalogGraphPlugin.id);
    expect(ids).toEqual(['api:catalog-graph']);
    expect(catalogGraphPlugin.getExtension('api:catalog-graph')).toBeDefined();
  });
});
