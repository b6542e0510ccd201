import {
  changedMesh,
  drops,
  team,
  told,
} from '../../__testUtils__/notifications';
import { createSweepHarness } from '../../__testUtils__/sweepHarness';
import { createTestDatabases } from '../../__testUtils__/testDatabases';

describe('notifications of many changes at once', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'send one digest to an owner with more products changed than the threshold, on %p',
    async databaseId => {
      // 24 products: customer owns 0, 6, 12, 18; inventory 2, 8, 14, 20.
      const t = await createSweepHarness(await databases.init(databaseId), {
        entities: changedMesh({}, 24),
        config: { dataMesh: { notifications: { digestThreshold: 2 } } },
      });
      await t.sweep.run();
      // Within the grace for missing references (product-19's owner).
      t.setNow('2026-11-20T10:05:00Z');
      t.setEntities(
        changedMesh(
          {
            // Three of customer's products: more than 2, one digest.
            'product-0': drops.toFail,
            'product-6': drops.toFail,
            'product-12': drops.toWarn,
            // Two of inventory's: one notification each.
            'product-2': drops.toFail,
            'product-8': drops.toFail,
          },
          24,
        ),
      );
      await t.sweep.run();

      const sent = told(t.told.sent);
      expect(sent.map(n => [n.to, n.link])).toEqual([
        [[team('customer')], '/catalog/default/group/customer-domain-team'],
        [[team('inventory')], '/catalog/default/dataproduct/product-2'],
        [[team('inventory')], '/catalog/default/dataproduct/product-8'],
      ]);
      const [digest] = sent;
      expect(digest).toMatchObject({
        topic: 'data-product-status-dropped',
        severity: 'high',
        title:
          'Data products of customer-domain-team: status dropped: 3; new error-severity violations: 2',
      });
      const lines = digest.description!.split('\n');
      expect(lines[0]).toBe(
        'Many data products of customer-domain-team changed at once (products per change: status dropped: 3; new error-severity violations: 2). Among them:',
      );
      // The first products, as many as the threshold, with their links.
      expect(lines.slice(1)).toHaveLength(2);
      for (const line of lines.slice(1)) {
        expect(line).toMatch(
          /^product-(0|6|12): \/catalog\/default\/dataproduct\/product-(0|6|12)$/,
        );
      }

      // Told once: the next sweep sends nothing.
      t.setNow('2026-11-20T10:10:00Z');
      await t.sweep.run();
      expect(t.told.sent).toHaveLength(3);
    },
  );
});
