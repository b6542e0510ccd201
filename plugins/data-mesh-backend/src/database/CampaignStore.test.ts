import { createTestDatabases } from '../__testUtils__/testDatabases';
import { scorecard } from '../__testUtils__/scorecards';
import { visibleSnapshot } from '../__testUtils__/visibleSnapshot';
import type { CampaignRecord } from './CampaignStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { applyDatabaseMigrations } from './migrations';
import { EVERY_PRODUCT } from './visibleProducts';

const NOW = '2026-12-01T10:00:00.000Z';
const ref = (name: string) => `dataproduct:default/${name}`;
const customer = 'domain:default/customer';
const finance = 'domain:default/finance';

const campaign = (overrides: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id: 'c-1',
  name: 'Certify products',
  ruleIds: ['R1'],
  scope: { types: ['source-aligned'] },
  targetShare: 0.9,
  deadline: '2026-12-31',
  startDay: '2026-12-01',
  startShare: 0.5,
  createdBy: 'user:default/gov',
  createdAt: NOW,
  status: 'open',
  health: 'on-track',
  ...overrides,
});

// a and c fail R1 (c also R2), b passes, d's R1 is waived; e fails R1 but
// is an aggregate, out of the scope.
const cards = () => [
  scorecard('a', { violations: [{ ruleId: 'R1' }] }),
  scorecard('b'),
  scorecard('c', {
    domain: 'finance',
    violations: [{ ruleId: 'R1' }, { ruleId: 'R2', severity: 'warning' }],
  }),
  scorecard('d', {
    domain: 'finance',
    violations: [{ ruleId: 'R1', waived: true }],
  }),
  scorecard('e', { type: 'aggregate', violations: [{ ruleId: 'R1' }] }),
];

describe('CampaignStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'counts progress, lists failing products and closes with outcomes on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const scorecards = new DatabaseScorecardStore(knex);
      await scorecards.saveResults(cards(), NOW);
      const store = new DatabaseCampaignStore(knex);
      const c = campaign();
      await store.create(c);
      expect(await store.get('c-1')).toEqual(c);

      const byDomain = (counts: Array<{ domain?: string }>) =>
        [...counts].sort((x, y) =>
          (x.domain ?? '').localeCompare(y.domain ?? ''),
        );
      expect(byDomain(await store.progress(c, EVERY_PRODUCT))).toEqual([
        { domain: customer, total: 2, done: 1 },
        { domain: finance, total: 2, done: 1 },
      ]);
      // A minimum score instead: a (one error) scores 90, c (an error and a
      // warning) 88; only c is below 89.
      expect(
        byDomain(
          await store.progress(
            { ...c, ruleIds: [], minScore: 89 },
            EVERY_PRODUCT,
          ),
        ),
      ).toEqual([
        { domain: customer, total: 2, done: 2 },
        { domain: finance, total: 2, done: 1 },
      ]);

      // Another caller sees a and d only: nothing of b or c is counted.
      const seen = await visibleSnapshot(knex, [ref('a'), ref('d')]);
      expect(byDomain(await store.progress(c, seen))).toEqual([
        { domain: customer, total: 1, done: 0 },
        { domain: finance, total: 1, done: 1 },
      ]);
      expect((await store.failing(c, seen, { limit: 10 })).items).toEqual([
        expect.objectContaining({ entityRef: ref('a'), failingRules: ['R1'] }),
      ]);

      const first = await store.failing(c, EVERY_PRODUCT, { limit: 1 });
      expect(first).toEqual({
        items: [
          {
            entityRef: ref('a'),
            domain: customer,
            owner: 'group:default/customer-domain-team',
            score: expect.any(Number),
            failingRules: ['R1'],
          },
        ],
        nextCursor: ref('a'),
      });
      const second = await store.failing(c, EVERY_PRODUCT, {
        limit: 1,
        after: first.nextCursor,
      });
      expect(second.items.map(i => i.entityRef)).toEqual([ref('c')]);
      expect(second.nextCursor).toBeUndefined();

      // A day recorded twice keeps the latest; days sum the domains.
      const tracked = { health: 'on-track' as const, trackedAt: NOW };
      await store.saveDay(
        'c-1',
        '2026-12-01',
        [{ total: 9, done: 1 }],
        tracked,
      );
      await store.saveDay(
        'c-1',
        '2026-12-01',
        await store.progress(c, EVERY_PRODUCT),
        tracked,
      );
      await store.saveDay(
        'c-1',
        '2026-12-02',
        [{ domain: customer, total: 2, done: 2 }],
        { health: 'at-risk', trackedAt: '2026-12-02T10:00:00.000Z' },
      );
      expect(await store.days('c-1')).toEqual([
        { day: '2026-12-01', total: 4, done: 2 },
        { day: '2026-12-02', total: 2, done: 2 },
      ]);
      expect(await store.get('c-1')).toMatchObject({ health: 'at-risk' });

      // Closing keeps each product's outcome; later scores change nothing.
      expect(await store.close(c, 'missed', 0.5, NOW)).toBe(true);
      expect(await store.close(c, 'met', 1, NOW)).toBe(false);
      const closed = (await store.get('c-1'))!;
      expect(closed).toMatchObject({
        status: 'missed',
        health: 'missed',
        closedAt: NOW,
        finalShare: 0.5,
      });
      await scorecards.saveResults(
        [scorecard('a')],
        '2026-12-03T10:00:00.000Z',
      );
      expect(
        byDomain(await store.closedProgress('c-1', EVERY_PRODUCT)),
      ).toEqual([
        { domain: customer, total: 2, done: 1 },
        { domain: finance, total: 2, done: 1 },
      ]);
      expect(byDomain(await store.closedProgress('c-1', seen))).toEqual([
        { domain: customer, total: 1, done: 0 },
        { domain: finance, total: 1, done: 1 },
      ]);
      const failingAtClose = await store.failing(closed, EVERY_PRODUCT, {
        limit: 10,
      });
      expect(failingAtClose.items.map(i => i.entityRef)).toEqual([
        ref('a'),
        ref('c'),
      ]);
      expect(await store.list({ status: 'open' })).toEqual([]);
      expect(await store.productFacts(ref('c'))).toEqual({
        domain: finance,
        type: 'source-aligned',
        lifecycle: 'production',
        score: expect.any(Number),
        ruleIds: ['R1', 'R2'],
      });
      await knex.destroy();
    },
  );
});
