import { createMigratedTestDatabases } from '../__testUtils__/migratedDatabases';
import { DatabaseNotificationClaimStore } from './DatabaseNotificationClaimStore';

const claim = (entityRef: string, fingerprint: string) => ({
  topic: 'data-product-status-dropped',
  entityRef,
  fingerprint,
});

describe('NotificationClaimStore', () => {
  const databases = createMigratedTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return { knex, store: new DatabaseNotificationClaimStore(knex) };
  }

  it.each(databases.eachSupportedId())(
    'claims each thing once, across calls and within one, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = claim('dataproduct:default/a', 'pass>fail@2026-11-20');
      const b = claim('dataproduct:default/b', 'pass>warn@2026-11-20');
      expect(await store.claim([a, a, b], '2026-11-20T10:00:00.000Z')).toEqual([
        a,
        b,
      ]);
      // The same things again, and another day's change of a.
      const later = claim('dataproduct:default/a', 'pass>fail@2026-11-21');
      expect(
        await store.claim([b, a, later], '2026-11-21T10:00:00.000Z'),
      ).toEqual([later]);
      // Another topic of the same product and fingerprint is another thing.
      const other = { ...a, topic: 'data-product-new-error-violations' };
      expect(await store.claim([other], '2026-11-21T10:00:00.000Z')).toEqual([
        other,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of two replicas claim the same things at the same time, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const things = Array.from({ length: 600 }, (_, i) =>
        claim(`dataproduct:default/p${i}`, 'pass>fail@2026-11-20'),
      );
      const [first, second] = await Promise.all([
        store.claim(things, '2026-11-20T10:00:00.000Z'),
        store.claim([...things].reverse(), '2026-11-20T10:00:00.000Z'),
      ]);
      expect(first.length + second.length).toBe(600);
      const won = new Set([...first, ...second].map(c => c.entityRef));
      expect(won.size).toBe(600);
    },
  );

  it.each(databases.eachSupportedId())(
    'releases claims of conditions that ended, and deletes old claims, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const budget = {
        topic: 'data-product-error-budget-exhausted',
        entityRef: 'dataproduct:default/a',
        fingerprint: 'freshness',
      };
      const kept = { ...budget, fingerprint: 'availability' };
      await store.claim([budget, kept], '2026-11-20T10:00:00.000Z');
      await store.release([budget]);
      expect(
        await store.claim([budget, kept], '2026-11-21T10:00:00.000Z'),
      ).toEqual([budget]);

      expect(await store.deleteBefore('2026-11-21T00:00:00.000Z')).toBe(1);
      expect(
        (await knex('notification_claims').select('claimed_at')).map(
          row => row.claimed_at,
        ),
      ).toEqual(['2026-11-21T10:00:00.000Z']);
    },
  );
});
