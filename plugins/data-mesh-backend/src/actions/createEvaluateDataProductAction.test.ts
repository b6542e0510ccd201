import { mockCredentials } from '@backstage/backend-test-utils';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import YAML from 'yaml';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';
import { MAX_DRAFT_LENGTH } from './createEvaluateDataProductAction';

const NAME = 'evaluate-data-product';
const asUser = { Authorization: mockCredentials.user.header() };

/** Synthetic product `i` renamed `draft`, as YAML. */
function draft(i: number, change: (product: any) => void = () => {}) {
  const product = createSyntheticProducts(i + 1)[i];
  product.metadata.name = 'draft';
  change(product);
  return { product, yaml: YAML.stringify(product) };
}

describe('evaluate-data-product', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it('scores a draft as POST /evaluate does, storing nothing', async () => {
    const { invoke, api } = shared();
    const { product, yaml } = draft(0, p => delete p.spec.access);
    const output = await invoke(NAME, { yaml });
    const rest = await api
      .post('/api/data-mesh/evaluate')
      .set(asUser)
      .send({ entity: product });
    expect(output).toEqual({ ...rest.body, evaluatedAt: output.evaluatedAt });
    expect(output).toMatchObject({
      entityRef: 'dataproduct:default/draft',
      score: 80,
      status: 'fail',
    });
    expect(output.violations.map((v: any) => v.ruleId)).toEqual([
      'SEC-001',
      'SEC-002',
    ]);
    await expect(
      invoke('get-data-product-scorecard', { entityRef: 'draft' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('looks references up as the caller sees the catalog', async () => {
    const { invoke } = await startDataMeshActions({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    // product-6 (customer) reads product-1 (order), which users cannot see.
    const { yaml } = draft(6);
    const asUserOutput = await invoke(NAME, { yaml });
    expect(asUserOutput.violations).toEqual([
      expect.objectContaining({
        ruleId: 'LIN-001',
        message:
          "Upstream product 'dataproduct:default/product-1' does not exist",
      }),
    ]);
    const asService = await invoke(NAME, { yaml }, mockCredentials.service());
    expect(asService.violations).toEqual([]);
  });

  it.each([
    ['a: [1', /^input\.yaml: Flow sequence/],
    ['a: 1\n---\nb: 2\n', /^input\.yaml: Source contains multiple documents/],
    [
      'metadata:\n  __proto__:\n    admin: true\n',
      /the key "__proto__" is not allowed/,
    ],
    ['just text', /^input\.yaml/],
    [
      'apiVersion: datamesh.io/v1alpha1\nkind: DataProduct\nmetadata:\n  name: x\nspec:\n  type: lake\n',
      /^input\.yaml\.spec\.lifecycle is required; input\.yaml\.spec\.domain is required; input\.yaml\.spec\.owner is required/,
    ],
  ])('refuses an invalid draft naming the field: %#', async (yaml, message) => {
    const { invoke } = shared();
    await expect(invoke(NAME, { yaml })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
  });

  it('limits the size of a draft in its schema', async () => {
    const { invoke, describe } = shared();
    expect((await describe(NAME)).schema.input).toMatchObject({
      required: ['yaml'],
      additionalProperties: false,
      properties: { yaml: { type: 'string', maxLength: MAX_DRAFT_LENGTH } },
    });
    const { yaml } = draft(0);
    await expect(
      invoke(NAME, { yaml: `${yaml}#${'x'.repeat(MAX_DRAFT_LENGTH)}` }),
    ).rejects.toMatchObject({
      name: 'InputError',
      // The registry's message carries zod's issues, naming the field.
      message: expect.stringMatching(
        /^Invalid input to action "test:evaluate-data-product"; caused by [\s\S]*"too_big"[\s\S]*"yaml"/,
      ),
    });
    await expect(invoke(NAME, { yaml: '' })).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
