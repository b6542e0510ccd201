import { mockCredentials } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { changedMesh, team, told } from '../../__testUtils__/notifications';
import {
  createSweepHarness,
  recordingNotifications,
} from '../../__testUtils__/sweepHarness';
import { createMigratedTestDatabases } from '../../__testUtils__/migratedDatabases';

const GOVERNANCE = 'group:default/data-governance';
const REF = 'dataproduct:default/product-3';
const config = (notifications: JsonObject = {}) => ({
  dataMesh: { governanceGroups: [GOVERNANCE], notifications },
});
const ana = mockCredentials.user('user:default/ana');
const grace = mockCredentials.user('user:default/grace');

/** Two replicas of the plugin sharing one database and one notifications service. */
async function twoReplicas(knex: Knex, notifications?: JsonObject) {
  const shared = recordingNotifications();
  const options = { config: config(notifications), told: shared };
  const a = await createSweepHarness(knex, options);
  const b = await createSweepHarness(knex, options);
  const setNow = (iso: string) => [a, b].forEach(r => r.setNow(iso));
  return { a, b, sent: shared.sent, setNow };
}

describe('notifications of waivers', () => {
  const databases = createMigratedTestDatabases();

  it.each(databases.eachSupportedId())(
    'tell governance of each request once: through the API (not the requester) and in the spec, on %p',
    async databaseId => {
      const { a, b, sent, setNow } = await twoReplicas(
        await databases.init(databaseId),
      );
      await a.sweep.run();
      await a.waiverService.request(
        {
          entityRef: REF,
          ruleId: 'DOC-001',
          reason: 'The description is being written',
          expiresAt: '2026-12-20T00:00:00.000Z',
        },
        ana,
      );
      // product-2 declares a waiver in its spec: replica a sweeps while b
      // re-scores product-2 (announced by the catalog), both recording it.
      const declaring = changedMesh({
        'product-2': p => {
          p.spec.governance = {
            waivers: [
              {
                rule: 'SEC-001',
                reason: 'Legacy store',
                expires: '2027-01-10',
              },
            ],
          };
        },
      });
      a.setEntities(declaring);
      b.setEntities(declaring);
      setNow('2026-11-20T11:00:00Z');
      await Promise.all([
        a.sweep.run(),
        b.governance.rescore('dataproduct:default/product-2'),
      ]);
      setNow('2026-11-20T12:00:00Z');
      await b.sweep.run();

      expect(told(sent)).toEqual([
        {
          to: [GOVERNANCE],
          excluded: 'user:default/ana',
          topic: 'data-product-waiver-requested',
          title: 'Data product product-3: waiver requested',
          link: '/catalog/default/dataproduct/product-3',
          severity: 'normal',
          description:
            'Waiver of DOC-001 requested by user:default/ana until 2026-12-20: "The description is being written".',
        },
        expect.objectContaining({
          to: [GOVERNANCE],
          title: 'Data product product-2: waiver requested',
          description:
            'Waiver of SEC-001 requested in the product\'s spec until 2027-01-10: "Legacy store".',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "remind the product's owners once before an approved waiver expires, on %p",
    async databaseId => {
      const { a, b, sent, setNow } = await twoReplicas(
        await databases.init(databaseId),
        { waiverRequested: { enabled: false } },
      );
      await a.sweep.run();
      const target = { entityRef: REF, ruleId: 'DOC-001' };
      await a.waiverService.request(
        {
          ...target,
          reason: 'Writing it',
          expiresAt: '2026-12-01T00:00:00.000Z',
        },
        ana,
      );
      await a.waiverService.decide(target, { status: 'approved' }, grace);

      // 11 days before the expiry: not yet (the lead time is 7 days).
      await a.sweep.run();
      expect(sent).toEqual([]);

      // 6 days before: once, whichever replica sweeps, however often.
      setNow('2026-11-25T00:00:00Z');
      await a.sweep.run();
      setNow('2026-11-25T00:30:00Z');
      await b.sweep.run();
      setNow('2026-11-26T00:00:00Z');
      await a.sweep.run();
      expect(told(sent)).toEqual([
        {
          to: [team('marketing')],
          topic: 'data-product-waiver-expiring',
          title: 'Data product product-3: a waiver expires soon',
          link: '/catalog/default/dataproduct/product-3',
          severity: 'normal',
          description:
            'The waiver of DOC-001 expires on 2026-12-01; its violation counts again after that.',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'remind nobody of a waiver of a product the catalog could not be read for, or when disabled, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { a, sent, setNow } = await twoReplicas(knex, {
        waiverRequested: { enabled: false },
      });
      await a.sweep.run();
      const target = { entityRef: REF, ruleId: 'DOC-001' };
      await a.waiverService.request(
        {
          ...target,
          reason: 'Writing it',
          expiresAt: '2026-12-01T00:00:00.000Z',
        },
        ana,
      );
      await a.waiverService.decide(target, { status: 'approved' }, grace);
      // The catalog now serves a version of product-3 that is not a valid
      // DataProduct: its result stays, stale, and the sweep completes.
      setNow('2026-11-25T00:00:00Z');
      a.setEntities(
        changedMesh({
          'product-3': p => {
            delete (p.spec as { domain?: string }).domain;
          },
        }),
      );
      expect(await a.sweep.run()).toMatchObject({ outcome: 'ok' });
      expect(await a.scorecards.get(REF)).toMatchObject({ stale: true });
      // The catalog failing altogether: nothing either.
      a.failAt('references', new Error('503 Service Unavailable'));
      expect(await a.sweep.run()).toMatchObject({
        outcome: 'catalog-unavailable',
      });
      expect(sent).toEqual([]);

      const disabled = await createSweepHarness(knex, {
        config: config({ waiverExpiring: { enabled: false } }),
      });
      disabled.setNow('2026-11-25T01:00:00Z');
      await disabled.sweep.run();
      expect(disabled.told.sent).toEqual([]);
    },
  );
});
