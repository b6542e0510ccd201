import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { exampleMesh } from '../__testUtils__/startDataMesh';
import { startWithClock } from '../__testUtils__/startWithClock';
import { as } from '../__testUtils__/waivers';

const GOV = as('user:default/governance');
const CAMPAIGNS = '/api/data-mesh/campaigns';
const REF3 = 'dataproduct:default/product-3';

// Of the twelve example products only product-3 lacks a description (DOC-001).
const describeEveryProduct = {
  name: 'Describe every product',
  ruleIds: ['DOC-001'],
  targetShare: 1,
  deadline: '2026-12-10',
};

function meshWithDescribedProduct3() {
  const mesh = exampleMesh();
  mesh.find(e => e.metadata.name === 'product-3')!.metadata.description =
    'Now described';
  return mesh;
}

describe('campaign routes over time', () => {
  it('tracks a campaign daily and closes it met once the target is reached', async () => {
    const t = await startWithClock({ now: '2026-12-01T10:00:00.000Z' });
    await t.services.sweep.run();
    const created = await t.api
      .post(CAMPAIGNS)
      .set(GOV)
      .send(describeEveryProduct);
    expect(created.status).toBe(201);
    expectMatchesOpenApi('post', '/campaigns', created);
    expect(created.body).toMatchObject({
      status: 'open',
      health: 'on-track',
      createdBy: 'user:default/governance',
      startDay: '2026-12-01',
      total: 12,
      done: 11,
    });
    const path = `${CAMPAIGNS}/${created.body.id}`;

    const details = await t.api.get(path).set(GOV);
    expectMatchesOpenApi('get', '/campaigns/{id}', details);
    expect(details.body.burnDown).toEqual([
      { day: '2026-12-01', total: 12, remaining: 1, idealRemaining: 1 },
    ]);
    expect(details.body.restricted).toBe(false);
    const failing = await t.api.get(`${path}/failing`).set(GOV);
    expectMatchesOpenApi('get', '/campaigns/{id}/failing', failing);
    expect(failing.body.items).toEqual([
      expect.objectContaining({
        entityRef: REF3,
        owner: expect.stringMatching(/^group:default\/.*-domain-team$/),
        failingRules: ['DOC-001'],
      }),
    ]);
    const forProduct = await t.api
      .get('/api/data-mesh/products/default/product-3/campaigns')
      .set(GOV);
    expectMatchesOpenApi(
      'get',
      '/products/{namespace}/{name}/campaigns',
      forProduct,
    );
    expect(forProduct.body.items).toEqual([
      expect.objectContaining({
        id: created.body.id,
        deadline: '2026-12-10',
        done: false,
        failingRules: ['DOC-001'],
      }),
    ]);

    // The next day nothing changed: still open, one more point.
    t.setNow('2026-12-02T10:00:00.000Z');
    await t.services.campaigns.track();
    expect((await t.api.get(path).set(GOV)).body.campaign.status).toBe('open');

    // product-3 is described; the next tracking closes the campaign met.
    t.setEntities(meshWithDescribedProduct3());
    t.setNow('2026-12-03T10:00:00.000Z');
    await t.services.sweep.run();
    await t.services.campaigns.track();
    const closed = await t.api.get(path).set(GOV);
    expect(closed.body.campaign).toMatchObject({
      status: 'met',
      health: 'met',
      finalShare: 1,
      closedAt: '2026-12-03T10:00:00.000Z',
      total: 12,
      done: 12,
    });
    expect(closed.body.burnDown.map((p: any) => p.remaining)).toEqual([
      1, 1, 0,
    ]);
    expect(closed.body.domains.every((d: any) => d.remaining === 0)).toBe(true);
    expect((await t.api.get(`${path}/failing`).set(GOV)).body.items).toEqual(
      [],
    );
    // Closed campaigns concern no product any more, and stay listed.
    expect(
      (
        await t.api
          .get('/api/data-mesh/products/default/product-3/campaigns')
          .set(GOV)
      ).body.items,
    ).toEqual([]);
    const list = await t.api.get(CAMPAIGNS).set(GOV);
    expectMatchesOpenApi('get', '/campaigns', list);
    expect(list.body.items.map((c: any) => c.status)).toEqual(['met']);
    const again = await t.api.post(`${path}/close`).set(GOV);
    expect(again.status).toBe(409);
  });

  it('closes a campaign missed after its deadline, keeping who was failing', async () => {
    const t = await startWithClock({ now: '2026-12-01T10:00:00.000Z' });
    await t.services.sweep.run();
    const created = await t.api
      .post(CAMPAIGNS)
      .set(GOV)
      .send({ ...describeEveryProduct, deadline: '2026-12-04' });
    const path = `${CAMPAIGNS}/${created.body.id}`;
    t.setNow('2026-12-04T23:00:00.000Z');
    await t.services.campaigns.track();
    expect((await t.api.get(path).set(GOV)).body.campaign.status).toBe('open');
    t.setNow('2026-12-05T01:00:00.000Z');
    await t.services.campaigns.track();
    // Fixed after closing: the summary keeps the product as it was.
    t.setEntities(meshWithDescribedProduct3());
    await t.services.sweep.run();
    const closed = await t.api.get(path).set(GOV);
    expect(closed.body.campaign).toMatchObject({
      status: 'missed',
      health: 'missed',
      done: 11,
      total: 12,
    });
    expect(closed.body.campaign.finalShare).toBeCloseTo(11 / 12);
    const failing = await t.api.get(`${path}/failing`).set(GOV);
    expect(failing.body.items.map((i: any) => i.entityRef)).toEqual([REF3]);
  });

  it('refuses bad campaigns with a 400 naming the field', async () => {
    const t = await startWithClock({ now: '2026-12-01T10:00:00.000Z' });
    await t.services.sweep.run();
    const refused = async (body: object, field: string) => {
      const response = await t.api.post(CAMPAIGNS).set(GOV).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    };
    await refused(
      { ...describeEveryProduct, targetShare: 80 },
      'body.targetShare',
    );
    await refused(
      { ...describeEveryProduct, ruleIds: ['NOPE-1'] },
      'body.ruleIds.0',
    );
    await refused({ ...describeEveryProduct, ruleIds: [] }, 'body.ruleIds');
    await refused(
      { ...describeEveryProduct, deadline: '2026-12-01' },
      'body.deadline',
    );
    await refused(
      { ...describeEveryProduct, deadline: 'soon' },
      'body.deadline',
    );
    await refused(
      { ...describeEveryProduct, scope: { domains: ['system:default/x'] } },
      'body.scope.domains.0',
    );
    // Already reached: every product passes DOC-001 at 90%.
    await refused(
      { ...describeEveryProduct, targetShare: 0.9 },
      'body.targetShare',
    );
    expect((await t.api.get(CAMPAIGNS).set(GOV)).body.items).toEqual([]);
    expect((await t.api.get(`${CAMPAIGNS}/unknown`).set(GOV)).status).toBe(404);
  });
});
