import { agreementFactsOf } from '@datamesh-backstage/plugin-data-mesh-node';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { newRequest } from '../__testUtils__/accessRequests';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
import { DatabaseAgreementStore } from './DatabaseAgreementStore';
import { applyDatabaseMigrations } from './migrations';

const DAY1 = '2026-12-01T00:00:00.000Z';
const NOW = '2026-12-20T00:00:00.000Z';
const ORDERS = 'dataproduct:default/orders';
const C360 = 'dataproduct:default/customer-360';
const PAYMENTS = 'dataproduct:default/payments';
const NONE = 'dataproduct:default/without-agreements';
const REFS = [ORDERS, C360, PAYMENTS, NONE];
// Orders serves until mid-2027: two of its agreements run past that day.
const SUNSETS = new Map([
  [ORDERS, '2027-06-30'],
  [C360, '2028-01-01'],
]);

describe('agreement facts aggregated in SQL', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'equal the facts of the agreements read one by one, on %p',
    async id => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const requests = new DatabaseAccessRequestStore(knex);
      const agreements = new DatabaseAgreementStore(knex);
      const agree = async (
        product: string,
        consumer: string,
        until: string,
        overrides: {
          port?: string;
          purpose?: string;
          status?: 'active' | 'revoked';
        } = {},
      ) => {
        const request = await requests.create(
          newRequest({
            product,
            consumer,
            until,
            ...(overrides.port ? { port: overrides.port } : {}),
            ...(overrides.purpose ? { purpose: overrides.purpose } : {}),
          }),
          DAY1,
        );
        const { agreement } = (await requests.approve(
          request.id,
          { decidedBy: 'user:default/ann' },
          DAY1,
        ))!;
        await agreements.transition(agreement.id, {
          from: ['provisioning'],
          to: overrides.status ?? 'active',
          actor: 'data-mesh',
          action: 'granted',
          now: DAY1,
        });
      };
      // Two agreements of one consumer on two ports; one ends on the
      // sunset day (not past it), two run past it.
      await agree(
        ORDERS,
        'component:default/churn-model',
        '2027-06-30T23:00:00.000Z',
      );
      await agree(
        ORDERS,
        'component:default/churn-model',
        '2027-09-01T00:00:00.000Z',
        {
          port: 'orders-stream',
        },
      );
      await agree(ORDERS, 'group:default/finance', '2027-07-01T00:00:00.000Z');
      await agree(ORDERS, C360, '2027-02-01T00:00:00.000Z');
      // Expired by the clock, revoked, provisioning: none is active.
      await agree(ORDERS, 'component:default/ads', '2026-12-15T00:00:00.000Z');
      await agree(ORDERS, 'component:default/ads', '2027-12-15T00:00:00.000Z', {
        status: 'revoked',
      });
      await agree(C360, PAYMENTS, '2027-03-01T00:00:00.000Z');
      await agree(C360, ORDERS, '2027-04-01T00:00:00.000Z');
      await agree(PAYMENTS, ORDERS, '2027-05-01T00:00:00.000Z');
      // A blank purpose states none; one stated purpose of a consumer is
      // enough.
      const ADS = 'component:default/ads';
      await agree(PAYMENTS, ADS, '2027-05-01T00:00:00.000Z', {
        purpose: ' \t ',
      });
      await agree(C360, ADS, '2027-05-01T00:00:00.000Z', { purpose: '  ' });
      await agree(C360, ADS, '2027-06-01T00:00:00.000Z');

      const aggregated = await agreements.factsFor(REFS, NOW, SUNSETS);
      const oneByOne = await agreements.activeFor(REFS, NOW);
      for (const ref of REFS) {
        expect(aggregated.get(ref)).toEqual(
          agreementFactsOf(oneByOne.get(ref)!, SUNSETS.get(ref)),
        );
      }
      // Not equal by being empty: the set holds every kind of fact.
      expect(aggregated.get(ORDERS)).toMatchObject({
        consumers: [
          { consumer: 'component:default/churn-model', withPurpose: true },
          { consumer: C360, withPurpose: true },
          { consumer: 'group:default/finance', withPurpose: true },
        ],
        consumedProducts: [C360, PAYMENTS],
        latestExpiry: '2027-09-01T00:00:00.000Z',
        pastSunset: [
          {
            consumer: 'group:default/finance',
            expiresAt: '2027-07-01T00:00:00.000Z',
          },
          { consumer: 'component:default/churn-model', port: 'orders-stream' },
        ],
      });
      expect(aggregated.get(PAYMENTS)!.consumers).toEqual([
        { consumer: ADS, withPurpose: false },
        { consumer: ORDERS, withPurpose: true },
      ]);
      expect(aggregated.get(C360)!.consumers).toContainEqual({
        consumer: ADS,
        withPurpose: true,
      });
      expect(aggregated.get(NONE)).toEqual({
        consumers: [],
        consumedProducts: [],
        pastSunset: [],
      });
    },
  );
});
