import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { newRequest } from '../__testUtils__/accessRequests';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from './DatabaseAgreementStore';

describe('AgreementStore', () => {
  const databases = createMigratedTestDatabases();

  async function agreementUntil(
    requests: DatabaseAccessRequestStore,
    until: string,
    consumer = 'component:default/churn-model',
  ) {
    const request = await requests.create(
      newRequest({ until, consumer }),
      '2026-12-01T00:00:00.000Z',
    );
    const approved = await requests.approve(
      request.id,
      { decidedBy: 'user:default/ann' },
      '2026-12-01T00:00:00.000Z',
    );
    return approved!.agreement;
  }

  it.each(databases.eachSupportedId())(
    'changes status only from the expected ones, auditing each change, on %p',
    async id => {
      const knex = await databases.init(id);
      const requests = new DatabaseAccessRequestStore(knex);
      const agreements = new DatabaseAgreementStore(knex);
      const agreement = await agreementUntil(
        requests,
        '2027-01-01T00:00:00.000Z',
      );
      const change = {
        actor: 'user:default/ann',
        now: '2026-12-02T00:00:00.000Z',
      };
      expect(
        await agreements.transition(agreement.id, {
          ...change,
          from: ['active'],
          to: 'revoking',
          action: 'revoked',
        }),
      ).toBeUndefined();
      const failed = await agreements.transition(agreement.id, {
        ...change,
        from: ['provisioning'],
        to: 'provisioning-failed',
        action: 'grant-failed',
        reason: 'Error: no such table',
      });
      expect(failed).toMatchObject({
        status: 'provisioning-failed',
        statusReason: 'Error: no such table',
      });
      await agreements.transition(agreement.id, {
        ...change,
        from: ['provisioning-failed'],
        to: 'revoking',
        action: 'expired',
        ending: 'expired',
      });
      expect(await agreements.get(agreement.id)).toMatchObject({
        status: 'revoking',
        ending: 'expired',
      });
      const trail = await agreements.audit(
        { from: '2026-12-02T00:00:00.000Z' },
        100,
      );
      expect(trail.map(e => [e.action, e.fromStatus, e.toStatus])).toEqual([
        ['grant-failed', 'provisioning', 'provisioning-failed'],
        ['expired', 'provisioning-failed', 'revoking'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds due and expiring agreements holding access, and lists by filter, on %p',
    async id => {
      const knex = await databases.init(id);
      const requests = new DatabaseAccessRequestStore(knex);
      const agreements = new DatabaseAgreementStore(knex);
      const activate = (agreementId: string) =>
        agreements.transition(agreementId, {
          from: ['provisioning'],
          to: 'active',
          actor: 'user:default/ann',
          action: 'granted',
          now: '2026-12-01T00:00:00.000Z',
        });
      const past = await agreementUntil(requests, '2026-12-10T00:00:00.000Z');
      const soon = await agreementUntil(
        requests,
        '2026-12-20T00:00:00.000Z',
        'group:default/analytics',
      );
      const later = await agreementUntil(requests, '2027-06-01T00:00:00.000Z');
      const pending = await agreementUntil(
        requests,
        '2026-12-05T00:00:00.000Z',
      );
      for (const a of [past, soon, later]) await activate(a.id);

      const now = '2026-12-15T00:00:00.000Z';
      // `pending` is still provisioning: it holds no access to end.
      expect((await agreements.due(now)).map(a => a.id)).toEqual([past.id]);
      expect(
        (
          await agreements.expiring({
            from: now,
            to: '2026-12-22T00:00:00.000Z',
          })
        ).map(a => a.id),
      ).toEqual([soon.id]);
      expect(
        (
          await agreements.list({ consumer: 'group:default/analytics' }, 'all')
        ).map(a => a.id),
      ).toEqual([soon.id]);
      expect(
        (await agreements.list({ status: 'provisioning' }, 'all')).map(
          a => a.id,
        ),
      ).toEqual([pending.id]);
      expect(
        await agreements.list(
          {},
          { requestedBy: 'user:default/other', products: [] },
        ),
      ).toEqual([]);
    },
  );
});
