import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `datamesh:governance:check`, shown in the portal's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      "Check the catalog-info.yaml in the workspace before publishing; the step fails on error-severity violations and on breaking changes against the catalog's current version without a major version bump",
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'datamesh:governance:check',
          name: 'Check the governance policies',
        },
      ],
      output: {
        text: [
          {
            title: 'Governance',
            content:
              'Score ${{ steps.governance.output.score }} (${{ steps.governance.output.status }})',
          },
        ],
      },
    }),
  },
  {
    description:
      'Check a product kept in a sub-folder of the workspace (a monorepo of products)',
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'datamesh:governance:check',
          name: 'Check the governance policies',
          input: {
            catalogInfoPath: 'products/order-insights/catalog-info.yaml',
          },
        },
      ],
    }),
  },
  {
    description:
      "Let a breaking change against the catalog's current version pass with a warning (a product still in early use), the step failing only on error-severity violations",
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'datamesh:governance:check',
          name: 'Check the governance policies',
          input: { breakingChanges: 'warn' },
        },
      ],
    }),
  },
  {
    description:
      'Check the entity a previous step produced, without reading a file',
    example: stringify({
      steps: [
        {
          id: 'governance',
          action: 'datamesh:governance:check',
          name: 'Check the governance policies',
          input: { entity: '${{ steps.product.output.entity }}' },
        },
      ],
    }),
  },
];
