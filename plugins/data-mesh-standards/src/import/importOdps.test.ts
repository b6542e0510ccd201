import { importProduct } from './importProduct';
import { fixtureFiles, odpsProduct } from '../__testUtils__/fixtures';

describe('importProduct: ODPS', () => {
  const result = importProduct(odpsProduct());
  const { entity } = result;

  it('detects ODPS 1.0 from the content', () => {
    expect(result.format).toBe('odps');
    expect(result.version).toBe('v1.0.0');
  });

  it('maps the product fields', () => {
    expect(entity.apiVersion).toBe('datamesh.io/v1alpha1');
    expect(entity.kind).toBe('DataProduct');
    expect(entity.metadata).toMatchObject({
      name: 'customer-360',
      title: 'Customer 360',
      annotations: {
        'datamesh.io/standard-id': '7d1b3a52-8c1e-4a8f-9a1b-1f6c2f4e9d10',
      },
      description:
        'One profile per customer joining orders, support tickets and marketing consent.',
      tags: ['customer', 'gold-tier', 'pii'],
    });
    expect(entity.metadata.links).toEqual([
      {
        url: 'https://wiki.example.com/glossary/customer',
        type: 'businessDefinition',
        title: 'Glossary entry',
      },
      {
        url: 'https://slack.example.com/archives/C0CUSTOMER',
        type: 'support',
        title: '#customer-data',
      },
    ]);
    expect(entity.spec).toMatchObject({
      version: '2.1.0',
      lifecycle: 'production',
      domain: 'customer',
      owner: 'customer-domain-team',
    });
  });

  it('joins the contracts the ports reference by id', () => {
    expect(entity.spec.outputPorts).toEqual([
      {
        name: 'customer-profile',
        description: 'Current profile of every customer.',
        contract: 'customer-profile.odcs.yaml',
        type: 'snowflake',
        location: 'CUSTOMER.GOLD.customer_profile',
        authentication: 'oauth2',
      },
      {
        name: 'customer-events',
        type: 'kafka',
        contract: 'customer-events.odcs.yaml',
        format: 'avro',
        location: 'customer.events.v1',
      },
    ]);
    expect(result.contracts.map(c => c.path)).toEqual([
      'customer-profile.odcs.yaml',
      'customer-events.odcs.yaml',
    ]);
    expect(result.contracts[0].content).toBe(odpsProduct()[1].content);
  });

  it('takes schema, tests, SLOs and access from the first output port contract', () => {
    expect(entity.spec.schema?.fields).toEqual([
      {
        name: 'customer_id',
        type: 'varchar(36)',
        description: 'Customer identifier (UUID)',
        required: true,
      },
      { name: 'email', type: 'varchar(320)', pii: true },
      {
        name: 'lifetime_value',
        type: 'decimal(12,2)',
        description: 'Sum of paid orders in USD',
      },
    ]);
    expect(entity.spec.quality?.tests).toEqual([
      { type: 'uniqueness', columns: ['customer_id'] },
      { type: 'not_null', column: 'customer_id' },
      {
        type: 'custom',
        name: 'ltv_not_negative',
        expression:
          'SELECT COUNT(*) FROM customer_profile WHERE lifetime_value < 0',
      },
    ]);
    expect(entity.spec.slo).toEqual({
      freshness: {
        target: '25 hours',
        measurement: 'hours since the source update',
      },
      availability: { target: '99.9%' },
    });
    expect(entity.spec.access).toEqual({
      classification: 'confidential',
      retention: '7 years',
      roles: [{ name: 'customer_profile_reader', permissions: ['SELECT'] }],
    });
  });

  it('invents nothing: the product type stays absent and is named as missing', () => {
    expect(entity.spec.type).toBeUndefined();
    expect(entity.spec.inputPorts).toEqual([
      { name: 'crm-accounts', contract: 'crm-accounts-contract' },
    ]);
    expect(result.missing).toEqual(['spec.type', 'spec.inputPorts[0].type']);
  });

  it('reports every field without a place, by path, with the reason', () => {
    expect(result.lossReport).toEqual([
      {
        file: 'customer-360.odps.yaml',
        path: 'customProperties[1]',
        reason: "custom property 'costCenter': no equivalent",
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'inputPorts[0].contractId',
        reason:
          "contract 'crm-accounts-contract' not found among the given files: the port keeps the id as its contract, without what the contract would give",
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'outputPorts[1].inputContracts',
        reason: 'no equivalent: lineage by contract id names no data product',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'tenant',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'description.usage',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'description.limitations',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'support[0].tool',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'team.members',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'outputPorts[0].sbom',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'productCreatedTs',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'customer-360.odps.yaml',
        path: 'x-cost-center',
        reason: 'vendor extension: no equivalent',
      },
    ]);
  });

  it('puts the entity in the namespace asked for', () => {
    expect(
      importProduct(odpsProduct(), { namespace: 'retail' }).entity.metadata
        .namespace,
    ).toBe('retail');
    expect(entity.metadata.namespace).toBeUndefined();
  });

  it('reports a contract no port references', () => {
    const files = [
      ...fixtureFiles('odps', 'crm-accounts-0.9.odps.yaml'),
      ...fixtureFiles('odps', 'customer-events.odcs.yaml'),
    ];
    const r = importProduct(files);
    expect(r.version).toBe('v0.9.0');
    expect(r.entity.spec.lifecycle).toBe('experimental');
    expect(r.contracts).toEqual([]);
    expect(r.lossReport).toContainEqual({
      file: 'customer-events.odcs.yaml',
      path: '',
      reason: 'no port of the product references this contract',
    });
    expect(r.lossReport).toContainEqual({
      file: 'crm-accounts-0.9.odps.yaml',
      path: 'outputPorts[0].version',
      reason: 'no equivalent: ports have no version of their own in the entity',
    });
  });
});
