import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { fileExampleAccessRequests } from './exampleAccessRequests';

const NOW = new Date('2026-12-01T00:00:00.000Z');

const config = mockServices.rootConfig({
  data: {
    dataMesh: {
      examples: {
        accessRequests: [
          {
            product: 'customer-360',
            port: 'customer-360-table',
            consumer: 'component:churn-model',
            purpose: 'churn prediction',
            fields: ['customer_id'],
            requestedBy: 'jo',
            days: 30,
          },
          {
            product: 'dataproduct:default/orders',
            port: 'orders-table',
            consumer: 'group:default/finance',
            purpose: 'revenue reporting',
            requestedBy: 'user:default/ann',
          },
        ],
      },
    },
  },
});

describe('fileExampleAccessRequests', () => {
  const databases = createTestDatabases();

  it('files each configured request once, pending, as its requester, with full refs and its period', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const requests = new DatabaseAccessRequestStore(knex);
    const logger = mockServices.logger.mock();
    const file = () =>
      fileExampleAccessRequests({
        config,
        requests,
        logger,
        now: () => NOW,
      });

    expect(await file()).toBe(2);
    const filed = await requests.list({}, 'all');
    expect(
      filed
        .map(({ id: _id, ...request }) => request)
        .sort((a, b) => a.product.localeCompare(b.product)),
    ).toEqual([
      {
        product: 'dataproduct:default/customer-360',
        port: 'customer-360-table',
        consumer: 'component:default/churn-model',
        purpose: 'churn prediction',
        purposeShareable: false,
        fields: ['customer_id'],
        until: '2026-12-31T00:00:00.000Z',
        status: 'pending',
        mode: 'manual',
        requestedBy: 'user:default/jo',
        requestedAt: NOW.toISOString(),
      },
      {
        product: 'dataproduct:default/orders',
        port: 'orders-table',
        consumer: 'group:default/finance',
        purpose: 'revenue reporting',
        purposeShareable: false,
        fields: [],
        // Ninety days when the example gives no period.
        until: '2027-03-01T00:00:00.000Z',
        status: 'pending',
        mode: 'manual',
        requestedBy: 'user:default/ann',
        requestedAt: NOW.toISOString(),
      },
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      'Filed 2 example access request(s)',
    );

    // Started again, nothing is filed twice.
    expect(await file()).toBe(0);
    expect(await requests.list({}, 'all')).toHaveLength(2);
  });

  it('files nothing without examples', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const logger = mockServices.logger.mock();
    expect(
      await fileExampleAccessRequests({
        config: mockServices.rootConfig(),
        requests: new DatabaseAccessRequestStore(knex),
        logger,
      }),
    ).toBe(0);
    expect(logger.info).not.toHaveBeenCalled();
  });
});
