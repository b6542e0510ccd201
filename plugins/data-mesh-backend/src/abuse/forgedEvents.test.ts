import { mockCredentials } from '@backstage/backend-test-utils';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  DataProductChangedEvent,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

const asUser = { Authorization: mockCredentials.user.header() };

describe('abuse: a service that can publish on the events bus cannot plant a score', () => {
  it('re-scores a product from the catalog when a change is announced, never from a payload', async () => {
    const entities = exampleMesh();
    const { api, events } = await startDataMesh({ entities });
    const card = () =>
      api.get('/api/data-mesh/scorecards/default/product-2').set(asUser);
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });
    const announce = (eventPayload: unknown) =>
      events.publish({ topic: DATA_PRODUCT_CHANGED_TOPIC, eventPayload });

    // A forged announcement carrying a product (in the shape older versions
    // of the event had) changes nothing: only the catalog's version counts.
    const forged = createSyntheticProducts(3)[2];
    delete forged.spec.access!.retention;
    await announce({ entity: forged, processedAt: new Date().toISOString() });
    await announce({
      entityRef: 'dataproduct:default/product-2',
      contentHash: productContentHash(forged),
      entity: forged,
      processedAt: new Date().toISOString(),
    });
    expect((await card()).body).toMatchObject({ score: 100, status: 'pass' });

    // The catalog changes the product: its announcement re-scores it.
    const stored = entities.find(e => e.metadata.name === 'product-2')!;
    delete (stored.spec as any).access.retention;
    const payload: DataProductChangedEvent = {
      entityRef: 'dataproduct:default/product-2',
      contentHash: productContentHash(stored),
      processedAt: new Date().toISOString(),
    };
    await announce(payload);
    const after = (await card()).body;
    expect(after).toMatchObject({ score: 90, status: 'fail' });
    expect(after.violations.map((v: any) => v.ruleId)).toEqual(['SEC-002']);
    const history = await api
      .get('/api/data-mesh/scorecards/default/product-2/history')
      .set(asUser);
    expect(history.body.items.map((h: any) => h.status)).toEqual([
      'pass',
      'fail',
    ]);

    // Payloads that name nothing readable are ignored.
    for (const junk of [
      { entityRef: 'component:default/product-2' },
      { entityRef: 42 },
      null,
    ]) {
      await announce(junk);
    }
    expect((await card()).body.score).toBe(90);
  });
});
