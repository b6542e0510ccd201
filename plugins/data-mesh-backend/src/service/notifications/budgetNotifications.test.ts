import type { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { team, told } from '../../__testUtils__/notifications';
import { createSweepHarness } from '../../__testUtils__/sweepHarness';
import { createMigratedTestDatabases } from '../../__testUtils__/migratedDatabases';
import { DatabaseMeasurementStore } from '../../database/DatabaseMeasurementStore';

const REF = 'dataproduct:default/product-0';

/** product-0 promises 99.9% availability: one check down in a few uses its budget up. */
async function availability(knex: Knex, at: string, ups: boolean[]) {
  await new DatabaseMeasurementStore(knex).save(
    ups.map((up, i) => ({
      entityRef: REF,
      kind: 'availability' as const,
      observedAt: new Date(Date.parse(at) + i * 60_000).toISOString(),
      passed: up,
      value: up ? 100 : 0,
      source: 'test',
    })),
    [],
  );
}

const BUDGET_LINE =
  'The error budget of the availability SLO is exhausted (83.33% of checks within target, 99.9% required).';

describe('notifications of error budgets', () => {
  const databases = createMigratedTestDatabases();

  // A week's SLO window; claims are kept 30 days.
  const setup = async (
    databaseId: Parameters<typeof databases.init>[0],
    notifications: JsonObject = {},
  ) => {
    const knex = await databases.init(databaseId);
    const t = await createSweepHarness(knex, {
      config: {
        dataMesh: {
          slo: { windowDays: 7 },
          governance: { history: { retentionDays: 30 } },
          notifications,
        },
      },
    });
    await t.sweep.run();
    await availability(knex, '2026-11-20T10:30:00Z', [
      true,
      true,
      true,
      false,
      true,
      true,
    ]);
    t.setNow('2026-11-20T11:00:00Z');
    return t;
  };

  it.each(databases.eachSupportedId())(
    'tell the owner once that an SLO used its error budget up, and again after it recovered, on %p',
    async databaseId => {
      const t = await setup(databaseId);
      // Measurements re-score the product: told at once, the breach folded in.
      await t.governance.rescore(REF);
      expect(told(t.told.sent)).toEqual([
        {
          to: [team('customer')],
          topic: 'data-product-status-dropped',
          title: 'Data product product-0: status dropped (+2 more)',
          link: '/catalog/default/dataproduct/product-0',
          severity: 'high',
          description: [
            'Status dropped from pass to fail (score 90).',
            'New error-severity violation: SLO-003.',
            BUDGET_LINE,
          ].join('\n'),
        },
      ]);
      t.setNow('2026-11-20T12:00:00Z');
      await t.sweep.run();
      t.setNow('2026-11-21T12:00:00Z');
      await t.sweep.run();
      expect(t.told.sent).toHaveLength(1);

      // A week later the failed check has left the window: the budget is
      // back, and a new failure uses it up again.
      t.setNow('2026-11-28T10:00:00Z');
      await availability(t.knex, '2026-11-28T09:00:00Z', [true]);
      await t.sweep.run();
      expect(t.told.sent).toHaveLength(1);
      await availability(t.knex, '2026-11-28T10:30:00Z', [
        true,
        true,
        false,
        true,
        true,
      ]);
      t.setNow('2026-11-28T11:00:00Z');
      await t.sweep.run();
      expect(told(t.told.sent.slice(1))).toEqual([
        expect.objectContaining({
          title: 'Data product product-0: status dropped (+2 more)',
          description: expect.stringContaining(BUDGET_LINE),
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'leave error budgets out when the topic is disabled, on %p',
    async databaseId => {
      const t = await setup(databaseId, {
        errorBudgetExhausted: { enabled: false },
      });
      await t.sweep.run();
      expect(told(t.told.sent)).toEqual([
        expect.objectContaining({
          title: 'Data product product-0: status dropped (+1 more)',
          description:
            'Status dropped from pass to fail (score 90).\nNew error-severity violation: SLO-003.',
        }),
      ]);
    },
  );
});
