import {
  versionSnapshot,
  type DataProductVersionSnapshot,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { evaluateProduct } from '../engine/evaluateProduct';
import { compilePolicies } from './compilePolicies';
import { loadDefaultPolicyPack } from './defaultPolicyPack';

const now = new Date('2026-11-21T12:00:00Z');

function evaluate(
  mutate: (product: any) => void,
  production: DataProductVersionSnapshot | undefined,
  pack = loadDefaultPolicyPack(),
) {
  const product = compliantProduct();
  mutate(product);
  const context = {
    ...exampleContext(),
    productionVersion: () => production,
  };
  return evaluateProduct(product, compilePolicies([pack]), { context, now });
}

const inProduction = versionSnapshot(compliantProduct());
const dropFirstField = (product: any) => {
  product.spec.schema.fields.shift();
};

describe('VER-002: breaking changes raise the major version', () => {
  it('is an error for a breaking change without a major bump, with remediation', () => {
    const card = evaluate(product => {
      dropFirstField(product);
      product.spec.version = '2.2.0';
    }, inProduction);
    const found = card.violations.filter(v => v.ruleId === 'VER-002');
    expect(found).toEqual([
      {
        ruleId: 'VER-002',
        severity: 'error',
        message:
          "Breaking change from 2.1.0 to 2.2.0 without a major version bump: Field 'customer_id' removed",
        remediation: expect.stringContaining('Raise the major version'),
        path: 'spec.schema.fields',
        waived: false,
      },
    ]);
  });

  it('allows a breaking change with a major bump', () => {
    const card = evaluate(product => {
      dropFirstField(product);
      product.spec.version = '3.0.0';
    }, inProduction);
    expect(card.violations.map(v => v.ruleId)).not.toContain('VER-002');
  });

  it('passes when there is no version in production or nothing breaks', () => {
    expect(
      evaluate(dropFirstField, undefined).violations.map(v => v.ruleId),
    ).not.toContain('VER-002');
    expect(
      evaluate(() => undefined, inProduction).violations.map(v => v.ruleId),
    ).not.toContain('VER-002');
  });

  it('has a lifecycle like any other rule: in draft it is upcoming, not scored', () => {
    const pack = loadDefaultPolicyPack();
    const rule = pack.rules.find(r => r.id === 'VER-002')!;
    rule.state = 'draft';
    const card = evaluate(dropFirstField, inProduction, pack);
    expect(card.violations.map(v => v.ruleId)).not.toContain('VER-002');
    expect(card.upcoming).toEqual([
      expect.objectContaining({ ruleId: 'VER-002', passes: false }),
    ]);
  });
});
