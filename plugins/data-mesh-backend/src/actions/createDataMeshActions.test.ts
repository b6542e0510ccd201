import { mockCredentials } from '@backstage/backend-test-utils';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const ACTIONS = '/api/data-mesh/.backstage/actions/v1/actions';
const as = (userRef?: string) => ({
  Authorization: mockCredentials.user.header(userRef),
});

describe('the data-mesh actions in Backstage’s actions registry', () => {
  it('are listed with their schemas under the plugin id', async () => {
    const { api } = await startDataMesh();
    const response = await api.get(ACTIONS).set(as());
    expect(response.status).toBe(200);
    expect(response.body.actions.map((a: any) => a.id).sort()).toEqual([
      'data-mesh:evaluate-data-product',
      'data-mesh:explain-governance-violation',
      'data-mesh:get-data-product-scorecard',
      'data-mesh:list-data-mesh-kpis',
      'data-mesh:list-domain-data-products',
      'data-mesh:request-governance-waiver',
    ]);
    for (const action of response.body.actions) {
      expect(action).toMatchObject({
        pluginId: 'data-mesh',
        title: expect.any(String),
        description: expect.stringMatching(/^[A-Z][\s\S]{100,}\.$/),
        schema: {
          input: { type: 'object', additionalProperties: false },
          output: { type: 'object' },
        },
      });
    }
    expect(
      response.body.actions
        .filter((a: any) => !a.attributes.readOnly)
        .map((a: any) => a.name),
    ).toEqual(['request-governance-waiver']);
  });

  it('are invoked with the credentials of the request', async () => {
    const { api } = await startDataMesh();
    const card = await api
      .post(`${ACTIONS}/data-mesh:get-data-product-scorecard/invoke`)
      .set(as())
      .send({ entityRef: 'product-3' });
    expect(card.status).toBe(200);
    expect(card.body.output).toMatchObject({ score: 90, status: 'fail' });

    const request = {
      entityRef: 'product-3',
      ruleId: 'DOC-001',
      reason: 'Being written',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const waiver = await api
      .post(`${ACTIONS}/data-mesh:request-governance-waiver/invoke`)
      .set(as('user:default/ana'))
      .send(request);
    expect(waiver.status).toBe(200);
    expect(waiver.body.output).toMatchObject({
      status: 'pending',
      requestedBy: 'user:default/ana',
    });

    const anonymous = await api
      .post(`${ACTIONS}/data-mesh:get-data-product-scorecard/invoke`)
      .send({ entityRef: 'product-3' });
    expect(anonymous.status).toBe(401);
    const service = await api
      .post(`${ACTIONS}/data-mesh:request-governance-waiver/invoke`)
      .set({ Authorization: mockCredentials.service.header() })
      .send(request);
    expect(service.status).toBe(403);
    expect(service.body.error.message).toBe('Only users may request waivers');
  });
});
