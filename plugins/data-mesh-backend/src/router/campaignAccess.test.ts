import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  conditionalPermissions,
  customerOnlyCatalog,
} from '../__testUtils__/conditionalVisibility';
import { startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };
const CAMPAIGNS = '/api/data-mesh/campaigns';
const campaign = {
  name: 'Every product at 100',
  minScore: 100,
  targetShare: 1,
  deadline: '2099-12-31',
};

describe('campaign routes: who may do what', () => {
  it('answers 401 without credentials', async () => {
    const { api } = await startDataMesh();
    expect((await api.get(CAMPAIGNS)).status).toBe(401);
    expect((await api.post(CAMPAIGNS).send(campaign)).status).toBe(401);
    expect((await api.get(`${CAMPAIGNS}/x/failing`)).status).toBe(401);
  });

  it('answers 403 to starting or closing a campaign without the permissions', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    expect((await api.post(CAMPAIGNS).set(asUser).send(campaign)).status).toBe(
      403,
    );
    // The body is not read for a refused caller: even a bad one is a 403.
    expect((await api.post(CAMPAIGNS).set(asUser).send({})).status).toBe(403);
    expect((await api.post(`${CAMPAIGNS}/x/close`).set(asUser)).status).toBe(
      403,
    );
    expect((await api.get(CAMPAIGNS).set(asUser)).status).toBe(200);
  });

  it('never counts or lists products the caller may not read', async () => {
    const { api } = await startDataMesh({
      catalog: customerOnlyCatalog(),
      features: [conditionalPermissions()],
    });
    const created = await api.post(CAMPAIGNS).set(asUser).send(campaign);
    expect(created.status).toBe(201);
    // The whole mesh has failing products (product-3, -7, -11), but this
    // user only reads the customer domain, where all pass: nothing of the
    // rest is counted, nor the share of the whole scope.
    expect(created.body).toMatchObject({ total: 2, done: 2 });
    expect(created.body.startShare).toBeUndefined();
    const details = await api
      .get(`${CAMPAIGNS}/${created.body.id}`)
      .set(asUser);
    expect(details.body).toMatchObject({ restricted: true, burnDown: [] });
    expect(details.body.domains).toEqual([
      { domain: 'domain:default/customer', total: 2, done: 2, remaining: 0 },
    ]);
    expect(details.body.campaign).toMatchObject({
      total: 2,
      done: 2,
      share: 1,
    });
    const failing = await api
      .get(`${CAMPAIGNS}/${created.body.id}/failing`)
      .set(asUser);
    expect(failing.body.items).toEqual([]);
    const hidden = await api
      .get('/api/data-mesh/products/default/product-3/campaigns')
      .set(asUser);
    expect(hidden.status).toBe(404);
    const listed = await api.get(CAMPAIGNS).set(asUser);
    expect(listed.body.items[0]).toMatchObject({ total: 2, done: 2 });
  });
});
