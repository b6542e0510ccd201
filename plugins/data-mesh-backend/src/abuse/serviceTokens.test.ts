import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices } from '@backstage/backend-test-utils';
import { startDataMesh } from '../__testUtils__/startDataMesh';

/** Static external access tokens, as a pipeline would hold them. */
const TOKENS = {
  measurementsOnly: 'a-pipeline-token-for-measurements-only-0123456789',
  dataMeshOnly: 'a-pipeline-token-for-the-data-mesh-plugin-0123456',
  catalogOnly: 'a-token-restricted-to-the-catalog-plugin-012345678',
  unrestricted: 'an-unrestricted-pipeline-token-0123456789abcdefghij',
};

const externalAccess = [
  {
    type: 'static',
    options: { token: TOKENS.measurementsOnly, subject: 'pipelines-a' },
    accessRestrictions: [
      { plugin: 'data-mesh', permission: 'data-mesh.measurement.create' },
    ],
  },
  {
    type: 'static',
    options: { token: TOKENS.dataMeshOnly, subject: 'pipelines-b' },
    accessRestrictions: [{ plugin: 'data-mesh' }],
  },
  {
    type: 'static',
    options: { token: TOKENS.catalogOnly, subject: 'catalog-tools' },
    accessRestrictions: [{ plugin: 'catalog' }],
  },
  {
    type: 'static',
    options: { token: TOKENS.unrestricted, subject: 'pipelines-c' },
  },
];

/**
 * The plugin with Backstage's real auth, HTTP auth and permissions services
 * (service callers are decided from their tokens' access restrictions), over
 * a mock catalog that only the plugin's own credentials may read.
 */
async function startWithRealAuth() {
  return startDataMesh({
    config: { backend: { auth: { externalAccess } } },
    httpAuth: httpAuthServiceFactory,
    features: [
      authServiceFactory,
      mockServices.permissions.factory(),
      mockServices.discovery.factory(),
    ],
  });
}

const measurement = { measurements: [{ kind: 'availability', up: true }] };
const url = '/api/data-mesh/products/default/product-0/measurements';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('abuse: service tokens go through the same checks', () => {
  it('lets tokens restricted to the plugin (and to posting measurements) post, and no other', async () => {
    const { api } = await startWithRealAuth();
    for (const token of [
      TOKENS.measurementsOnly,
      TOKENS.dataMeshOnly,
      TOKENS.unrestricted,
    ]) {
      const response = await api.post(url).set(bearer(token)).send(measurement);
      expect(response.status).toBe(201);
    }
    const other = await api
      .post(url)
      .set(bearer(TOKENS.catalogOnly))
      .send(measurement);
    expect(other.status).toBe(403);
    const forged = await api
      .post(url)
      .set(bearer('not-a-token-anyone-configured-0123456789'))
      .send(measurement);
    expect(forged.status).toBe(401);
  });

  it('limits a token restricted to one permission to that permission', async () => {
    const { api } = await startWithRealAuth();
    const dryRun = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(bearer(TOKENS.measurementsOnly))
      .send({ pack: 'x' });
    expect(dryRun.status).toBe(403);
    const provenance = await api
      .post('/api/data-mesh/products/default/product-0/provenance')
      .set(bearer(TOKENS.unrestricted))
      .send({
        templateRef: 'template:default/x',
        requestedAt: new Date().toISOString(),
      });
    // An unrestricted token is a service, but not one trusted to record
    // provenance: only the scaffolder is.
    expect(provenance.status).toBe(403);
    expect(provenance.body.error.message).toContain(
      'pipelines-c may not record provenance',
    );
  });
});
