import {
  DataProductEntityV1alpha1,
  NO_DOMAIN,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  compilePolicies,
  DEFAULT_SLO_OPTIONS,
  evaluateProduct,
  loadDefaultPolicyPack,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { KpiInputsDeriver } from './KpiInputsDeriver';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const deriver = new KpiInputsDeriver({
  policies,
  sloOptions: DEFAULT_SLO_OPTIONS,
});
const now = new Date('2026-11-30T12:00:00Z');

/** A documented product, as written or as imported without a domain. */
const product = (imported: boolean): DataProductEntityV1alpha1 => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'payments',
    description: 'Card payments.',
    ...(imported
      ? { annotations: { 'datamesh.io/source-format': 'dcs' } }
      : {}),
  },
  spec: imported
    ? { owner: 'payments-team' }
    : {
        owner: 'payments-team',
        type: 'source-aligned',
        lifecycle: 'production',
        domain: 'finance',
      },
});

function derive(entity: DataProductEntityV1alpha1) {
  const card = evaluateProduct(entity, policies, { now });
  return deriver.derive(entity, card, { domainOf: () => undefined });
}

describe('KpiInputsDeriver', () => {
  it('counts a product written with its domain and lifecycle under them', () => {
    expect(derive(product(false))).toMatchObject({
      domain: 'domain:default/finance',
      lifecycle: 'production',
    });
  });

  it('counts a product without domain or lifecycle in the no-domain bucket, not in production, documentation incomplete', () => {
    expect(derive(product(true))).toMatchObject({
      entityRef: 'dataproduct:default/payments',
      domain: NO_DOMAIN,
      lifecycle: '',
      documentationComplete: false,
      crossDomain: false,
    });
  });
});
