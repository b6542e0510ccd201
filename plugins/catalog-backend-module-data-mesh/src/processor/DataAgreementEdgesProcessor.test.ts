import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import type { Agreement } from '@datamesh-backstage/plugin-data-mesh-common';
import { DataAgreementEdgesProcessor } from './DataAgreementEdgesProcessor';

const location: LocationSpec = { type: 'url', target: 'https://example.com' };
const NOW = new Date('2026-12-10T00:00:00.000Z');

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const agreement = (product: string, expiresAt: string): Agreement => ({
  id: `a-${product}-${expiresAt}`,
  requestId: 'r',
  product,
  port: 'table',
  consumer: 'component:default/churn-model',
  purposeShareable: false,
  fields: [],
  approvedBy: 'user:default/ann',
  approvedAt: '2026-12-01T00:00:00.000Z',
  expiresAt,
  status: 'active',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

function processorWith(initial: Agreement[] | Error) {
  const calls: unknown[] = [];
  const logger = mockServices.logger.mock();
  const state = { agreements: initial };
  const processor = new DataAgreementEdgesProcessor({
    dataMesh: {
      listAgreements: async (query, options) => {
        calls.push({ query, credentials: options.credentials });
        if (state.agreements instanceof Error) throw state.agreements;
        return state.agreements;
      },
    },
    logger,
    auth: {
      getOwnServiceCredentials: async () =>
        mockCredentials.service('plugin:catalog'),
    },
    now: () => NOW,
  });
  return { processor, calls, state, logger };
}

async function process(
  processor: DataAgreementEdgesProcessor,
  subject: Entity,
) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(subject, location, output =>
    emitted.push(output),
  );
  return { result, emitted };
}

const ref = (kind: string, name: string) => ({
  kind,
  namespace: 'default',
  name,
});

describe('DataAgreementEdgesProcessor', () => {
  it('emits both directions of every product the consumer holds an active, unexpired agreement on', async () => {
    const { processor, calls } = processorWith([
      agreement('dataproduct:default/orders', '2027-01-01T00:00:00.000Z'),
      // Two agreements on one product (two ports) draw one edge.
      agreement('dataproduct:default/orders', '2027-03-01T00:00:00.000Z'),
      agreement('dataproduct:default/customer-360', '2027-01-01T00:00:00.000Z'),
      // Past its expiry, not yet swept by the backend: no edge.
      agreement('dataproduct:default/payments', '2026-12-09T00:00:00.000Z'),
    ]);
    const subject = entity('Component', 'churn-model');
    const { result, emitted } = await process(processor, subject);
    expect(result).toBe(subject);
    expect(calls).toEqual([
      {
        query: { consumer: 'component:default/churn-model', status: 'active' },
        credentials: mockCredentials.service('plugin:catalog'),
      },
    ]);
    const consumer = ref('Component', 'churn-model');
    expect(emitted).toEqual([
      {
        type: 'relation',
        relation: {
          source: consumer,
          type: 'hasDataAgreementFor',
          target: ref('dataproduct', 'customer-360'),
        },
      },
      {
        type: 'relation',
        relation: {
          source: ref('dataproduct', 'customer-360'),
          type: 'dataAgreementHeldBy',
          target: consumer,
        },
      },
      {
        type: 'relation',
        relation: {
          source: consumer,
          type: 'hasDataAgreementFor',
          target: ref('dataproduct', 'orders'),
        },
      },
      {
        type: 'relation',
        relation: {
          source: ref('dataproduct', 'orders'),
          type: 'dataAgreementHeldBy',
          target: consumer,
        },
      },
    ]);
  });

  it('emits nothing for a consumer without agreements', async () => {
    const { processor } = processorWith([]);
    const { emitted } = await process(processor, entity('System', 'ads'));
    expect(emitted).toEqual([]);
  });

  it('leaves kinds that cannot consume untouched, without asking', async () => {
    const { processor, calls } = processorWith([
      agreement('dataproduct:default/orders', '2027-01-01T00:00:00.000Z'),
    ]);
    for (const kind of ['Location', 'Template', 'User', 'Domain']) {
      const { emitted } = await process(processor, entity(kind, 'x'));
      expect(emitted).toEqual([]);
    }
    expect(calls).toEqual([]);
  });

  it('draws the last known edges again while the agreements cannot be read, and logs it once', async () => {
    const { processor, state, logger } = processorWith([
      agreement('dataproduct:default/orders', '2027-01-01T00:00:00.000Z'),
    ]);
    const churn = entity('Component', 'churn-model');
    const before = (await process(processor, churn)).emitted;
    expect(before).toHaveLength(2);
    state.agreements = new Error('data-mesh unavailable');
    expect((await process(processor, churn)).emitted).toEqual(before);
    // A consumer never read before gets no edge.
    expect(
      (await process(processor, entity('Component', 'other'))).emitted,
    ).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('data-mesh unavailable'),
    );
    // Once readable again, an ended agreement's edge goes.
    state.agreements = [];
    expect((await process(processor, churn)).emitted).toEqual([]);
    state.agreements = new Error('down again');
    expect((await process(processor, churn)).emitted).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
