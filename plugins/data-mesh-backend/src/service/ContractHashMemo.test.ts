import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { ContractHashMemo } from './ContractHashMemo';
import { currentVersion } from './productVersions';

const REF = 'dataproduct:default/orders';

const product = (
  etag: string | undefined,
  fields: string[],
): DataProductEntityV1alpha1 =>
  ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders', ...(etag ? { etag } : {}) },
    spec: {
      version: '1.0.0',
      lifecycle: 'production',
      schema: { type: 'avro', fields: fields.map(name => ({ name })) },
    },
  } as unknown as DataProductEntityV1alpha1);

describe('ContractHashMemo', () => {
  it('builds and hashes the contract of a new entity', () => {
    const memo = new ContractHashMemo();
    const entity = product('a', ['id', 'amount']);
    expect(memo.of(REF, entity)).toEqual(currentVersion(entity));
  });

  it('keeps the hash of an entity served with the same etag, without building its contract', () => {
    const memo = new ContractHashMemo();
    const first = memo.of(REF, product('a', ['id', 'amount']));
    // Same etag: the catalog serves the same entity, whatever this object holds.
    expect(memo.of(REF, product('a', ['id']))).toEqual({
      snapshotHash: first.snapshotHash,
    });
  });

  it('hashes again an entity with a new etag', () => {
    const memo = new ContractHashMemo();
    memo.of(REF, product('a', ['id', 'amount']));
    const changed = product('b', ['id']);
    expect(memo.of(REF, changed)).toEqual(currentVersion(changed));
    // And remembers the new hash under the new etag.
    expect(memo.of(REF, product('b', ['id', 'other'])).snapshotHash).toBe(
      currentVersion(changed).snapshotHash,
    );
  });

  it('hashes every time an entity without an etag', () => {
    const memo = new ContractHashMemo();
    memo.of(REF, product(undefined, ['id', 'amount']));
    const changed = product(undefined, ['id']);
    expect(memo.of(REF, changed)).toEqual(currentVersion(changed));
  });

  it('starts over past its size, so memory stays bounded', () => {
    const memo = new ContractHashMemo(1);
    memo.of(REF, product('a', ['id', 'amount']));
    memo.of('dataproduct:default/other', product('x', ['id']));
    // The first product was forgotten: its contract is built again.
    const again = product('a', ['id']);
    expect(memo.of(REF, again)).toEqual(currentVersion(again));
  });
});
