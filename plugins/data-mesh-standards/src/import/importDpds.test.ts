import { importProduct } from './importProduct';
import { dpdsProduct, file } from '../__testUtils__/fixtures';

describe('importProduct: DPDS', () => {
  const result = importProduct(dpdsProduct());
  const { entity } = result;

  it('detects DPDS 1.0 and maps the info object', () => {
    expect(result.format).toBe('dpds');
    expect(result.version).toBe('1.0.0');
    expect(entity.metadata).toEqual({
      name: 'orders',
      title: 'Orders',
      annotations: {
        'datamesh.io/standard-id': 'urn:dpds:acme:dataproducts:orders:1',
      },
      description: 'Every order with its line items, as sold.',
      tags: ['order', 'sales'],
      links: [
        {
          url: 'mailto:orders@example.com',
          type: 'support',
          title: 'Order team mailbox',
        },
      ],
    });
    expect(entity.spec).toMatchObject({
      version: '1.4.0',
      domain: 'order',
      owner: 'order-domain-team',
    });
  });

  it('resolves $refs to port files, to components and to the ODCS contract', () => {
    expect(entity.spec.inputPorts).toEqual([
      { name: 'order-service-db', type: 'postgres' },
    ]);
    expect(entity.spec.outputPorts).toEqual([
      {
        name: 'orders-table',
        type: 'snowflake',
        description: 'One row per order with its latest state.',
        contract: 'orders.odcs.yaml',
        location: 'ORDER_DOMAIN.GOLD.orders',
      },
      {
        name: 'orders-topic',
        type: 'kafka',
        description: 'Order events as they happen.',
      },
    ]);
    expect(result.contracts.map(c => c.path)).toEqual(['orders.odcs.yaml']);
    // The lifecycle and the schema come from the joined contract.
    expect(entity.spec.lifecycle).toBe('production');
    expect(entity.spec.schema?.fields).toEqual([
      { name: 'order_id', type: 'string', required: true },
      { name: 'customer_email', type: 'string', pii: true },
    ]);
  });

  it('reads the SLOs of the port and the application components as transformations', () => {
    expect(entity.spec.slo).toEqual({
      freshness: {
        target: '15 minutes',
        measurement: 'max_latency_from_source',
      },
      availability: { target: '99.9%' },
    });
    expect(entity.spec.lineage).toEqual({
      transformations: [
        {
          type: 'dbt',
          model: 'orders-dbt',
          description: 'dbt models building the orders table',
        },
      ],
    });
  });

  it('reports references not found, prose SLOs, port PII and what has no place, in every file', () => {
    expect(result.lossReport).toEqual([
      {
        file: 'orders.dpds.json',
        path: 'components.outputPorts.ordersTopic.x-pii',
        reason: 'ambiguous: PII on a port names no field',
      },
      {
        file: 'orders.dpds.json',
        path: 'components.outputPorts.ordersTopic.promises.api.definition.$ref',
        reason:
          "reference '../apis/orders-events.asyncapi.yaml' not found among the given files",
      },
      {
        file: 'orders.dpds.json',
        path: 'info.owner.name',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'orders.dpds.json',
        path: 'info.contactPoints[0].channel',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'orders.dpds.json',
        path: 'internalComponents.infrastructuralComponents',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'orders.dpds.json',
        path: 'components.outputPorts.ordersTopic.promises.servicesType',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'orders.dpds.json',
        path: 'components.outputPorts.ordersTopic.promises.api.specification',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'ports/orders-table.yaml',
        path: 'promises.slo.definition.completeness',
        reason:
          "value not understood: 'prose that says mostly complete' is not a percentage",
      },
      {
        file: 'ports/orders-table.yaml',
        path: 'promises.servicesType',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'ports/orders-table.yaml',
        path: 'promises.deprecationPolicy',
        reason: 'no equivalent in the DataProduct entity',
      },
    ]);
  });

  it('reports a port file that is not given, and imports the rest', () => {
    const [descriptor] = dpdsProduct();
    const r = importProduct([descriptor]);
    expect(r.entity.spec.outputPorts?.map(p => p.name)).toEqual([
      'orders-topic',
    ]);
    expect(r.lossReport).toContainEqual({
      file: 'orders.dpds.json',
      path: 'interfaceComponents.outputPorts[0].$ref',
      reason:
        "reference 'ports/orders-table.yaml' not found among the given files",
    });
  });

  it('reports a given file nothing references', () => {
    const r = importProduct([
      ...dpdsProduct(),
      file('notes.yaml', 'title: release notes\n'),
    ]);
    expect(r.lossReport).toContainEqual({
      file: 'notes.yaml',
      path: '',
      reason: 'not a file of a supported standard, and nothing references it',
    });
  });
});
