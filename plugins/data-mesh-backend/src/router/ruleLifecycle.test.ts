import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startWithClock } from '../__testUtils__/startWithClock';
import { ANA } from '../__testUtils__/waivers';

const BEFORE = '2026-11-20T10:00:00.000Z';
const AFTER = '2026-12-01T00:00:01.000Z';
const CARD = '/api/data-mesh/scorecards/default/product-3';

// Two rules every product fails: one in grace until 1 December, one draft.
// Both are documentation rules, so the documentation KPI would see them too.
const failsEverywhere = (id: string, extra: object) => ({
  id,
  title: `Certified (${id})`,
  severity: 'error',
  tags: ['documentation'],
  message: 'Not certified',
  condition: { required: ['certifiedBy'] },
  ...extra,
});
const lifecyclePack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'lifecycle' },
  spec: {
    rules: [
      failsEverywhere('CERT-001', {
        state: 'grace',
        enforcedFrom: '2026-12-01',
      }),
      failsEverywhere('CERT-002', { state: 'draft' }),
    ],
  },
};

async function figures(t: Awaited<ReturnType<typeof startWithClock>>) {
  const [domains, kpis, card] = await Promise.all([
    t.api.get('/api/data-mesh/domains').set(ANA),
    t.api.get('/api/data-mesh/kpis').set(ANA),
    t.api.get(CARD).set(ANA),
  ]);
  expect(kpis.status).toBe(200);
  const kpi = (id: string) =>
    kpis.body.kpis.find((k: { id: string }) => k.id === id).value;
  return {
    card,
    averageScore: domains.body.mesh.averageScore,
    failCount: domains.body.mesh.failCount,
    topFailingRules: domains.body.mesh.topFailingRules.map(
      (r: { ruleId: string }) => r.ruleId,
    ),
    quality: kpi('data_quality_score'),
    documentation: kpi('documentation_completeness'),
  };
}

describe('rule lifecycle over time', () => {
  it('scores neither draft nor grace rules, until the grace date passes on the clock', async () => {
    const baseline = await startWithClock({ now: BEFORE });
    await baseline.services.sweep.run();
    const without = await figures(baseline);

    const t = await startWithClock({
      now: BEFORE,
      config: { dataMesh: { governance: { packs: [lifecyclePack] } } },
    });
    await t.services.sweep.run();
    const before = await figures(t);

    // Failing both rules changes no score, status, rollup or KPI.
    expect(before.card.body.score).toBe(without.card.body.score);
    expect(before.card.body.status).toBe(without.card.body.status);
    expect(before.card.body.violations).toEqual(without.card.body.violations);
    expect(before.averageScore).toBe(without.averageScore);
    expect(before.failCount).toBe(without.failCount);
    expect(before.topFailingRules).toEqual(without.topFailingRules);
    expect(before.quality).toBe(without.quality);
    expect(before.documentation).toBe(without.documentation);
    // ...and both are shown as upcoming, with how the product fares.
    expectMatchesOpenApi('get', '/scorecards/{namespace}/{name}', before.card);
    expect(before.card.body.upcoming).toEqual([
      expect.objectContaining({
        ruleId: 'CERT-001',
        state: 'grace',
        enforcedFrom: '2026-12-01T00:00:00.000Z',
        passes: false,
        violations: [expect.objectContaining({ message: 'Not certified' })],
      }),
      expect.objectContaining({ ruleId: 'CERT-002', state: 'draft' }),
    ]);

    // The domain page lists them and which of its products fail them.
    const domain = await t.api
      .get('/api/data-mesh/domains/default/finance')
      .set(ANA);
    expectMatchesOpenApi('get', '/domains/{namespace}/{name}', domain);
    expect(domain.body.upcomingRules.map((r: any) => [r.id, r.state])).toEqual([
      ['CERT-001', 'grace'],
      ['CERT-002', 'draft'],
    ]);
    expect(domain.body.products.items.length).toBeGreaterThan(0);
    for (const item of domain.body.products.items) {
      expect(item.upcomingFailing).toEqual(['CERT-001', 'CERT-002']);
    }

    // Nobody redeploys: the clock passes the date and the next sweep scores it.
    t.setNow(AFTER);
    baseline.setNow(AFTER);
    await t.services.sweep.run();
    await baseline.services.sweep.run();
    const after = await figures(t);
    const withoutAfter = await figures(baseline);
    expect(after.card.body.score).toBe(
      Math.max(0, withoutAfter.card.body.score - 10),
    );
    expect(after.card.body.status).toBe('fail');
    expect(after.card.body.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'CERT-001', waived: false }),
      ]),
    );
    expect(after.card.body.upcoming).toEqual([
      expect.objectContaining({ ruleId: 'CERT-002', state: 'draft' }),
    ]);
    expect(after.averageScore).toBeLessThan(withoutAfter.averageScore);
    expect(after.topFailingRules).toContain('CERT-001');
    expect(after.topFailingRules).not.toContain('CERT-002');
    expect(after.quality).toBeLessThan(withoutAfter.quality);
    expect(after.documentation).toBe(0);
    const history = await t.api.get(`${CARD}/history`).set(ANA);
    expect(history.body.items.at(-1).ruleIds).toContain('CERT-001');

    const domainAfter = await t.api
      .get('/api/data-mesh/domains/default/finance')
      .set(ANA);
    expect(domainAfter.body.upcomingRules.map((r: any) => r.id)).toEqual([
      'CERT-002',
    ]);
  });

  it('lists each rule with its state in the effective policies', async () => {
    const t = await startWithClock({
      config: { dataMesh: { governance: { packs: [lifecyclePack] } } },
    });
    const policies = await t.api.get('/api/data-mesh/policies').set(ANA);
    expectMatchesOpenApi('get', '/policies', policies);
    expect(
      policies.body.rules.filter((r: any) => r.id.startsWith('CERT-')),
    ).toEqual([
      expect.objectContaining({
        id: 'CERT-001',
        state: 'grace',
        enforcedFrom: '2026-12-01T00:00:00.000Z',
      }),
      expect.objectContaining({ id: 'CERT-002', state: 'draft' }),
    ]);
  });
});
