import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `datamesh:provenance:record`, shown in the portal's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Record, as the last step after publishing, that this run created the product',
    example: stringify({
      steps: [
        {
          id: 'record',
          action: 'datamesh:provenance:record',
          name: 'Record the self-serve run',
          input: {
            entityRef: '${{ steps.product.output.entityRef }}',
            requestedAt: '${{ steps.product.output.requestedAt }}',
          },
        },
      ],
    }),
  },
];
