import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const NAME = 'explain-governance-violation';

/** Marketing raises the contract version rule from info to warning. */
const marketingPack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'marketing' },
  spec: {
    domain: 'marketing',
    rules: [{ id: 'VER-001', severity: 'warning' }],
  },
};

describe('explain-governance-violation', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it('explains a rule: what it requires, its severity and its remediation', async () => {
    const { invoke } = shared();
    const output = await invoke(NAME, { ruleId: 'DOC-001' });
    expect(output).toEqual({
      rule: {
        id: 'DOC-001',
        title: 'Product description',
        severity: 'error',
        description:
          'Required documentation includes a description of the product.',
        remediation: 'Describe the product in metadata.description',
        pack: 'default',
        scope: 'global',
      },
      definitions: [output.rule],
    });
  });

  it("lists a product's violations of the rule with their paths", async () => {
    const { invoke } = shared();
    const output = await invoke(NAME, {
      ruleId: 'DOC-001',
      entityRef: 'product-3',
    });
    expect(output.product).toEqual({
      entityRef: 'dataproduct:default/product-3',
      domain: 'domain:default/marketing',
      score: 90,
      status: 'fail',
      evaluatedAt: expect.any(String),
      violations: [
        {
          ruleId: 'DOC-001',
          severity: 'error',
          message: 'Product description missing',
          remediation: 'Describe the product in metadata.description',
          path: 'metadata.description',
          waived: false,
        },
      ],
    });
    const compliant = await invoke(NAME, {
      ruleId: 'DOC-001',
      entityRef: 'product-0',
    });
    expect(compliant.product.violations).toEqual([]);
  });

  it("gives the definition in force in the product's domain", async () => {
    const { invoke } = await startDataMeshActions({
      config: { dataMesh: { governance: { packs: [marketingPack] } } },
    });
    const marketing = await invoke(NAME, {
      ruleId: 'VER-001',
      entityRef: 'product-3',
    });
    expect(marketing.rule).toMatchObject({
      severity: 'warning',
      pack: 'marketing',
      scope: 'domain:default/marketing',
    });
    expect(marketing.definitions.map((d: any) => d.scope)).toEqual([
      'global',
      'domain:default/marketing',
    ]);
    const customer = await invoke(NAME, {
      ruleId: 'VER-001',
      entityRef: 'product-0',
    });
    expect(customer.rule).toMatchObject({ severity: 'info', scope: 'global' });
  });

  it('answers not found for an unknown rule or a product the caller may not read', async () => {
    const { invoke } = await startDataMeshActions({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    await expect(invoke(NAME, { ruleId: 'NOPE-1' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No rule NOPE-1 in the effective policies',
    });
    await expect(
      invoke(NAME, { ruleId: 'DOC-001', entityRef: 'product-3' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No scorecard for dataproduct:default/product-3',
    });
    await expect(
      invoke(NAME, { ruleId: 'DOC-001', entityRef: 'product-6' }),
    ).resolves.toMatchObject({ product: { violations: [] } });
  });

  it('checks its input, naming the field', async () => {
    const { invoke, describe } = shared();
    expect((await describe(NAME)).schema.input).toMatchObject({
      required: ['ruleId'],
      additionalProperties: false,
    });
    await expect(invoke(NAME, { ruleId: '' })).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(
      invoke(NAME, { ruleId: 'DOC-001', entityRef: 'component:x' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'input.entityRef: must refer to a DataProduct',
    });
  });
});
