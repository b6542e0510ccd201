import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dataMeshWaiverApprovePermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';
import { startWithClock } from '../__testUtils__/startWithClock';
import {
  ANA,
  CARD,
  meshDeclaring,
  OWNER,
  REF,
  WAIVER,
} from '../__testUtils__/waivers';

describe('waiver decisions', () => {
  it('binds an approval to the content approved, and lets nobody approve their own request', async () => {
    const t = await startWithClock({
      entities: meshDeclaring([
        { rule: 'DOC-001', reason: 'Being written', expires: '2026-12-15' },
      ]),
    });
    await t.services.sweep.run();
    const asked = await t.api.post('/api/data-mesh/waivers').set(OWNER).send({
      entityRef: 'product-3',
      ruleId: 'DOC-001',
      reason: 'Asked through the API',
      expiresAt: '2026-12-31T00:00:00Z',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      requestedBy: 'user:default/owner',
    });

    // Both requests wait: the approver names one.
    const ambiguous = await t.api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(ANA)
      .send({});
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.message).toMatch(/^body\.source: /);
    const own = await t.api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(OWNER)
      .send({ source: 'api' });
    expect(own.status).toBe(403);
    expectMatchesOpenApi(
      'post',
      '/waivers/{namespace}/{name}/{ruleId}/approve',
      own,
    );
    const noComment = await t.api
      .post(`${WAIVER}/DOC-001/reject`)
      .set(ANA)
      .send({ source: 'api' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toBe(
      "request/body must have required property 'comment'",
    );
    const rejected = await t.api
      .post(`${WAIVER}/DOC-001/reject`)
      .set(ANA)
      .send({ source: 'api', comment: 'Write the description instead' });
    expect(rejected.status).toBe(200);
    expectMatchesOpenApi(
      'post',
      '/waivers/{namespace}/{name}/{ruleId}/reject',
      rejected,
    );
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      comment: 'Write the description instead',
    });

    const approved = await t.api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(ANA)
      .send({});
    expect(approved.body).toMatchObject({
      source: 'entity',
      status: 'approved',
    });
    expect((await t.api.get(CARD).set(ANA)).body.score).toBe(100);
    const again = await t.api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(ANA)
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'No pending waiver request of DOC-001',
    );

    // A later edit of the spec is a new request: the approval does not carry over.
    t.setNow('2026-11-22T10:00:00.000Z');
    t.setEntities(
      meshDeclaring([
        { rule: 'DOC-001', reason: 'Being written', expires: '2027-02-01' },
      ]),
    );
    await t.services.governance.rescore(REF);
    const edited = await t.api.get(CARD).set(ANA);
    expect(edited.body.score).toBe(90);
    expect(edited.body.waivers.map((w: any) => [w.source, w.standing])).toEqual(
      [
        ['api', 'rejected'],
        ['entity', 'pending-approval'],
      ],
    );
    const history = await t.api.get(`${CARD}/history`).set(ANA);
    expect(history.body.items.at(-1).notes).toEqual([
      'Waiver of DOC-001 changed and waits for approval; the violation counts again',
    ]);
  });

  it('revokes an approved waiver', async () => {
    const t = await startWithClock();
    await t.services.sweep.run();
    await t.api.post('/api/data-mesh/waivers').set(OWNER).send({
      entityRef: REF,
      ruleId: 'DOC-001',
      reason: 'Asked through the API',
      expiresAt: '2026-12-31T00:00:00Z',
    });
    await t.api.post(`${WAIVER}/DOC-001/approve`).set(ANA).send({});
    expect((await t.api.get(CARD).set(ANA)).body.score).toBe(100);
    const revoke = await t.api.delete(`${WAIVER}/DOC-001?source=api`).set(ANA);
    expect(revoke.status).toBe(204);
    expectMatchesOpenApi(
      'delete',
      '/waivers/{namespace}/{name}/{ruleId}',
      revoke,
    );
    const card = await t.api.get(CARD).set(ANA);
    expect(card.body.score).toBe(90);
    expect(card.body.waivers[0]).toMatchObject({
      standing: 'revoked',
      decidedBy: 'user:default/ana',
    });
    const history = await t.api.get(`${CARD}/history`).set(ANA);
    expect(history.body.items.at(-1).notes).toEqual([
      'Waiver of DOC-001 revoked by user:default/ana; the violation counts again',
    ]);
    const gone = await t.api.delete(`${WAIVER}/DOC-001`).set(ANA);
    expect(gone.status).toBe(404);
    expectMatchesOpenApi(
      'delete',
      '/waivers/{namespace}/{name}/{ruleId}',
      gone,
    );
  });

  it('lets a requester who may not approve ask, but not decide', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result:
                r.permission.name === dataMeshWaiverApprovePermission.name
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
          authorizeConditional: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }).factory,
      ],
    });
    const request = await api
      .post('/api/data-mesh/waivers')
      .set(OWNER)
      .send({
        entityRef: REF,
        ruleId: 'DOC-001',
        reason: 'Asked through the API',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(request.status).toBe(201);
    const approve = await api
      .post(`${WAIVER}/DOC-001/approve`)
      .set(ANA)
      .send({});
    expect(approve.status).toBe(403);
    expectMatchesOpenApi(
      'post',
      '/waivers/{namespace}/{name}/{ruleId}/approve',
      approve,
    );
  });
});
