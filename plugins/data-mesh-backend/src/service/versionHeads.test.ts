import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type { ResultTransactions } from '../database/ResultTransactions';
import type {
  ProductVersionHead,
  ProductVersionRecord,
  ProductVersionStore,
} from '../database/ProductVersionStore';
import { ContractHashMemo } from './ContractHashMemo';
import type { KpiInputsDeriver } from './KpiInputsDeriver';
import type { EvaluatedBatch } from './ProductEvaluator';
import { currentVersion, versionCandidates } from './productVersions';
import { ResultsWriter } from './ResultsWriter';
import { readVersionHeads, settleVersions } from './versionHeads';

const NOW = '2026-11-20T10:00:00.000Z';
const refOf = (name: string) => `dataproduct:default/${name}`;

const product = (name: string, lifecycle = 'production') =>
  ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name, namespace: 'default', etag: `${name}-1` },
    spec: {
      version: '1.0.0',
      lifecycle,
      schema: { type: 'avro', fields: [{ name: 'id' }] },
    },
  } as unknown as DataProductEntityV1alpha1);

/** A batch of products hashed by `memo`, with the stored heads given. */
function batchOf(
  memo: ContractHashMemo,
  products: DataProductEntityV1alpha1[],
  heads: Record<string, ProductVersionHead>,
): EvaluatedBatch {
  const refs = products.map(p => refOf(p.metadata.name));
  return {
    products,
    cards: refs.map(entityRef => ({ entityRef })),
    versionHeads: new Map(Object.entries(heads)),
    currentVersions: new Map(
      refs.map((ref, i) => [ref, memo.of(ref, products[i])]),
    ),
  } as unknown as EvaluatedBatch;
}

/** The head of a product whose latest stored version is its contract now. */
const latestIs = (p: DataProductEntityV1alpha1): ProductVersionHead => ({
  latest: {
    snapshotHash: currentVersion(p).snapshotHash,
    lifecycle: p.spec.lifecycle!,
  },
});

/** Settles the batch as a write that recorded `recorded` of its candidates. */
function settle(
  memo: ContractHashMemo,
  batch: EvaluatedBatch,
  options: {
    recorded?: (r: ProductVersionRecord[]) => ProductVersionRecord[];
    kept?: string[];
  } = {},
) {
  const candidates = versionCandidates(batch, NOW, new Set(options.kept));
  const records = candidates.map(c => c.record);
  settleVersions(memo, batch, {
    candidates,
    recorded: options.recorded ? options.recorded(records) : records,
    kept: new Set(options.kept),
  });
}

describe('readVersionHeads', () => {
  it('reads the stored versions of the products not settled only', async () => {
    const memo = new ContractHashMemo();
    const [a, b] = [product('a'), product('b')];
    const batch = batchOf(memo, [a, b], {});
    memo.settle(
      refOf('a'),
      a,
      batch.currentVersions!.get(refOf('a'))!.snapshotHash,
    );
    const heads = jest.fn(
      async (refs: string[]) => new Map(refs.map(ref => [ref, {}])),
    );
    const versions = { heads } as unknown as ProductVersionStore;
    const read = await readVersionHeads(versions, {
      refs: [refOf('a'), refOf('b')],
      products: [a, b],
      currentVersions: batch.currentVersions!,
      settled: memo,
    });
    expect(heads).toHaveBeenCalledTimes(1);
    expect(heads.mock.calls[0][0]).toEqual([refOf('b')]);
    // The settled product's latest version is its contract; nothing to compare.
    expect(read.get(refOf('a'))).toEqual({ settled: true });
    expect(read.get(refOf('b'))).toEqual({});

    // Nothing read when every product is settled; everything without the memo.
    heads.mockClear();
    await readVersionHeads(versions, {
      refs: [refOf('a')],
      products: [a],
      currentVersions: batch.currentVersions!,
      settled: memo,
    });
    expect(heads).not.toHaveBeenCalled();
    await readVersionHeads(versions, {
      refs: [refOf('a'), refOf('b')],
      products: [a, b],
      currentVersions: batch.currentVersions!,
    });
    expect(heads.mock.calls[0][0]).toEqual([refOf('a'), refOf('b')]);
  });
});

describe('settleVersions', () => {
  const settledAfter = (
    p: DataProductEntityV1alpha1,
    head: ProductVersionHead,
    options?: Parameters<typeof settle>[2],
  ) => {
    const memo = new ContractHashMemo();
    settle(
      memo,
      batchOf(memo, [p], { [refOf(p.metadata.name)]: head }),
      options,
    );
    return memo.isSettled(refOf(p.metadata.name), p);
  };
  const older = currentVersion(product('old')).snapshot;

  it('settles a product left as it was with nothing different in production', () => {
    const p = product('a');
    expect(settledAfter(p, latestIs(p))).toBe(true);
    expect(settledAfter(p, { ...latestIs(p), sameAsProduction: true })).toBe(
      true,
    );
  });

  it('never settles a product whose version in production differs', () => {
    const p = product('a');
    expect(settledAfter(p, { ...latestIs(p), production: older })).toBe(false);
  });

  it('settles a version just recorded in production, not one that broke it unannounced', () => {
    const p = product('a');
    // Nothing stored: recorded in production, the new baseline.
    expect(settledAfter(p, {})).toBe(true);
    // Breaking the version in production without a major bump: compared
    // again at each sweep.
    const breaking = {
      ...product('a'),
      spec: { ...p.spec, schema: { type: 'avro', fields: [] } },
    } as unknown as DataProductEntityV1alpha1;
    expect(
      settledAfter(breaking, {
        production: currentVersion(p).snapshot,
      }),
    ).toBe(false);
    // An experimental version with a different version in production.
    expect(
      settledAfter(product('a', 'experimental'), { production: older }),
    ).toBe(false);
  });

  it('settles neither a version a concurrent writer recorded first nor a product re-scored since', () => {
    const p = product('a');
    expect(settledAfter(p, {}, { recorded: () => [] })).toBe(false);
    expect(settledAfter(p, latestIs(p), { kept: [refOf('a')] })).toBe(false);
  });
});

describe('ResultsWriter settling versions', () => {
  /** A writer whose transaction fails to commit when `commits` is false. */
  function writer(memo: ContractHashMemo, commits: boolean) {
    const stores = {
      scorecards: {
        saveResults: async () => ({
          changedOutcomes: 0,
          kept: [],
          changed: [],
          transitions: [],
        }),
      },
      provenance: { forProducts: async () => new Map() },
      kpiInputs: { record: async () => undefined },
      versions: { record: async (records: ProductVersionRecord[]) => records },
    };
    const resultTransactions = {
      async run(fn: (s: typeof stores) => Promise<unknown>) {
        const result = await fn(stores);
        if (!commits) throw new Error('could not serialize access');
        return result;
      },
    } as unknown as ResultTransactions;
    return new ResultsWriter({
      resultTransactions,
      kpiInputsDeriver: {
        deriveBatch: () => [],
      } as unknown as KpiInputsDeriver,
      contracts: memo,
    });
  }

  it('settles products only once their transaction committed', async () => {
    const [a, b] = [product('a'), product('b')];
    const memo = new ContractHashMemo();
    // a is recorded by this write, b was stored already.
    const batch = batchOf(memo, [a, b], { [refOf('b')]: latestIs(b) });
    await expect(
      writer(memo, false).write(batch, { now: NOW }),
    ).rejects.toThrow();
    expect(memo.isSettled(refOf('a'), a)).toBe(false);
    expect(memo.isSettled(refOf('b'), b)).toBe(false);
    await writer(memo, true).write(batch, { now: NOW });
    expect(memo.isSettled(refOf('a'), a)).toBe(true);
    expect(memo.isSettled(refOf('b'), b)).toBe(true);
  });
});
