import { load } from 'js-yaml';
import { importProduct } from './importProduct';
import { dcsContract, fixtureFiles } from '../__testUtils__/fixtures';
import { schemaErrors } from '../__testUtils__/standardSchemas';

describe('importProduct: Data Contract Specification', () => {
  const result = importProduct(dcsContract());
  const { entity } = result;

  it('detects DCS 1.2.1 and maps the contract to a product whose servers are its ports', () => {
    expect(result.format).toBe('dcs');
    expect(result.version).toBe('1.2.1');
    expect(entity.metadata).toMatchObject({
      name: 'payments',
      title: 'Payments',
      annotations: {
        'datamesh.io/standard-id': 'urn:datacontract:checkout:payments',
      },
      description: 'Successful and failed card payments of the checkout.',
      tags: ['checkout', 'payments'],
    });
    expect(entity.spec).toMatchObject({
      owner: 'checkout-team',
      version: '1.0.0',
      lifecycle: 'production',
    });
    expect(entity.spec.outputPorts).toEqual([
      {
        name: 'production',
        type: 'kafka',
        format: 'avro',
        location: 'checkout.payments.v1',
        contract: 'payments.odcs.yaml',
      },
    ]);
  });

  it('maps the links and the contact, through ODCS authoritative definitions and support, to entity links', () => {
    expect(entity.metadata.links).toEqual([
      { url: 'https://catalog.example.com/payments', type: 'catalog' },
      {
        url: 'mailto:checkout@example.com',
        type: 'support',
        title: 'Checkout team',
      },
    ]);
  });

  it('maps fields with their PII flag, enum and service levels', () => {
    expect(entity.spec.schema?.fields).toEqual([
      { name: 'payment_id', type: 'string', required: true },
      { name: 'customer_email', type: 'string', pii: true },
      { name: 'amount', type: 'decimal(12,2)' },
      { name: 'status', type: 'string', enum: ['succeeded', 'failed'] },
      { name: 'card_bin', type: 'string' },
    ]);
    expect(entity.spec.slo).toEqual({
      availability: { target: '99.9%' },
      freshness: { target: '25 hours' },
    });
    expect(entity.spec.access).toEqual({ retention: '1 year' });
  });

  it('converts the contract to ODCS 3.1 that validates against the official schema', () => {
    expect(result.contracts).toHaveLength(1);
    const [contract] = result.contracts;
    expect(schemaErrors('odcs', contract.content)).toEqual([]);
    const odcs = load(contract.content) as any;
    expect(odcs.schema[0].properties[0]).toMatchObject({
      name: 'payment_id',
      primaryKey: true,
      primaryKeyPosition: 1,
    });
    expect(odcs.servers[0].customProperties).toEqual([
      { property: 'topic', value: 'checkout.payments.v1' },
    ]);
  });

  it('reports what ODCS cannot hold, then what the entity has no place for', () => {
    expect(result.lossReport).toEqual([
      {
        file: 'payments.datacontract.yaml',
        path: 'info.x-slack',
        reason: 'vendor extension: no equivalent',
      },
      {
        file: 'payments.datacontract.yaml',
        path: 'terms.billing',
        reason: 'no equivalent in ODCS 3.1',
      },
      {
        file: 'payments.datacontract.yaml',
        path: 'models.payments.fields.card_bin.references',
        reason: 'no equivalent in ODCS 3.1',
      },
      {
        file: 'payments.datacontract.yaml',
        path: 'servicelevels.support',
        reason: 'no equivalent in ODCS 3.1',
      },
      {
        file: 'payments.datacontract.yaml',
        path: 'definitions',
        reason: 'no equivalent in ODCS 3.1',
      },
      // Then, in the ODCS contract it converts to, what the entity has no place for.
      ...['description.usage', 'description.limitations'].map(path => ({
        file: 'payments.odcs.yaml',
        path,
        reason: 'no equivalent: the entity has one description (the purpose)',
      })),
    ]);
  });

  it('reads DCS 0.9.3, with a fraction as availability and no status', () => {
    const r = importProduct(fixtureFiles('dcs', 'refunds-0.9.3.yaml'));
    expect(r.version).toBe('0.9.3');
    expect(r.entity.metadata.name).toBe('refunds');
    expect(r.entity.spec.slo).toEqual({ availability: { target: '99.999%' } });
    expect(r.entity.spec.outputPorts).toEqual([
      {
        name: 'warehouse',
        type: 'postgres',
        location: 'checkout.public.refunds',
        contract: 'refunds-0.9.3.odcs.yaml',
      },
    ]);
    expect(r.missing).toEqual(['spec.type', 'spec.lifecycle', 'spec.domain']);
    expect(schemaErrors('odcs', r.contracts[0].content)).toEqual([]);
  });
});
