import { mockServices } from '@backstage/backend-test-utils';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { DataProductChangeNotifier } from './DataProductChangeNotifier';

const product = (description: string) => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'orders', description },
  spec: {
    type: 'source-aligned',
    lifecycle: 'production',
    owner: 'order-team',
    domain: 'order',
  },
});

function setup() {
  const publish = jest.fn(async () => {});
  const logger = mockServices.logger.mock();
  const notifier = new DataProductChangeNotifier({
    events: { publish, subscribe: jest.fn() },
    logger,
  });
  return { notifier, publish, logger };
}

describe('DataProductChangeNotifier', () => {
  it('announces a product the first time and whenever its content changes', async () => {
    const { notifier, publish } = setup();
    await notifier.postProcessEntity(product('v1'));
    await notifier.postProcessEntity(product('v1'));
    await notifier.postProcessEntity(product('v2'));
    // The payload names the product and its version, never the entity.
    expect(
      publish.mock.calls.map(([params]: any) => [
        params.topic,
        Object.keys(params.eventPayload).sort(),
        params.eventPayload.entityRef,
        params.eventPayload.contentHash,
      ]),
    ).toEqual([
      [
        DATA_PRODUCT_CHANGED_TOPIC,
        ['contentHash', 'entityRef', 'processedAt'],
        'dataproduct:default/orders',
        productContentHash(product('v1')),
      ],
      [
        DATA_PRODUCT_CHANGED_TOPIC,
        ['contentHash', 'entityRef', 'processedAt'],
        'dataproduct:default/orders',
        productContentHash(product('v2')),
      ],
    ]);
    expect((publish.mock.calls[0] as any)[0].eventPayload.processedAt).toMatch(
      /^\d{4}-\d{2}-\d{2}T/,
    );
  });

  it('ignores other kinds and invalid products, and returns the entity unchanged', async () => {
    const { notifier, publish } = setup();
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: {},
    };
    expect(await notifier.postProcessEntity(component)).toBe(component);
    await notifier.postProcessEntity({
      ...product('x'),
      spec: { type: 'lake' },
    } as any);
    expect(publish).not.toHaveBeenCalled();
  });

  it('never fails processing when publishing fails, and tries again next time', async () => {
    const { notifier, publish, logger } = setup();
    publish.mockRejectedValueOnce(new Error('bus down') as never);
    const entity = product('v1');
    await expect(notifier.postProcessEntity(entity)).resolves.toBe(entity);
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not announce the change of dataproduct:default/orders: Error: bus down',
    );
    await notifier.postProcessEntity(product('v1'));
    expect(publish).toHaveBeenCalledTimes(2);
  });
});
