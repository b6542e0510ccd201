import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import type { AgreementEdge, ProductAgreements } from './agreementFacts';
import { evaluateProduct } from './evaluateProduct';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const now = new Date('2026-11-21T12:00:00Z');
const PRODUCT = 'dataproduct:default/customer-360';

const edge = (
  consumer: string,
  overrides: Partial<AgreementEdge> = {},
): AgreementEdge => ({
  id: `agreement-${consumer}`,
  product: PRODUCT,
  port: 'customer-360-table',
  consumer,
  purpose: 'fraud-prevention',
  fields: [],
  expiresAt: '2027-06-30T00:00:00.000Z',
  ...overrides,
});

/** The violations of the access rules for the compliant product, changed. */
function accessViolations(
  mutate: (product: any) => void,
  agreements: ProductAgreements | undefined,
) {
  const product: any = compliantProduct();
  mutate(product);
  const context = {
    ...exampleContext(),
    agreements: (ref: string) => (ref === PRODUCT ? agreements : undefined),
  };
  return evaluateProduct(product, policies, { context, now })
    .violations.filter(v => v.ruleId.startsWith('ACCESS-'))
    .map(v => `${v.ruleId} ${v.path}: ${v.message}`);
}

const declares =
  (...consumers: string[]) =>
  (p: any) => {
    p.relations = consumers.map(targetRef => ({
      type: 'dataProductConsumedBy',
      targetRef,
    }));
  };

describe('ACCESS-001: every consumer of PII holds an agreement with a purpose', () => {
  it('fails a declared consumer of a product with PII that holds no agreement', () => {
    expect(
      accessViolations(
        declares('component:default/churn-model', 'component:default/ads'),
        { consumers: [edge('component:default/ads')], consumed: [] },
      ),
    ).toEqual([
      "ACCESS-001 spec.outputPorts: Consumer 'component:default/churn-model' reads a product with PII without an agreement stating a purpose",
    ]);
  });

  it('fails an agreement whose purpose is blank', () => {
    expect(
      accessViolations(declares(), {
        consumers: [edge('component:default/ads', { purpose: '  ' })],
        consumed: [],
      }),
    ).toEqual([
      "ACCESS-001 spec.outputPorts: Consumer 'component:default/ads' reads a product with PII without an agreement stating a purpose",
    ]);
  });

  it('passes a product without PII, and judges nothing when agreements are unknown', () => {
    const withoutPii = (p: any) => {
      declares('component:default/churn-model')(p);
      for (const field of p.spec.schema.fields) field.pii = false;
      delete p.spec.access.privacy;
      p.spec.lineage.upstreamProducts = [];
    };
    expect(
      accessViolations(withoutPii, { consumers: [], consumed: [] }),
    ).toEqual([]);
    expect(
      accessViolations(declares('component:default/churn-model'), undefined),
    ).toEqual([]);
  });
});

describe("ACCESS-002: no agreement outlives the product's sunset date", () => {
  const sunset = (p: any) => {
    p.spec.deprecation = { sunset: '2027-03-31' };
  };

  it('fails an active agreement running past the sunset date', () => {
    expect(
      accessViolations(sunset, {
        consumers: [
          edge('component:default/ads', {
            expiresAt: '2027-04-01T00:00:00.000Z',
          }),
          // Ends on the sunset day: fine.
          edge('component:default/crm', {
            expiresAt: '2027-03-31T23:00:00.000Z',
          }),
        ],
        consumed: [],
      }),
    ).toEqual([
      "ACCESS-002 spec.deprecation.sunset: The agreement with 'component:default/ads' runs until 2027-04-01T00:00:00.000Z, past the sunset date 2027-03-31",
    ]);
  });

  it('passes any agreement of a product without a sunset date', () => {
    expect(
      accessViolations(() => {}, {
        consumers: [
          edge('component:default/ads', {
            expiresAt: '2099-01-01T00:00:00.000Z',
          }),
        ],
        consumed: [],
      }),
    ).toEqual([]);
  });
});
