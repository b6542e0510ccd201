import { productContentHash } from './productContentHash';

const product = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'orders', description: 'Orders', tags: ['sales'] },
  spec: { type: 'source-aligned', owner: 'order-team', domain: 'order' },
};

describe('productContentHash', () => {
  it('ignores key order and what the catalog adds when it stores the entity', () => {
    const stored = {
      metadata: {
        uid: '3f1c',
        etag: 'abc',
        tags: ['sales'],
        description: 'Orders',
        name: 'orders',
      },
      spec: { domain: 'order', owner: 'order-team', type: 'source-aligned' },
      kind: 'DataProduct',
      apiVersion: 'datamesh.io/v1alpha1',
      relations: [{ type: 'ownedBy', targetRef: 'group:default/order-team' }],
      status: { items: [] },
    };
    expect(productContentHash(stored as any)).toBe(productContentHash(product));
  });

  it('changes with the spec and the metadata a rule may read', () => {
    const hash = productContentHash(product);
    expect(
      productContentHash({ ...product, spec: { ...product.spec, owner: 'x' } }),
    ).not.toBe(hash);
    expect(
      productContentHash({
        ...product,
        metadata: { ...product.metadata, description: 'Other' },
      }),
    ).not.toBe(hash);
  });
});
