import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-facing texts of the data mesh plugin, in both frontend systems.
 * Apps replace any of them with `createTranslationMessages` (see the
 * README); the keys are the dotted paths of these messages, for example
 * `cards.lineage.title`.
 *
 * Page and tab titles of the new frontend system are extension config
 * (`title`), as Backstage's page blueprints take them.
 * @alpha
 */
export const dataMeshTranslationRef = createTranslationRef({
  id: 'data-mesh',
  messages: {
    pages: {
      domains: {
        title: 'Domain scorecards',
        subtitle: 'Governance scores of every domain and its data products',
      },
      kpis: {
        title: 'Data mesh KPIs',
        subtitle:
          'Mesh adoption, quality and consumption against their targets',
      },
    },
    cards: {
      notDataProduct: {
        title: 'Not a data product',
        message: 'This card shows entities of kind DataProduct.',
      },
      overview: {
        title: 'Data product',
        description: 'Description',
        type: 'Type',
        domain: 'Domain',
        owner: 'Owner',
        version: 'Version',
        lifecycle: 'Lifecycle',
        classification: 'Classification',
        retention: 'Retention',
        tags: 'Tags',
        links: 'Links',
      },
      scorecard: { title: 'Governance scorecard' },
      scoreHistory: { title: 'Score history' },
      versions: { title: 'Version history' },
      deprecation: { title: 'Deprecated' },
      deprecatedInputs: { title: 'Deprecated data products read' },
      slo: {
        title: 'Service level objectives',
        emptyTitle: 'No SLOs declared',
      },
      schema: { title: 'Schema', emptyTitle: 'No schema declared' },
      ports: {
        title: 'Ports',
        emptyTitle: 'No ports declared',
        output: 'Output ports',
        input: 'Input ports',
      },
      standards: {
        title: 'Open standards',
        importedFrom:
          'Imported from {{standard}} {{version}}. Fields of the source with no place in this product:',
        lossReport: 'Loss report of the import',
        lossless: 'Every field of the source has its place in this product.',
        notImported:
          'Written as a DataProduct. Export it to the open standards of data products and contracts:',
        export: { odps: 'Export ODPS + ODCS', dpds: 'Export DPDS' },
        exportNotFound: 'The product cannot be read.',
        downloaded: 'Downloaded {{archive}}: {{files}}',
        exportLoss: {
          odps: 'What ODPS and ODCS cannot hold',
          dpds: 'What DPDS cannot hold',
        },
        exportLossless: 'The standard holds every field of this product.',
      },
      lineage: {
        title: 'Lineage',
        loading: 'Loading the lineage',
        emptyTitle: 'No lineage',
        emptyDescription:
          'No product feeds this one and nothing reads it yet: declare spec.lineage.upstreamProducts and input ports that name the product they read.',
        upstream: 'Upstream (reads from)',
        downstream: 'Downstream (read by)',
        none: 'None',
      },
    },
  },
});
