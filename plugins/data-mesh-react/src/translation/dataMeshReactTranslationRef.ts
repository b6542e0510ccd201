import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-facing texts of the components of
 * `@datamesh-backstage/plugin-data-mesh-react`; apps replace them with
 * `createTranslationMessages`, keyed by dotted path (for example
 * `dataProductScorecard.title`).
 * @public
 */
export const dataMeshReactTranslationRef = createTranslationRef({
  id: 'data-mesh-react',
  messages: {
    dataProductScorecard: {
      title: 'Data product governance',
      loading: 'Loading the scorecard',
      notScored: 'Not scored yet',
      notScoredDescription:
        'The governance sweep has not scored this product yet, or you may not see it.',
      score: 'Score {{score}} out of 100',
      counts:
        'Errors: {{errors}} · Warnings: {{warnings}} · Waived: {{waived}}',
      topViolations: 'Violations to fix first',
      open: 'Open the product',
    },
  },
});
