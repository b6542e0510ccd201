import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dataMeshWaiverRequestPermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { startDataMeshActions } from '../__testUtils__/startDataMeshActions';
import { sharedBackend } from '../__testUtils__/sharedBackend';

const NAME = 'request-governance-waiver';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const asked = {
  entityRef: 'product-3',
  ruleId: 'DOC-001',
  reason: 'Description is being written with the business',
  expiresAt: inDays(30),
};

const OWNER = 'user:default/owner';

/** A policy under which only OWNER may ask for waivers, of product-3 only. */
const ownerOfProduct3 = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(r => ({
      result:
        (credentials.principal as { userEntityRef?: string }).userEntityRef ===
          OWNER &&
        'resourceRef' in r &&
        r.resourceRef === 'dataproduct:default/product-3'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    })),
  authorizeConditional: async requests =>
    requests.map(() => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
    })) as any,
}).factory;

describe('request-governance-waiver', () => {
  const shared = sharedBackend(() => startDataMeshActions());

  it('records a pending request of the caller, as POST /waivers does', async () => {
    const { invoke } = await startDataMeshActions();
    const waiver = await invoke(NAME, asked);
    expect(waiver).toEqual({
      entityRef: 'dataproduct:default/product-3',
      ruleId: 'DOC-001',
      reason: asked.reason,
      expiresAt: asked.expiresAt,
      source: 'api',
      status: 'pending',
      requestedBy: 'user:default/mock',
      requestedAt: expect.any(String),
    });
    const card = await invoke('get-data-product-scorecard', {
      entityRef: 'product-3',
    });
    expect(card).toMatchObject({ score: 90, status: 'fail' });
    expect(card.waivers).toEqual([
      expect.objectContaining({
        ruleId: 'DOC-001',
        standing: 'pending-approval',
        counts: false,
      }),
    ]);
  });

  it.each([
    [{ expiresAt: inDays(-1) }, 'input.expiresAt: must be in the future'],
    [{ expiresAt: 'tomorrow' }, 'input.expiresAt: must be an ISO-8601'],
    [{ ruleId: 'NOPE-1' }, 'input.ruleId: no rule NOPE-1'],
    [{ entityRef: 'group:default/x' }, 'input.entityRef: must refer to a'],
    [{ reason: '  ' }, 'input.reason: Too small'],
  ])('refuses invalid input naming the field: %#', async (change, message) => {
    const { invoke } = shared();
    await expect(invoke(NAME, { ...asked, ...change })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
  });

  it('needs data-mesh.waiver.request on the product, checked with the caller credentials', async () => {
    const { invoke } = await startDataMeshActions({
      features: [ownerOfProduct3],
    });
    const owner = mockCredentials.user(OWNER);
    for (const [input, credentials] of [
      [{ ...asked, entityRef: 'product-9' }, owner],
      [asked, mockCredentials.user('user:default/someone-else')],
    ] as const) {
      await expect(invoke(NAME, input, credentials)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: `Not allowed: ${dataMeshWaiverRequestPermission.name}`,
      });
    }
    await expect(invoke(NAME, asked, owner)).resolves.toMatchObject({
      status: 'pending',
      requestedBy: OWNER,
    });
    await expect(
      invoke(NAME, { ...asked, extra: true }, owner),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refuses callers denied outright before reading their input, and services', async () => {
    const { invoke } = await startDataMeshActions({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    await expect(
      invoke(NAME, { ...asked, expiresAt: 'tomorrow' }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `Not allowed: ${dataMeshWaiverRequestPermission.name}`,
    });
    const allowed = await startDataMeshActions();
    await expect(
      allowed.invoke(NAME, asked, mockCredentials.service()),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'Only users may request waivers',
    });
    const { items } = (
      await allowed.api
        .get('/api/data-mesh/waivers')
        .set({ Authorization: mockCredentials.user.header() })
    ).body;
    expect(items).toEqual([]);
  });
});
