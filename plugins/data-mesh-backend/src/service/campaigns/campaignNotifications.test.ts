import { SYNTHETIC_DOMAINS } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import {
  changedMesh,
  drops,
  team,
  told,
} from '../../__testUtils__/notifications';
import { createSweepHarness } from '../../__testUtils__/sweepHarness';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { EVERY_PRODUCT } from '../../database/visibleProducts';

// product-3 of the example mesh has no description; product-0 and
// product-6 (both of the first domain) lose theirs: three products fail
// DOC-001, two of one owner and one of another.
const first = team(SYNTHETIC_DOMAINS[0]);
const fourth = team(SYNTHETIC_DOMAINS[3]);
const undescribed = { 'product-0': drops.toFail, 'product-6': drops.toFail };

const input = {
  name: 'Describe every product',
  ruleIds: ['DOC-001'],
  targetShare: 1,
  deadline: '2026-11-25',
};

describe('campaign notifications', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'tell the owners of products not done when a campaign starts and when it closes, once, on %p',
    async databaseId => {
      const t = await createSweepHarness(await databases.init(databaseId), {
        entities: changedMesh(undescribed),
      });
      await t.sweep.run();
      const campaignNotes = () =>
        told(t.told.sent).filter(n =>
          n.topic?.startsWith('data-mesh-campaign'),
        );

      const created = await t.campaigns.create(
        input,
        'user:default/governance',
        EVERY_PRODUCT,
      );
      const link = `/data-mesh/campaigns/${created.id}`;
      const started = (to: string, count: number) => ({
        to,
        topic: 'data-mesh-campaign-started',
        title: `Campaign "Describe every product": ${count} of your products to raise by 2026-11-25`,
        link,
        severity: 'normal',
        description: `A governance campaign started on 2026-11-20: products in its scope must pass DOC-001. ${count} of your products do not yet. Target: 100% of the scope by 2026-11-25.`,
      });
      expect(campaignNotes()).toEqual([started(first, 2), started(fourth, 1)]);

      // The tracker runs again and again: nobody is told twice.
      await t.campaigns.track();
      await t.campaigns.track();
      expect(campaignNotes()).toHaveLength(2);

      // product-0 is described again; the deadline passes with two left.
      t.setEntities(changedMesh({ 'product-6': drops.toFail }));
      await t.sweep.run();
      t.setNow('2026-11-26T10:00:00Z');
      await t.campaigns.track();
      const closed = (to: string) => ({
        to,
        topic: 'data-mesh-campaign-closed',
        title: `Campaign "Describe every product" missed its target: 83% done of 100%`,
        link,
        severity: 'normal',
        description:
          'The campaign closed on 2026-11-26 (deadline 2026-11-25). 1 of your products still did not pass DOC-001 when it closed.',
      });
      expect(campaignNotes().slice(2)).toEqual([closed(first), closed(fourth)]);

      await t.campaigns.track();
      await expect(t.campaigns.close(created.id)).rejects.toThrow(
        /already closed/,
      );
      expect(campaignNotes()).toHaveLength(4);
    },
  );
});
