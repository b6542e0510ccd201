import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { newRequest } from '../__testUtils__/accessRequests';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from './DatabaseAgreementStore';

const PRODUCT = 'dataproduct:default/customer-360';
const OTHER = 'dataproduct:default/orders';

describe('AccessRequestStore', () => {
  const databases = createMigratedTestDatabases();

  async function createStores(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    return {
      requests: new DatabaseAccessRequestStore(knex),
      agreements: new DatabaseAgreementStore(knex),
    };
  }

  it.each(databases.eachSupportedId())(
    'records, lists by scope and rejects once, on %p',
    async id => {
      const { requests, agreements } = await createStores(id);
      const mine = await requests.create(
        newRequest(),
        '2026-12-01T10:00:00.000Z',
      );
      const theirs = await requests.create(
        newRequest({ product: OTHER, requestedBy: 'user:default/kim' }),
        '2026-12-01T11:00:00.000Z',
      );
      expect(mine).toMatchObject({
        status: 'pending',
        fields: ['customer_id'],
      });
      expect(await requests.get(mine.id)).toEqual(mine);

      const own = { requestedBy: 'user:default/jo', products: [] };
      expect((await requests.list({}, own)).map(r => r.id)).toEqual([mine.id]);
      // An approver of OTHER also sees its requests, newest first.
      const approver = { requestedBy: 'user:default/jo', products: [OTHER] };
      expect((await requests.list({}, approver)).map(r => r.id)).toEqual([
        theirs.id,
        mine.id,
      ]);
      expect(
        await requests.list({}, { ...approver, onlyOwn: true }),
      ).toHaveLength(1);
      expect((await requests.productsOf({ status: 'pending' })).sort()).toEqual(
        [PRODUCT, OTHER].sort(),
      );

      const decision = { decidedBy: 'user:default/ann', comment: 'no' };
      const rejected = await requests.reject(
        mine.id,
        decision,
        '2026-12-02T00:00:00.000Z',
      );
      expect(rejected).toMatchObject({
        status: 'rejected',
        decidedBy: 'user:default/ann',
      });
      // Decided once: neither a second rejection nor an approval.
      expect(
        await requests.reject(mine.id, decision, '2026-12-02T00:00:00.000Z'),
      ).toBeUndefined();
      expect(
        await requests.approve(mine.id, decision, '2026-12-02T00:00:00.000Z'),
      ).toBeUndefined();

      const audit = await agreements.audit({}, 100);
      expect(
        audit.map(e => [e.subjectId, e.action, e.fromStatus, e.toStatus]),
      ).toEqual([
        [mine.id, 'requested', undefined, 'pending'],
        [theirs.id, 'requested', undefined, 'pending'],
        [mine.id, 'rejected', 'pending', 'rejected'],
      ]);
      expect(audit[2]).toMatchObject({
        actor: 'user:default/ann',
        reason: 'no',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'approves into an agreement, and a renewal into a later expiry, on %p',
    async id => {
      const { requests, agreements } = await createStores(id);
      const request = await requests.create(
        newRequest(),
        '2026-12-01T10:00:00.000Z',
      );
      const approved = await requests.approve(
        request.id,
        { decidedBy: 'user:default/ann' },
        '2026-12-01T12:00:00.000Z',
      );
      expect(approved?.request).toMatchObject({
        status: 'approved',
        agreementId: approved?.agreement.id,
      });
      expect(approved?.agreement).toMatchObject({
        requestId: request.id,
        product: PRODUCT,
        consumer: 'component:default/churn-model',
        purpose: 'churn prediction',
        approvedBy: 'user:default/ann',
        expiresAt: '2027-03-01T00:00:00.000Z',
        status: 'provisioning',
      });
      const agreementId = approved!.agreement.id;

      // A renewal of an agreement not yet active is not approved at all.
      const early = await requests.create(
        newRequest({ until: '2027-06-01T00:00:00.000Z', renews: agreementId }),
        '2026-12-02T00:00:00.000Z',
      );
      expect(
        await requests.approve(
          early.id,
          { decidedBy: 'user:default/ann' },
          '2026-12-02T01:00:00.000Z',
        ),
      ).toBeUndefined();
      expect(await requests.get(early.id)).toMatchObject({ status: 'pending' });

      await agreements.transition(agreementId, {
        from: ['provisioning'],
        to: 'active',
        actor: 'user:default/ann',
        action: 'granted',
        now: '2026-12-02T02:00:00.000Z',
      });
      const renewed = await requests.approve(
        early.id,
        { decidedBy: 'user:default/ann' },
        '2026-12-02T03:00:00.000Z',
      );
      expect(renewed?.agreement).toMatchObject({
        id: agreementId,
        status: 'active',
        expiresAt: '2027-06-01T00:00:00.000Z',
      });
      const actions = (await agreements.audit({ product: PRODUCT }, 100)).map(
        e => e.action,
      );
      expect(actions).toEqual([
        'requested',
        'approved',
        'agreed',
        'renewal-requested',
        'granted',
        'approved',
        'renewed',
      ]);
    },
  );
});
