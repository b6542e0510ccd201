import { load } from 'js-yaml';
import { exportProduct } from '../export/exportProduct';
import { file } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/standardSchemas';
import { importProduct } from './importProduct';

/** An ODCS 3.1 contract alone, with authoritative definitions and support channels. */
const contract = file(
  'shipments.odcs.yaml',
  `apiVersion: v3.1.0
kind: DataContract
id: shipments
name: shipments
version: 1.0.0
status: active
domain: logistics
team:
  name: logistics-team
authoritativeDefinitions:
  - type: businessDefinition
    url: https://wiki.example.com/shipments
    description: What a shipment is
  - type: tutorial
    url: https://wiki.example.com/shipments/howto
support:
  - channel: '#logistics-data'
    url: https://slack.example.com/archives/C0SHIP
    tool: slack
servers:
  - server: lake
    type: s3
    location: s3://acme-logistics/shipments/
    format: parquet
customProperties:
  - property: productType
    value: source-aligned
`,
);

describe('ODCS authoritative definitions and support channels', () => {
  const first = importProduct([contract]);

  it('become the product links (the contract file itself is kept whole)', () => {
    expect(first.entity.metadata.links).toEqual([
      {
        url: 'https://wiki.example.com/shipments',
        type: 'businessDefinition',
        title: 'What a shipment is',
      },
      { url: 'https://wiki.example.com/shipments/howto', type: 'tutorial' },
      {
        url: 'https://slack.example.com/archives/C0SHIP',
        type: 'support',
        title: '#logistics-data',
      },
    ]);
    expect(
      first.lossReport.filter(l => /authoritative|support/.test(l.path)),
    ).toEqual([]);
    expect(first.contracts.map(c => c.path)).toEqual(['shipments.odcs.yaml']);
  });

  it.each(['odps', 'dpds'] as const)(
    'are written back into the ODCS contract of a %s export, and the round trip keeps them',
    format => {
      const exported = exportProduct(first.entity, {
        format,
        contracts: first.contracts,
      });
      const odcs = exported.files.find(f => f.path === 'shipments.odcs.yaml')!;
      expect(schemaErrors('odcs', odcs.content)).toEqual([]);
      const written = load(odcs.content) as any;
      expect(written.authoritativeDefinitions).toEqual([
        {
          type: 'businessDefinition',
          url: 'https://wiki.example.com/shipments',
          description: 'What a shipment is',
        },
        { type: 'tutorial', url: 'https://wiki.example.com/shipments/howto' },
      ]);
      // The given contract's channel keeps what the entity does not hold.
      expect(written.support).toEqual([
        {
          channel: '#logistics-data',
          url: 'https://slack.example.com/archives/C0SHIP',
          tool: 'slack',
        },
      ]);
      expect(
        exported.lossReport.filter(l => l.path.startsWith('metadata.links')),
      ).toEqual([]);
      expect(importProduct(exported.files).entity.metadata.links).toEqual(
        first.entity.metadata.links,
      );
    },
  );
});
