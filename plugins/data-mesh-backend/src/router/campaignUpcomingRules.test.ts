import { exampleMesh } from '../__testUtils__/startDataMesh';
import { startWithClock } from '../__testUtils__/startWithClock';
import { as } from '../__testUtils__/waivers';

const GOV = as('user:default/governance');
const CAMPAIGNS = '/api/data-mesh/campaigns';

// CERT-001 bites on 1 January (grace until then), CERT-002 is a draft,
// OLD-001 is deprecated. Only product-3 and product-5 are certified.
const rule = (id: string, extra: object) => ({
  id,
  title: `Certified (${id})`,
  severity: 'error',
  message: 'Not certified',
  condition: {
    properties: {
      metadata: {
        properties: { labels: { required: ['certified-by'] } },
        required: ['labels'],
      },
    },
  },
  ...extra,
});
const pack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'certification' },
  spec: {
    rules: [
      rule('CERT-001', { state: 'grace', enforcedFrom: '2027-01-01' }),
      rule('CERT-002', { state: 'draft' }),
      rule('OLD-001', { state: 'deprecated', replacedBy: 'CERT-001' }),
    ],
  },
};

function meshWithTwoCertified() {
  const mesh = exampleMesh();
  for (const name of ['product-3', 'product-5']) {
    const product = mesh.find(e => e.metadata.name === name)!;
    product.metadata.labels = {
      ...product.metadata.labels,
      'certified-by': 'governance',
    };
  }
  return mesh;
}

const campaign = (ruleIds: string[]) => ({
  name: 'Certify before it bites',
  ruleIds,
  targetShare: 1,
  deadline: '2026-12-31',
});

describe('campaigns on rules before they are enforced', () => {
  it('counts products failing a rule in grace or draft as not done, and refuses a deprecated rule', async () => {
    const t = await startWithClock({
      now: '2026-12-01T10:00:00.000Z',
      entities: meshWithTwoCertified(),
      config: { dataMesh: { governance: { packs: [pack] } } },
    });
    await t.services.sweep.run();

    for (const ruleId of ['CERT-001', 'CERT-002']) {
      const created = await t.api
        .post(CAMPAIGNS)
        .set(GOV)
        .send(campaign([ruleId]));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ total: 12, done: 2 });
      const failing = await t.api
        .get(`${CAMPAIGNS}/${created.body.id}/failing?limit=50`)
        .set(GOV);
      expect(failing.body.items).toHaveLength(10);
      expect(failing.body.items[0].failingRules).toEqual([ruleId]);
      expect(
        failing.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).not.toContain('dataproduct:default/product-3');
    }

    // The product page shows what the product must fix before the rule bites.
    const forProduct = await t.api
      .get('/api/data-mesh/products/default/product-1/campaigns')
      .set(GOV);
    expect(
      forProduct.body.items.map((c: { failingRules: string[] }) =>
        c.failingRules.join(),
      ),
    ).toEqual(expect.arrayContaining(['CERT-001', 'CERT-002']));

    const deprecated = await t.api
      .post(CAMPAIGNS)
      .set(GOV)
      .send(campaign(['OLD-001']));
    expect(deprecated.status).toBe(400);
    expect(deprecated.body.error.message).toContain('body.ruleIds.0');
    expect(deprecated.body.error.message).toContain('deprecated');
  });
});
