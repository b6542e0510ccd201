import { exampleMesh } from '../__testUtils__/startDataMesh';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startWithClock } from '../__testUtils__/startWithClock';
import { ANA } from '../__testUtils__/waivers';

const DRY_RUN = '/api/data-mesh/policies/dry-run';
const pack = (name: string, condition: object) => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name },
  spec: {
    rules: [{ id: 'CERT-001', severity: 'error', state: 'draft', condition }],
  },
});
// A draft rule every product fails, and one every product meets.
const failsAll = pack('certification', { required: ['certifiedBy'] });
const passesAll = pack('certification', { required: ['spec'] });

type Day = {
  day: string;
  productCount: number;
  failingCount: number;
  domains: { domain: string; productCount: number; failingCount: number }[];
};

/** The mesh with product-0 owned by a group the catalog does not hold. */
function meshWithProduct0Orphaned() {
  const mesh = exampleMesh();
  const product = mesh.find(e => e.metadata.name === 'product-0')!;
  (product.spec as any).owner = 'group:default/nobody';
  return mesh;
}

describe('the dry-run backtest over stored history', () => {
  it('replays the proposed pack per day and domain over the last 90 days, storing nothing', async () => {
    const t = await startWithClock({ now: '2026-11-10T08:00:00.000Z' });
    await t.services.sweep.run();
    const failing = async () =>
      (await t.api.get('/api/data-mesh/scorecards?status=fail').set(ANA)).body
        .totalItems;
    const failingFirst = await failing();
    // On 15 November product-0 loses its owner and starts failing.
    t.setNow('2026-11-15T08:00:00.000Z');
    t.setEntities(meshWithProduct0Orphaned());
    await t.services.sweep.run();
    expect(await failing()).toBe(failingFirst + 1);

    t.setNow('2026-11-20T12:00:00.000Z');
    const history = await t.api
      .get('/api/data-mesh/scorecards/default/product-0/history')
      .set(ANA);

    const harmless = await t.api
      .post(DRY_RUN)
      .set(ANA)
      .send({ pack: passesAll });
    expect(harmless.status).toBe(200);
    expectMatchesOpenApi('post', '/policies/dry-run', harmless);
    const { backtest } = harmless.body;
    expect(backtest.from).toBe('2026-08-23');
    expect(backtest.to).toBe('2026-11-20');
    expect(backtest.days).toHaveLength(90);
    const byDay = new Map<string, Day>(
      backtest.days.map((d: Day) => [d.day, d]),
    );
    // Before history starts nothing is known, so nothing is counted.
    expect(byDay.get('2026-11-09')).toMatchObject({
      productCount: 0,
      failingCount: 0,
      domains: [],
    });
    // The rules in force judged as history recorded them each day.
    expect(byDay.get('2026-11-10')).toMatchObject({
      productCount: 12,
      failingCount: failingFirst,
    });
    expect(byDay.get('2026-11-14')!.failingCount).toBe(failingFirst);
    expect(byDay.get('2026-11-15')!.failingCount).toBe(failingFirst + 1);
    expect(byDay.get('2026-11-20')!.failingCount).toBe(failingFirst + 1);
    const customer = (day: string) =>
      byDay.get(day)!.domains.find(d => d.domain === 'domain:default/customer');
    expect(customer('2026-11-14')!.failingCount + 1).toBe(
      customer('2026-11-15')!.failingCount,
    );
    for (const day of backtest.days as Day[]) {
      const sum = (key: 'productCount' | 'failingCount') =>
        day.domains.reduce((total, d) => total + d[key], 0);
      expect(sum('productCount')).toBe(day.productCount);
      expect(sum('failingCount')).toBe(day.failingCount);
    }

    // A draft rule every product fails would have failed all of them, every day.
    const strict = await t.api.post(DRY_RUN).set(ANA).send({ pack: failsAll });
    expect(strict.status).toBe(200);
    for (const day of strict.body.backtest.days as Day[]) {
      expect(day.failingCount).toBe(day.productCount);
      expect(day.productCount).toBe(day.day < '2026-11-10' ? 0 : 12);
    }
    // The draft rule is not scored in the proposed figures either.
    expect(strict.body.newlyFailingCount).toBe(0);

    // Nothing was stored.
    const historyAfter = await t.api
      .get('/api/data-mesh/scorecards/default/product-0/history')
      .set(ANA);
    expect(historyAfter.body).toEqual(history.body);
  });
});
