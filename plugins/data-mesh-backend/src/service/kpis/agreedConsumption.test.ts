import type {
  DataProductEntityV1alpha1,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AgreementEdge,
  compilePolicies,
  DEFAULT_SLO_OPTIONS,
  loadDefaultPolicyPack,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { KpiInputsDeriver } from '../KpiInputsDeriver';
import { computeKpis } from './computeKpis';
import { sumsFromRows } from './domainSums';

const deriver = new KpiInputsDeriver({
  policies: compilePolicies([loadDefaultPolicyPack()]),
  sloOptions: DEFAULT_SLO_OPTIONS,
});

const DOMAINS: Record<string, string> = {
  'dataproduct:default/customer-360': 'domain:default/customer',
  'dataproduct:default/order-events': 'domain:default/order',
  'dataproduct:default/profiles': 'domain:default/customer',
};

/** A product of the customer domain, declaring its consumers and lineage. */
const product = (
  name: string,
  declaredConsumers: string[],
  upstream: string[],
): DataProductEntityV1alpha1 => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'aggregate',
    lifecycle: 'production',
    owner: 'customer-team',
    domain: 'customer',
    lineage: { upstreamProducts: upstream },
  },
  relations: declaredConsumers.map(targetRef => ({
    type: 'dataProductConsumedBy',
    targetRef,
  })),
});

const card = (name: string): Scorecard =>
  ({
    entityRef: `dataproduct:default/${name}`,
    domain: 'domain:default/customer',
    score: 90,
    violations: [],
  } as unknown as Scorecard);

const edge = (on: string, consumer: string): AgreementEdge => ({
  id: `${on}>${consumer}`,
  product: on,
  port: 'table',
  consumer,
  purpose: 'analytics',
  fields: [],
  expiresAt: '2099-01-01T00:00:00.000Z',
});

function derive(
  entity: DataProductEntityV1alpha1,
  agreements?: { consumers: AgreementEdge[]; consumed: AgreementEdge[] },
) {
  return deriver.derive(entity, card(entity.metadata.name), {
    domainOf: ref => DOMAINS[ref],
    agreements,
  });
}

describe('consumption KPIs count agreements; declarations are reported apart', () => {
  const C360 = 'dataproduct:default/customer-360';
  // Declared: churn-model and ads (ads twice: annotation and input port
  // relations collapse), reading order-events (another domain) by lineage.
  const declaring = product(
    'customer-360',
    ['component:default/churn-model', 'component:default/ads'],
    ['dataproduct:default/order-events'],
  );

  it('counts distinct agreed consumers, and declared ones without an agreement apart', () => {
    const inputs = derive(declaring, {
      consumers: [
        edge(C360, 'component:default/churn-model'),
        // Two ports, one consumer.
        edge(C360, 'component:default/churn-model'),
        edge(C360, 'system:default/finance-reporting'),
      ],
      consumed: [],
    });
    expect(inputs).toMatchObject({
      consumerCount: 2,
      declaredConsumerCount: 1,
      // Lineage names another domain, but no agreement backs it.
      crossDomain: false,
      declaredCrossDomain: true,
    });
  });

  it('is cross-domain by an agreement on another domain; one in its own domain is not', () => {
    expect(
      derive(declaring, {
        consumers: [],
        consumed: [edge('dataproduct:default/order-events', C360)],
      }),
    ).toMatchObject({ crossDomain: true, declaredCrossDomain: false });
    expect(
      derive(product('customer-360', [], []), {
        consumers: [],
        consumed: [edge('dataproduct:default/profiles', C360)],
      }),
    ).toMatchObject({ crossDomain: false, declaredCrossDomain: false });
  });

  it('counts nothing as agreed without agreements', () => {
    expect(derive(declaring)).toMatchObject({
      consumerCount: 0,
      declaredConsumerCount: 2,
      crossDomain: false,
      declaredCrossDomain: true,
    });
  });

  it('reports the declared, not agreed figures beside the agreed values', () => {
    const rows = [
      derive(declaring, {
        consumers: [edge(C360, 'component:default/churn-model')],
        consumed: [],
      }),
      derive(product('profiles', ['component:default/crm'], []), {
        consumers: [
          edge('dataproduct:default/profiles', 'component:default/crm'),
          edge('dataproduct:default/profiles', 'component:default/ads'),
        ],
        consumed: [edge('dataproduct:default/order-events', 'x')],
      }),
    ].map(inputs => ({
      ...inputs,
      consumerCount: inputs.consumerCount!,
      declaredConsumerCount: inputs.declaredConsumerCount!,
      declaredCrossDomain: inputs.declaredCrossDomain!,
      firstSeenAt: '2026-12-01T00:00:00.000Z',
      firstProductionAt: null,
    }));
    const kpis = computeKpis(
      new Map([['domain:default/customer', {}]]),
      sumsFromRows(rows),
    );
    const byId = Object.fromEntries(kpis.map(k => [k.id, k]));
    // (1 + 2) agreed consumers over 2 products; (1 + 0) declared only.
    expect(byId.data_product_consumers).toMatchObject({
      value: 1.5,
      declaredNotAgreed: 0.5,
    });
    expect(byId.data_product_consumers.byDomain[0]).toMatchObject({
      value: 1.5,
      declaredNotAgreed: 0.5,
    });
    expect(byId.cross_domain_products).toMatchObject({
      value: 1,
      declaredNotAgreed: 1,
    });
    expect(byId.data_product_consumers.description).toContain(
      'holding an active data sharing agreement',
    );
    expect(byId.self_serve_ratio).not.toHaveProperty('declaredNotAgreed');
  });
});
