import fs from 'node:fs';
import path from 'node:path';
import { dump, load, loadAll } from 'js-yaml';
import { InputError } from '@backstage/errors';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { exportProduct } from './exportProduct';
import { importProduct } from '../import/importProduct';
import { odpsProduct } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/standardSchemas';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/products');

function exampleProducts(): DataProductEntityV1alpha1[] {
  return fs
    .readdirSync(EXAMPLES)
    .flatMap(name =>
      loadAll(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')),
    )
    .filter(
      (doc: any) => doc?.kind === 'DataProduct',
    ) as DataProductEntityV1alpha1[];
}

function standardOf(content: string): 'odps' | 'odcs' | 'dpds' {
  const data = load(content) as any;
  if (data.kind === 'DataContract') return 'odcs';
  return data.kind === 'DataProduct' ? 'odps' : 'dpds';
}

describe('exportProduct', () => {
  const products = exampleProducts();

  it('reads the example mesh', () => {
    expect(products.length).toBeGreaterThan(20);
  });

  it.each(['odps', 'dpds'] as const)(
    'exports every example product as %s files that validate against the official schemas',
    format => {
      for (const product of products) {
        const { files } = exportProduct(product, { format });
        expect(standardOf(files[0].content)).toBe(format);
        for (const f of files) {
          expect({
            product: product.metadata.name,
            file: f.path,
            errors: schemaErrors(standardOf(f.content), f.content),
          }).toEqual({
            product: product.metadata.name,
            file: f.path,
            errors: [],
          });
        }
        const contracts = files.filter(f => standardOf(f.content) === 'odcs');
        const withContract = (product.spec.outputPorts ?? []).filter(
          (p, i) =>
            p.contract ||
            p.location ||
            p.format ||
            p.endpoint ||
            p.authentication ||
            i === 0,
        );
        expect(contracts.length).toBe(withContract.length);
      }
    },
  );

  it('writes one ODCS 3.1 contract per output port beside the ODPS 1.0 product', () => {
    const product = products.find(p => p.metadata.name === 'order-events')!;
    const { files } = exportProduct(product, { format: 'odps' });
    expect(files.map(f => f.path)).toEqual([
      'product.odps.yaml',
      'contracts/order-events-topic.odcs.yaml',
      'contracts/customer-transactions-topic.odcs.yaml',
      'contracts/orders-table.odcs.yaml',
    ]);
    const odps = load(files[0].content) as any;
    expect(odps).toMatchObject({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: 'order-events',
      name: 'Order Events',
      version: '3.2.0',
      status: 'active',
      domain: 'order',
      team: { name: 'order-domain-team' },
    });
    expect(odps.outputPorts[0]).toEqual({
      name: 'order-events-topic',
      version: '3.2.0',
      description: 'Order lifecycle events, keyed by order_id.',
      type: 'kafka',
      contractId: 'order-events-order-events-topic',
    });
    const contract = load(files[1].content) as any;
    expect(contract.slaProperties).toEqual([
      {
        property: 'latency',
        value: 5,
        unit: 'minutes',
        description: 'max_latency_from_source',
      },
      {
        property: 'availability',
        value: '99.95%',
        description: 'uptime_percentage',
      },
      {
        property: 'completeness',
        value: '99.9%',
        description: 'non_null_required_fields',
      },
      {
        property: 'accuracy',
        value: '99.5%',
        description: 'validation_pass_rate',
      },
      { property: 'retention', value: 7, unit: 'years' },
    ]);
  });

  it('reports what the target cannot hold: lineage to products, waivers', () => {
    const product = products.find(
      p => p.spec.lineage?.upstreamProducts?.length,
    )!;
    const withWaiver = {
      ...product,
      spec: {
        ...product.spec,
        governance: {
          waivers: [
            { rule: 'slo-defined', reason: 'migration', expires: '2027-01-01' },
          ],
        },
      },
    };
    for (const format of ['odps', 'dpds'] as const) {
      const target = format === 'odps' ? 'ODPS 1.0' : 'DPDS 1.0';
      const { lossReport } = exportProduct(withWaiver, { format });
      expect(lossReport).toEqual(
        expect.arrayContaining([
          {
            file: 'catalog-info.yaml',
            path: 'spec.lineage.upstreamProducts',
            reason: `${target} has no lineage to other data products`,
          },
          {
            file: 'catalog-info.yaml',
            path: 'spec.governance.waivers',
            reason: `${target} has no rule waivers`,
          },
        ]),
      );
      // The product type is written as the suite's vendor extension.
      expect(lossReport.map(l => l.path)).not.toContain('spec.type');
    }
  });

  it('starts from the given contract, so that what the entity does not hold survives', () => {
    const imported = importProduct(odpsProduct());
    const { files } = exportProduct(imported.entity, {
      format: 'odps',
      contracts: imported.contracts,
    });
    const profile = load(
      files.find(f => f.path === 'customer-profile.odcs.yaml')!.content,
    ) as any;
    expect(profile.servers[0]).toMatchObject({
      type: 'snowflake',
      account: 'acme',
      database: 'CUSTOMER',
    });
    expect(profile.schema[0].properties[1]).toMatchObject({
      name: 'email',
      classification: 'restricted',
    });
    expect(profile.apiVersion).toBe('v3.1.0');
  });

  it('keeps the members of an ODCS 3.0 team list in the 3.1 team object', () => {
    const imported = importProduct(odpsProduct());
    const events = imported.contracts[1];
    const base = {
      path: events.path,
      content: `${events.content}team:\n  - username: lee@example.com\n    role: owner\n`,
    };
    const { files } = exportProduct(imported.entity, {
      format: 'odps',
      contracts: [imported.contracts[0], base],
    });
    const contract = files.find(f => f.path === events.path)!;
    expect((load(contract.content) as any).team).toEqual({
      members: [{ username: 'lee@example.com', role: 'owner' }],
      name: 'customer-domain-team',
    });
    expect(schemaErrors('odcs', contract.content)).toEqual([]);
  });

  it('writes valid ODCS 3.1 from a given contract whose parts have the wrong shapes', () => {
    const imported = importProduct(odpsProduct());
    // The contract of the first output port, which holds the product-wide parts.
    const profile = imported.contracts[0];
    const odd = load(profile.content) as any;
    odd.schema[0] = 'profiles';
    odd.slaProperties = { availability: '99%' };
    odd.customProperties = 'none';
    odd.team = 'a team';
    const { files } = exportProduct(imported.entity, {
      format: 'odps',
      contracts: [
        { path: profile.path, content: dump(odd) },
        imported.contracts[1],
      ],
    });
    const contract = files.find(f => f.path === profile.path)!;
    expect(schemaErrors('odcs', contract.content)).toEqual([]);
    expect((load(contract.content) as any).team).toEqual({
      name: 'customer-domain-team',
    });
  });

  it('rejects an unknown format', () => {
    expect(() =>
      exportProduct(exampleProducts()[0], { format: 'csv' as any }),
    ).toThrow(InputError);
  });
});
