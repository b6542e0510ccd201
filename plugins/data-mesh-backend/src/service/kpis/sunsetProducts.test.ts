import { changedMesh } from '../../__testUtils__/notifications';
import { startWithClock } from '../../__testUtils__/startWithClock';
import { ANA } from '../../__testUtils__/waivers';

async function published(t: Awaited<ReturnType<typeof startWithClock>>) {
  const response = await t.api.get('/api/data-mesh/kpis').set(ANA);
  expect(response.status).toBe(200);
  const kpi = response.body.kpis.find(
    (k: { id: string }) => k.id === 'data_products_published',
  );
  return {
    value: kpi.value,
    order: kpi.byDomain.find((d: any) => d.domain === 'domain:default/order')
      ?.value,
    description: kpi.description,
  };
}

describe('sunset products in the KPIs', () => {
  it('stops counting a product as published once its sunset date has passed', async () => {
    const t = await startWithClock({
      now: '2026-11-20T10:00:00.000Z',
      entities: changedMesh({
        'product-1': product => {
          product.spec.deprecation = { sunset: '2026-11-25' };
        },
      }),
    });
    await t.services.sweep.run();
    const before = await published(t);
    expect(before.description).toContain(
      'products past the sunset date of their deprecation are not counted',
    );

    // On the sunset date it is still served; the day after, it is not.
    t.setNow('2026-11-25T12:00:00.000Z');
    await t.services.sweep.run();
    expect(await published(t)).toEqual(before);

    t.setNow('2026-11-26T00:00:01.000Z');
    await t.services.sweep.run();
    const after = await published(t);
    expect(after.value).toBe(before.value - 1);
    expect(after.order).toBe(before.order - 1);
  });
});
