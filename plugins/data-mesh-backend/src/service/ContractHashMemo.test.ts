import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { ContractHashMemo } from './ContractHashMemo';
import { currentVersion } from './productVersions';

const REF = 'dataproduct:default/orders';

const product = (
  etag: string | undefined,
  fields: string[],
  lifecycle = 'production',
): DataProductEntityV1alpha1 =>
  ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders', ...(etag ? { etag } : {}) },
    spec: {
      version: '1.0.0',
      lifecycle,
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
    const again = memo.of(REF, product('a', ['id']));
    expect(again.snapshotHash).toBe(first.snapshotHash);
    expect(again.snapshot).toBeUndefined();
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
    const memo = new ContractHashMemo({ maxEntries: 1 });
    memo.of(REF, product('a', ['id', 'amount']));
    memo.of('dataproduct:default/other', product('x', ['id']));
    // The first product was forgotten: its contract is built again.
    const again = product('a', ['id']);
    expect(memo.of(REF, again)).toEqual(currentVersion(again));
  });
});

describe('ContractHashMemo settled products', () => {
  const MINUTE = 60_000;

  /** A memo on a clock the test moves, with `orders` hashed at etag a. */
  function settledMemo(options: { maxEntries?: number } = {}) {
    let now = Date.parse('2026-11-20T10:00:00Z');
    const memo = new ContractHashMemo({ ...options, now: () => new Date(now) });
    const entity = product('a', ['id', 'amount']);
    const { snapshotHash } = memo.of(REF, entity);
    return {
      memo,
      entity,
      snapshotHash,
      advance: (minutes: number) => {
        now += minutes * MINUTE;
      },
    };
  }

  it('holds a product as settled once told, with the etag and lifecycle it settled with', () => {
    const { memo, entity, snapshotHash } = settledMemo();
    expect(memo.isSettled(REF, entity)).toBe(false);
    memo.settle(REF, entity, snapshotHash);
    expect(memo.isSettled(REF, entity)).toBe(true);
    expect(memo.isSettled('dataproduct:default/other', entity)).toBe(false);
  });

  it('does not hold as settled a product served with another etag or lifecycle', () => {
    const { memo, entity, snapshotHash } = settledMemo();
    memo.settle(REF, entity, snapshotHash);
    expect(memo.isSettled(REF, product('b', ['id', 'amount']))).toBe(false);
    expect(
      memo.isSettled(REF, product('a', ['id', 'amount'], 'deprecated')),
    ).toBe(false);
    // Once hashed under a new etag, the settled state is gone for good.
    memo.of(REF, product('b', ['id']));
    expect(memo.isSettled(REF, entity)).toBe(false);
  });

  it('never settles a product without an etag, nor with a hash it does not hold', () => {
    const { memo, entity } = settledMemo();
    const bare = product(undefined, ['id', 'amount']);
    memo.settle(REF, bare, memo.of(REF, bare).snapshotHash);
    expect(memo.isSettled(REF, bare)).toBe(false);
    memo.settle(REF, entity, 'another-hash');
    expect(memo.isSettled(REF, entity)).toBe(false);
    // Nor a product it never hashed.
    memo.settle('dataproduct:default/new', entity, 'hash');
    expect(memo.isSettled('dataproduct:default/new', entity)).toBe(false);
  });

  it('reads a settled product again 45 to 60 minutes after it settled, not later on each settle', () => {
    const { memo, entity, snapshotHash, advance } = settledMemo();
    memo.settle(REF, entity, snapshotHash);
    advance(30);
    // Settled again by a later sweep: the first time holds.
    memo.settle(REF, entity, snapshotHash);
    advance(14);
    expect(memo.isSettled(REF, entity)).toBe(true);
    advance(16);
    expect(memo.isSettled(REF, entity)).toBe(false);
    // Read and settled again: trusted for another while.
    memo.settle(REF, entity, snapshotHash);
    expect(memo.isSettled(REF, entity)).toBe(true);
  });

  it('spreads the products it reads again over a quarter of an hour', () => {
    let now = 0;
    const memo = new ContractHashMemo({ now: () => new Date(now) });
    const refs = Array.from({ length: 200 }, (_, i) => `${REF}-${i}`);
    for (const ref of refs) {
      const entity = product(`etag-${ref}`, ['id']);
      memo.settle(ref, entity, memo.of(ref, entity).snapshotHash);
    }
    const stillSettled = (minutes: number) => {
      now = minutes * MINUTE;
      return refs.filter(ref =>
        memo.isSettled(ref, product(`etag-${ref}`, ['id'])),
      ).length;
    };
    expect(stillSettled(44)).toBe(200);
    expect(stillSettled(50)).toBeGreaterThan(100);
    expect(stillSettled(55)).toBeLessThan(100);
    expect(stillSettled(55)).toBeGreaterThan(0);
    expect(stillSettled(60)).toBe(0);
  });

  it('forgets settled products past its size', () => {
    const { memo, entity, snapshotHash } = settledMemo({ maxEntries: 1 });
    memo.settle(REF, entity, snapshotHash);
    memo.of('dataproduct:default/other', product('x', ['id']));
    expect(memo.isSettled(REF, entity)).toBe(false);
  });
});
