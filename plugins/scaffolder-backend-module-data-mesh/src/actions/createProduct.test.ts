import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { validateDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { orderProductInput } from '../__testUtils__/inputs';
import {
  REQUESTED_AT,
  runCreateProduct,
  TEMPLATE_REF,
} from '../__testUtils__/workspace';
import { createDataProductAction } from './createProduct';

describe('datamesh:product:create', () => {
  const workspace = createMockDirectory();
  const action = createDataProductAction({ now: () => REQUESTED_AT });

  beforeEach(() => workspace.clear());

  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runCreateProduct(workspace.path, input, isDryRun);
  const readYaml = (path: string) =>
    parse(readFileSync(workspace.resolve(path), 'utf8'));

  it('writes the DataProduct with the platform standards built in', async () => {
    const ctx = await run(orderProductInput());

    const entity = readYaml('catalog-info.yaml');
    expect(validateDataProductEntity(entity).valid).toBe(true);
    expect(entity.metadata).toMatchObject({
      name: 'order-returns',
      title: 'Order Returns',
      annotations: {
        'datamesh.io/template': TEMPLATE_REF,
        'datamesh.io/requested-at': '2026-11-21T09:30:00.000Z',
        'backstage.io/techdocs-ref': 'dir:.',
      },
    });
    expect(entity.spec).toMatchObject({
      type: 'source-aligned',
      lifecycle: 'experimental',
      owner: 'group:default/order-domain-team',
      domain: 'domain:default/order',
      version: '0.1.0',
      slo: {
        freshness: { target: '1 hour' },
        availability: { target: '99.9%' },
      },
      access: { classification: 'internal', retention: '2 years' },
      lineage: { transformations: [{ type: 'dbt', model: 'order_returns' }] },
    });
    expect(entity.spec.quality.tests).toEqual([
      { type: 'uniqueness', column: 'return_id', threshold: '100%' },
      { type: 'not_null', columns: ['return_id', 'order_id', 'updated_at'] },
      { type: 'freshness', column: 'updated_at', max_age: '1 hour' },
    ]);
    expect(entity.spec.outputPorts.map((p: any) => p.contract)).toEqual([
      'contracts/returns-table.odcs.yaml',
      'contracts/returns-api.odcs.yaml',
    ]);

    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'dataproduct:default/order-returns',
    );
    expect(ctx.output).toHaveBeenCalledWith('entity', entity);
    expect(ctx.output).toHaveBeenCalledWith('contracts', [
      'contracts/returns-table.odcs.yaml',
      'contracts/returns-api.odcs.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('pipeline', {
      model: 'order_returns',
      columns: ['return_id', 'order_id', 'refund_amount', 'updated_at'],
      uniqueKey: 'return_id',
      upstreamModels: [],
    });
  });

  it('writes one ODCS data contract per output port', async () => {
    await run(orderProductInput());

    const table = readYaml('contracts/returns-table.odcs.yaml');
    expect(table).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'default.order-returns.returns-table',
      status: 'draft',
      domain: 'order',
      dataProduct: 'order-returns',
      servers: [
        {
          server: 'returns-table',
          // A Snowflake server in ODCS needs an account the port lacks.
          type: 'custom',
          format: 'iceberg',
          path: 'order_domain.silver.returns',
        },
      ],
      slaProperties: [
        { property: 'latency', value: 1, unit: 'h' },
        { property: 'availability', value: '99.9%' },
        { property: 'retention', value: '2 years' },
      ],
    });
    expect(table.schema[0].properties[0]).toMatchObject({
      name: 'return_id',
      logicalType: 'string',
      required: true,
      primaryKey: true,
      customProperties: [{ property: 'pii', value: false }],
    });
    const api = readYaml('contracts/returns-api.odcs.yaml');
    // An API server in ODCS needs an absolute URL; the port has a path.
    expect(api.servers[0]).toMatchObject({
      type: 'custom',
      path: '/api/v1/returns/{return_id}',
    });
    expect(api.schema[0].physicalType).toBe('endpoint');
  });

  it('keeps ${{ }} and {{ }} in the text as literal data', async () => {
    const description =
      'Evil ${{ parameters.secret }} {{ ref("x") }} {% raw %}\nkind: Component\n"quoted": yes';
    const title = "Returns: ${{ secrets.token }} # not a comment 'x'";
    await run(
      orderProductInput({
        title,
        description,
        access: { classification: 'internal', maskingPolicy: '{{ mask }}' },
      }),
    );

    const entity = readYaml('catalog-info.yaml');
    expect(entity.kind).toBe('DataProduct');
    expect(entity.metadata.title).toBe(title);
    expect(entity.metadata.description).toBe(description);
    expect(entity.spec.access.privacy.maskingPolicy).toBe('{{ mask }}');
    const contract = readYaml('contracts/returns-table.odcs.yaml');
    expect(contract.description.purpose).toBe(description);
  });

  it('lists PII columns and upstream products of a consumer-aligned product', async () => {
    const input = orderProductInput({
      type: 'consumer-aligned',
      upstreamProducts: [
        'dataproduct:default/order-events',
        'order-events',
        'customer-profiles',
      ],
    });
    input.schema.fields[1].pii = true;
    const ctx = await run(input);

    const entity = readYaml('catalog-info.yaml');
    expect(entity.spec.lineage.upstreamProducts).toEqual([
      'dataproduct:default/order-events',
      'dataproduct:default/customer-profiles',
    ]);
    expect(entity.spec.access.privacy).toEqual({ piiColumns: ['order_id'] });
    expect(ctx.output).toHaveBeenCalledWith(
      'pipeline',
      expect.objectContaining({
        upstreamModels: ['order_events', 'customer_profiles'],
      }),
    );
  });

  it('omits the template annotation outside templates', async () => {
    const ctx = createMockActionContext({
      input: orderProductInput() as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const { annotations } = readYaml('catalog-info.yaml').metadata;
    expect(annotations['datamesh.io/template']).toBeUndefined();
    expect(annotations['datamesh.io/requested-at']).toBe(
      REQUESTED_AT.toISOString(),
    );
  });

  it('writes the same files in a dry run, inside the workspace only', async () => {
    await run(orderProductInput(), true);
    expect(workspace.content()).toEqual({
      'catalog-info.yaml': expect.any(String),
      contracts: {
        'returns-table.odcs.yaml': expect.any(String),
        'returns-api.odcs.yaml': expect.any(String),
      },
    });
  });
});
