import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const NAME = 'get-data-product-scorecard';
const asUser = { Authorization: mockCredentials.user.header() };

describe('get-data-product-scorecard', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it('returns the stored scorecard, as the REST API does for the same caller', async () => {
    const { invoke, api } = shared();
    const output = await invoke(NAME, { entityRef: 'product-3' });
    const rest = await api
      .get('/api/data-mesh/scorecards/default/product-3')
      .set(asUser);
    expect(output).toEqual(rest.body);
    expect(output).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      score: 90,
      status: 'fail',
      domain: 'domain:default/marketing',
      violations: [
        expect.objectContaining({
          ruleId: 'DOC-001',
          path: 'metadata.description',
          remediation: 'Describe the product in metadata.description',
        }),
      ],
    });
    await expect(
      invoke(NAME, { entityRef: 'dataproduct:default/product-3' }),
    ).resolves.toEqual(output);
  });

  it('describes and checks its input', async () => {
    const { invoke, describe } = shared();
    const action = await describe(NAME);
    expect(action.attributes).toEqual({
      readOnly: true,
      idempotent: true,
      destructive: false,
    });
    expect(action.schema.input).toMatchObject({
      type: 'object',
      required: ['entityRef'],
      additionalProperties: false,
    });
    expect(action.schema.output).toMatchObject({
      required: expect.arrayContaining(['entityRef', 'score', 'violations']),
    });
    await expect(invoke(NAME, {})).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(
      invoke(NAME, { entityRef: 'product-3', extra: 1 }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      invoke(NAME, { entityRef: 'group:default/x' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'input.entityRef: must refer to a DataProduct',
    });
    await expect(invoke(NAME, { entityRef: 'ghost' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No scorecard for dataproduct:default/ghost',
    });
  });

  it('answers not found for products the caller may not read, with the caller credentials', async () => {
    const { invoke } = await startDataMeshActions({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    await expect(
      invoke(NAME, { entityRef: 'product-1' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No scorecard for dataproduct:default/product-1',
    });
    await expect(
      invoke(NAME, { entityRef: 'product-6' }),
    ).resolves.toMatchObject({ entityRef: 'dataproduct:default/product-6' });
    // A service sees every product in this catalog: the credentials decide.
    await expect(
      invoke(NAME, { entityRef: 'product-1' }, mockCredentials.service()),
    ).resolves.toMatchObject({ entityRef: 'dataproduct:default/product-1' });
  });

  it('answers not found when reading the catalog is denied', async () => {
    const { invoke } = await startDataMeshActions({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    await expect(
      invoke(NAME, { entityRef: 'product-3' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
