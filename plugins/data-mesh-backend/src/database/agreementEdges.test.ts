import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { newRequest } from '../__testUtils__/accessRequests';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from './DatabaseAgreementStore';

const DAY1 = '2026-12-01T00:00:00.000Z';
const ANN = { decidedBy: 'user:default/ann' };

describe('agreements as edges (store)', () => {
  const databases = createMigratedTestDatabases();

  async function stores(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    return {
      requests: new DatabaseAccessRequestStore(knex),
      agreements: new DatabaseAgreementStore(knex),
    };
  }

  async function active(
    s: Awaited<ReturnType<typeof stores>>,
    overrides: Parameters<typeof newRequest>[0],
  ) {
    const request = await s.requests.create(newRequest(overrides), DAY1);
    const { agreement } = (await s.requests.approve(request.id, ANN, DAY1))!;
    return (await s.agreements.transition(agreement.id, {
      from: ['provisioning'],
      to: 'active',
      actor: 'data-mesh',
      action: 'granted',
      now: DAY1,
    }))!;
  }

  it.each(databases.eachSupportedId())(
    'reads the active, unexpired agreements on and held by each product of a page, on %p',
    async id => {
      const s = await stores(id);
      const onOrders = await active(s, {
        product: 'dataproduct:default/orders',
        consumer: 'component:default/churn-model',
        purpose: 'churn prediction',
        until: '2027-06-01T00:00:00.000Z',
      });
      const heldByOrders = await active(s, {
        product: 'dataproduct:default/customer-360',
        consumer: 'dataproduct:default/orders',
        until: '2027-06-01T00:00:00.000Z',
      });
      // Expired by the clock, and revoked: neither is an edge.
      await active(s, {
        product: 'dataproduct:default/orders',
        consumer: 'component:default/ads',
        until: '2026-12-15T00:00:00.000Z',
      });
      const revoked = await active(s, {
        product: 'dataproduct:default/orders',
        consumer: 'group:default/finance',
        until: '2027-06-01T00:00:00.000Z',
      });
      await s.agreements.transition(revoked.id, {
        from: ['active'],
        to: 'revoking',
        actor: 'user:default/ann',
        action: 'revoked',
        ending: 'revoked',
        reason: 'no longer needed',
        now: DAY1,
      });

      const found = await s.agreements.activeFor(
        ['dataproduct:default/orders', 'dataproduct:default/unknown'],
        '2026-12-20T00:00:00.000Z',
      );
      expect([...found.keys()]).toEqual([
        'dataproduct:default/orders',
        'dataproduct:default/unknown',
      ]);
      expect(found.get('dataproduct:default/orders')).toEqual({
        consumers: [
          {
            id: onOrders.id,
            product: 'dataproduct:default/orders',
            port: 'customer-360-table',
            consumer: 'component:default/churn-model',
            purpose: 'churn prediction',
            fields: ['customer_id'],
            expiresAt: '2027-06-01T00:00:00.000Z',
          },
        ],
        consumed: [
          expect.objectContaining({
            id: heldByOrders.id,
            product: 'dataproduct:default/customer-360',
          }),
        ],
      });
      expect(found.get('dataproduct:default/unknown')).toEqual({
        consumers: [],
        consumed: [],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'closes the pending renewals of an agreement that ends, with the reason, on %p',
    async id => {
      const s = await stores(id);
      const agreement = await active(s, {});
      const renewal = await s.requests.create(
        newRequest({ renews: agreement.id, until: '2027-09-01T00:00:00.000Z' }),
        DAY1,
      );
      const other = await s.requests.create(newRequest({}), DAY1);
      await s.agreements.transition(agreement.id, {
        from: ['active'],
        to: 'revoking',
        actor: 'user:default/ann',
        action: 'revoked',
        ending: 'revoked',
        reason: 'consumer left the company',
        now: '2026-12-02T00:00:00.000Z',
      });
      expect(await s.requests.get(renewal.id)).toMatchObject({
        status: 'rejected',
        decidedBy: 'user:default/ann',
        decidedAt: '2026-12-02T00:00:00.000Z',
        comment:
          'The agreement it renews was revoked: consumer left the company',
      });
      expect((await s.requests.get(other.id))!.status).toBe('pending');
      const trail = await s.agreements.audit({}, 100);
      expect(
        trail
          .filter(e => e.subjectId === renewal.id)
          .map(e => [e.action, e.toStatus, e.reason]),
      ).toEqual([
        ['renewal-requested', 'pending', 'churn prediction'],
        [
          'renewal-closed',
          'rejected',
          'The agreement it renews was revoked: consumer left the company',
        ],
      ]);
      expect(await s.requests.approve(renewal.id, ANN, DAY1)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps whether the purpose may be shared, private by default, on %p',
    async id => {
      const s = await stores(id);
      const shared = await active(s, { purposeShareable: true });
      const hidden = await active(s, {});
      expect(shared.purposeShareable).toBe(true);
      expect(hidden.purposeShareable).toBe(false);
      const request = await s.requests.get(shared.requestId);
      expect(request!.purposeShareable).toBe(true);
    },
  );
});
