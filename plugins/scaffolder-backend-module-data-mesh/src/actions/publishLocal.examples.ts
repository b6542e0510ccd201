import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `datamesh:publish:local`, shown in the portal's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace to the local folder the catalog reads, and link to the product page',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'datamesh:publish:local',
          name: 'Publish the data product',
        },
      ],
      output: {
        links: [
          {
            title: 'Open the data product',
            icon: 'catalog',
            entityRef: '${{ steps.publish.output.entityRef }}',
          },
        ],
      },
    }),
  },
  {
    description: 'Publish only a sub-folder of the workspace',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'datamesh:publish:local',
          name: 'Publish the data product',
          input: { sourcePath: 'product' },
        },
      ],
    }),
  },
];
