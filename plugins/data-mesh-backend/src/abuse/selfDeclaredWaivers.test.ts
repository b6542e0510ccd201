import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startWithClock } from '../__testUtils__/startWithClock';
import {
  ANA,
  CARD,
  financePack,
  meshDeclaring,
  REF,
  WAIVER,
} from '../__testUtils__/waivers';

describe('waivers a product declares in its spec', () => {
  it('keeps the score of a product that waives rules in its own spec', async () => {
    const t = await startWithClock({
      config: { dataMesh: { governance: { packs: [financePack] } } },
      entities: meshDeclaring([
        { rule: 'NOPE-001', reason: 'We know best', expires: '2026-12-01' },
        { rule: 'FIN-001', reason: 'Not ours', expires: '2026-12-01' },
        { rule: 'DOC-001', reason: 'Forever', expires: '9999-12-31' },
      ]),
    });
    await t.services.sweep.run();
    const card = await t.api.get(CARD).set(ANA);
    expectMatchesOpenApi('get', '/scorecards/{namespace}/{name}', card);
    expect(card.body).toMatchObject({ score: 90, status: 'fail' });
    expect(card.body.violations).toEqual([
      expect.objectContaining({ ruleId: 'DOC-001', waived: false }),
    ]);
    expect(
      card.body.waivers.map((w: any) => [w.ruleId, w.standing, w.counts]),
    ).toEqual([
      ['DOC-001', 'expiry-too-far', false],
      ['FIN-001', 'rule-not-applicable', false],
      ['NOPE-001', 'unknown-rule', false],
    ]);
    expect(card.body.waivers[0].explanation).toBe(
      'Ends on 9999-12-31, more than 90 days from now: it cannot be approved',
    );

    // Governance cannot approve them either.
    for (const [rule, message] of [
      [
        'DOC-001',
        'its expiry 9999-12-31T23:59:59.999Z must be in the future and at most 90 days ahead',
      ],
      ['FIN-001', 'FIN-001 does not apply to this product'],
      ['NOPE-001', 'no rule NOPE-001 in the effective policies'],
    ]) {
      const approve = await t.api
        .post(`${WAIVER}/${rule}/approve`)
        .set(ANA)
        .send({});
      expect(approve.status).toBe(409);
      expectMatchesOpenApi(
        'post',
        '/waivers/{namespace}/{name}/{ruleId}/approve',
        approve,
      );
      expect(approve.body.error.message).toBe(
        `The request cannot be approved: ${message}`,
      );
    }
    expect((await t.api.get(CARD).set(ANA)).body.score).toBe(90);

    // A valid declaration waits for approval, and does not count meanwhile.
    t.setEntities(
      meshDeclaring([
        { rule: 'DOC-001', reason: 'Being written', expires: '2026-12-15' },
      ]),
    );
    await t.services.governance.rescore(REF);
    const pending = await t.api.get(CARD).set(ANA);
    expect(pending.body.score).toBe(90);
    expect(pending.body.waivers).toEqual([
      expect.objectContaining({
        ruleId: 'DOC-001',
        status: 'pending',
        standing: 'pending-approval',
        counts: false,
      }),
    ]);
    const list = await t.api
      .get(`/api/data-mesh/waivers?entityRef=${REF}&status=pending`)
      .set(ANA);
    expectMatchesOpenApi('get', '/waivers', list);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        ruleId: 'DOC-001',
        source: 'entity',
        status: 'pending',
      }),
    ]);
  });

  it('counts a waiver once approved, and reopens the violation when the clock passes its expiry', async () => {
    const t = await startWithClock({
      entities: meshDeclaring([
        { rule: 'DOC-001', reason: 'Being written', expires: '2026-12-15' },
      ]),
    });
    await t.services.sweep.run();
    expect((await t.api.get(CARD).set(ANA)).body.score).toBe(90);

    t.setNow('2026-11-21T10:00:00.000Z');
    const approve = await t.api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(ANA)
      .send({ comment: 'Fine' });
    expect(approve.status).toBe(200);
    expectMatchesOpenApi(
      'post',
      '/waivers/{namespace}/{name}/{ruleId}/approve',
      approve,
    );
    expect(approve.body).toMatchObject({
      source: 'entity',
      status: 'approved',
      decidedBy: 'user:default/ana',
      decidedAt: '2026-11-21T10:00:00.000Z',
      comment: 'Fine',
    });
    const approved = await t.api.get(CARD).set(ANA);
    expect(approved.body).toMatchObject({ score: 100, status: 'pass' });
    expect(approved.body.waivers[0]).toMatchObject({
      standing: 'in-force',
      explanation:
        'Approved by user:default/ana on 2026-11-21; in force until 2026-12-15',
    });

    // The next sweep after the expiry scores the violation again.
    t.setNow('2026-12-16T00:30:00.000Z');
    await t.services.sweep.run();
    const expired = await t.api.get(CARD).set(ANA);
    expect(expired.body).toMatchObject({ score: 90, status: 'fail' });
    expect(expired.body.waivers[0]).toMatchObject({
      standing: 'expired',
      counts: false,
      explanation: 'Expired on 2026-12-15; the violation counts again',
    });
    const history = await t.api.get(`${CARD}/history`).set(ANA);
    expectMatchesOpenApi(
      'get',
      '/scorecards/{namespace}/{name}/history',
      history,
    );
    expect(
      history.body.items.map((h: any) => [h.recordedAt, h.score, h.notes]),
    ).toEqual([
      ['2026-11-20T10:00:00.000Z', 90, undefined],
      [
        '2026-11-21T10:00:00.000Z',
        100,
        [
          'Waiver of DOC-001 approved by user:default/ana; the violation no longer counts',
        ],
      ],
      [
        '2026-12-16T00:30:00.000Z',
        90,
        ['Waiver of DOC-001 expired on 2026-12-15; the violation counts again'],
      ],
    ]);
  });

  it('records no request from an evaluation or a dry-run', async () => {
    const t = await startWithClock({
      entities: meshDeclaring([
        { rule: 'DOC-001', reason: 'Being written', expires: '2026-12-15' },
      ]),
    });
    const product = meshDeclaring([
      { rule: 'DOC-001', reason: 'Submitted', expires: '2026-12-15' },
    ]).find(e => e.metadata.name === 'product-3');
    const evaluated = await t.api
      .post('/api/data-mesh/evaluate')
      .set(ANA)
      .send({ entity: product });
    expect(evaluated.body.waivers).toEqual([
      expect.objectContaining({ standing: 'pending-approval' }),
    ]);
    const dryRun = await t.api
      .post('/api/data-mesh/policies/dry-run')
      .set(ANA)
      .send({ pack: financePack });
    expect(dryRun.status).toBe(200);
    const list = await t.api.get('/api/data-mesh/waivers').set(ANA);
    expect(list.body.items).toEqual([]);
  });
});
