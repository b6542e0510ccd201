import { mockCredentials } from '@backstage/backend-test-utils';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const NAME = 'list-domain-data-products';
const asUser = { Authorization: mockCredentials.user.header() };

describe('list-domain-data-products', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it("returns the domain's rollup and products, as GET /domains/:name does", async () => {
    const { invoke, api } = shared();
    const output = await invoke(NAME, { domain: 'marketing' });
    const rest = await api.get('/api/data-mesh/domains/marketing').set(asUser);
    const { trend, ...rollup } = rest.body.domain;
    expect(trend).toHaveLength(1);
    expect(output).toEqual({
      domain: rollup,
      products: rest.body.products,
      freshness: rest.body.freshness,
      upcomingRules: rest.body.upcomingRules,
    });
    expect(output.domain).toMatchObject({
      domain: 'domain:default/marketing',
      title: 'Marketing',
      productCount: 2,
      failCount: 1,
      topFailingRules: [{ ruleId: 'DOC-001', count: 1 }],
    });
    expect(output.products.items.map((i: any) => i.entityRef)).toEqual([
      'dataproduct:default/product-3',
      'dataproduct:default/product-9',
    ]);
  });

  it('filters by status and pages with the cursor', async () => {
    const { invoke } = shared();
    const failing = await invoke(NAME, {
      domain: 'domain:default/marketing',
      status: 'fail',
    });
    expect(failing.products).toEqual({
      items: [
        expect.objectContaining({
          entityRef: 'dataproduct:default/product-3',
          status: 'fail',
          errorCount: 1,
        }),
      ],
      totalItems: 1,
    });
    const first = await invoke(NAME, { domain: 'marketing', limit: 1 });
    expect(first.products).toMatchObject({
      totalItems: 2,
      items: [{ entityRef: 'dataproduct:default/product-3' }],
      nextCursor: expect.any(String),
    });
    const second = await invoke(NAME, {
      domain: 'marketing',
      limit: 1,
      cursor: first.products.nextCursor,
    });
    expect(second.products.items).toEqual([
      expect.objectContaining({ entityRef: 'dataproduct:default/product-9' }),
    ]);
    expect(second.products.nextCursor).toBeUndefined();
  });

  it('checks its input, naming the field', async () => {
    const { invoke, describe } = shared();
    const action = await describe(NAME);
    expect(action.schema.input).toMatchObject({
      required: ['domain'],
      additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['pass', 'warn', 'fail'] },
        limit: { type: 'integer', minimum: 1, maximum: 500 },
      },
    });
    for (const input of [
      { domain: 'marketing', status: 'broken' },
      { domain: 'marketing', limit: 0 },
      { status: 'fail' },
    ]) {
      await expect(invoke(NAME, input)).rejects.toMatchObject({
        name: 'InputError',
      });
    }
    await expect(
      invoke(NAME, { domain: 'group:default/marketing' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'input.domain: must refer to a Domain',
    });
    await expect(
      invoke(NAME, { domain: 'marketing', cursor: 'nope' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(invoke(NAME, { domain: 'atlantis' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No domain domain:default/atlantis',
    });
  });

  it('lists and counts only the products the caller may read', async () => {
    const { invoke } = await startDataMeshActions({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    const marketing = await invoke(NAME, { domain: 'marketing' });
    expect(marketing.products).toEqual({ items: [], totalItems: 0 });
    expect(marketing.domain.productCount).toBe(0);
    const customer = await invoke(NAME, { domain: 'customer' });
    expect(customer.products.totalItems).toBe(2);
    const asService = await invoke(
      NAME,
      { domain: 'marketing' },
      mockCredentials.service(),
    );
    expect(asService.products.totalItems).toBe(2);
  });
});
