import { mockCredentials } from '@backstage/backend-test-utils';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';

const asUser = { Authorization: mockCredentials.user.header() };

// Two rules every product fails and none is scored on: one in grace until a
// date far ahead, one draft.
const failsEverywhere = (id: string, extra: object) => ({
  id,
  title: `Certified (${id})`,
  severity: 'error',
  message: 'Not certified',
  condition: { required: ['certifiedBy'] },
  ...extra,
});
const config = {
  dataMesh: {
    governance: {
      packs: [
        {
          apiVersion: 'datamesh.io/v1alpha1',
          kind: 'PolicyPack',
          metadata: { name: 'lifecycle' },
          spec: {
            rules: [
              failsEverywhere('CERT-001', {
                state: 'grace',
                enforcedFrom: '2099-01-01',
              }),
              failsEverywhere('CERT-002', { state: 'draft' }),
            ],
          },
        },
      ],
    },
  },
};

describe('actions and upcoming rules', () => {
  it('get-data-product-scorecard and evaluate-data-product give the upcoming rules the REST scorecard has', async () => {
    const {
      invoke,
      describe: describeAction,
      api,
    } = await startDataMeshActions({ config });
    const rest = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(rest.body.upcoming.map((u: any) => [u.ruleId, u.state])).toEqual([
      ['CERT-001', 'grace'],
      ['CERT-002', 'draft'],
    ]);
    const output = await invoke('get-data-product-scorecard', {
      entityRef: 'product-3',
    });
    expect(output).toEqual(rest.body);
    expect(output.upcoming[0]).toEqual({
      ruleId: 'CERT-001',
      title: 'Certified (CERT-001)',
      severity: 'error',
      state: 'grace',
      enforcedFrom: '2099-01-01T00:00:00.000Z',
      passes: false,
      violations: [expect.objectContaining({ message: 'Not certified' })],
    });
    for (const name of [
      'get-data-product-scorecard',
      'evaluate-data-product',
    ]) {
      const schema = (await describeAction(name)).schema.output as any;
      expect(schema.properties.upcoming.items.properties.state).toEqual(
        expect.objectContaining({ enum: ['draft', 'grace', 'deprecated'] }),
      );
    }
  });

  it('list-domain-data-products gives the domain upcoming rules and which its products fail, as the REST domain does', async () => {
    const { invoke, api } = await startDataMeshActions({ config });
    const rest = await api
      .get('/api/data-mesh/domains/default/finance')
      .set(asUser);
    const output = await invoke('list-domain-data-products', {
      domain: 'finance',
    });
    expect(output.upcomingRules).toEqual(rest.body.upcomingRules);
    expect(output.upcomingRules.map((r: any) => [r.id, r.state])).toEqual([
      ['CERT-001', 'grace'],
      ['CERT-002', 'draft'],
    ]);
    expect(output.products).toEqual(rest.body.products);
    expect(output.products.items[0].upcomingFailing).toEqual([
      'CERT-001',
      'CERT-002',
    ]);
  });
});
