import { mockCredentials } from '@backstage/backend-test-utils';
import { KPI_IDS } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const NAME = 'list-data-mesh-kpis';
const asUser = { Authorization: mockCredentials.user.header() };

describe('list-data-mesh-kpis', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it('lists every KPI against its target with freshness, as GET /kpis does', async () => {
    const { invoke, api } = shared();
    const output = await invoke(NAME, {});
    const rest = await api.get('/api/data-mesh/kpis').set(asUser);
    expect(output).toEqual({
      ...rest.body,
      generatedAt: output.generatedAt,
    });
    expect(output.kpis.map((k: any) => k.id)).toEqual(KPI_IDS);
    expect(output.freshness).toMatchObject({
      stale: false,
      computedAt: expect.any(String),
    });
    expect(output.kpis[2]).toMatchObject({
      id: 'self_serve_ratio',
      value: 0,
      target: expect.any(Number),
      targetOperator: 'gte',
      meetsTarget: false,
    });
  });

  it('lists only the KPIs asked for', async () => {
    const { invoke, describe } = shared();
    const output = await invoke(NAME, {
      ids: ['documentation_completeness', 'domains_onboarded'],
    });
    expect(output.kpis.map((k: any) => [k.id, k.value, k.meetsTarget])).toEqual(
      [
        ['domains_onboarded', 100, true],
        ['documentation_completeness', 83.33, false],
      ],
    );
    const action = await describe(NAME);
    expect(action.schema.input).toMatchObject({
      additionalProperties: false,
      properties: { ids: { items: { enum: KPI_IDS } } },
    });
    await expect(invoke(NAME, { ids: ['happiness'] })).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('counts only the products the caller may read', async () => {
    const { invoke } = await startDataMeshActions({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    const published = async (credentials?: any) =>
      (await invoke(NAME, { ids: ['data_products_published'] }, credentials))
        .kpis[0].value;
    // Of the two customer products, product-0 is experimental.
    await expect(published()).resolves.toBe(1);
    await expect(published(mockCredentials.service())).resolves.toBe(10);
  });
});
