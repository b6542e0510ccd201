import { customer360 } from '../__fixtures__/customer360';
import {
  getConsumedDataProductRefs,
  getDataProductReferences,
  isDataProductEntity,
} from './references';

describe('getDataProductReferences', () => {
  it('applies the default kinds and the product namespace', () => {
    const entity = customer360();
    entity.metadata.namespace = 'retail';
    entity.spec.system = 'customer-platform';
    expect(getDataProductReferences(entity)).toEqual({
      owner: {
        kind: 'Group',
        namespace: 'retail',
        name: 'customer-domain-team',
      },
      domain: { kind: 'Domain', namespace: 'retail', name: 'customer' },
      system: {
        kind: 'System',
        namespace: 'retail',
        name: 'customer-platform',
      },
      upstreamProducts: [
        { kind: 'DataProduct', namespace: 'retail', name: 'order-events' },
        {
          kind: 'dataproduct',
          namespace: 'default',
          name: 'customer-profiles',
        },
      ],
      consumedProducts: [
        { kind: 'DataProduct', namespace: 'retail', name: 'order-events' },
      ],
    });
  });

  it('drops duplicate refs, comparing case-insensitively', () => {
    const entity = customer360();
    entity.spec.lineage!.upstreamProducts = [
      'a',
      'A',
      'dataproduct:default/a',
      'b',
    ];
    expect(getDataProductReferences(entity).upstreamProducts).toEqual([
      { kind: 'DataProduct', namespace: 'default', name: 'a' },
      { kind: 'DataProduct', namespace: 'default', name: 'b' },
    ]);
  });

  it('names the field of a reference it cannot parse', () => {
    const entity = customer360();
    entity.spec.lineage!.upstreamProducts = ['ok', 'dataproduct:'];
    expect(() => getDataProductReferences(entity)).toThrow(
      /^spec\.lineage\.upstreamProducts\[1\]: /,
    );
  });
});

describe('getConsumedDataProductRefs', () => {
  it('reads the consumes annotation of any entity', () => {
    expect(
      getConsumedDataProductRefs({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'churn-dashboard',
          annotations: {
            'datamesh.io/consumes':
              'customer-360, dataproduct:finance/revenue,',
          },
        },
      }),
    ).toEqual([
      { kind: 'DataProduct', namespace: 'default', name: 'customer-360' },
      { kind: 'dataproduct', namespace: 'finance', name: 'revenue' },
    ]);
  });
});

describe('isDataProductEntity', () => {
  it('tells products from other kinds', () => {
    expect(isDataProductEntity(customer360())).toBe(true);
    expect(
      isDataProductEntity({
        ...customer360(),
        apiVersion: 'backstage.io/v1alpha1',
      } as any),
    ).toBe(false);
  });
});
