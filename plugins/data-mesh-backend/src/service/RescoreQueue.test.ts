import { mockServices } from '@backstage/backend-test-utils';
import { GovernanceService } from './GovernanceService';
import { RescoreQueue } from './RescoreQueue';

/** A governance service whose catalog serves the announced version from the `served`-th read on. */
function governanceServingFrom(served: number) {
  const calls: Array<string | undefined> = [];
  const rescore = jest.fn(
    async (_ref: string, options: { expectedContentHash?: string }) => {
      calls.push(options.expectedContentHash);
      return calls.length >= served || !options.expectedContentHash
        ? ({ score: 90 } as any)
        : undefined;
    },
  );
  return { governance: { rescore } as unknown as GovernanceService, calls };
}

describe('RescoreQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const logger = mockServices.logger.mock();

  it('tries again until the catalog serves the announced version', async () => {
    const { governance, calls } = governanceServingFrom(3);
    const queue = new RescoreQueue({
      governance,
      logger,
      retryDelaysMs: [100, 200, 300],
    });
    await queue.announce('dataproduct:default/a', 'hash-2');
    expect(calls).toEqual(['hash-2']);
    expect(queue.waiting).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['hash-2', 'hash-2', 'hash-2']);
    expect(queue.waiting).toBe(0);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
  });

  it('scores what the catalog serves after the last delay', async () => {
    const { governance, calls } = governanceServingFrom(Infinity);
    const queue = new RescoreQueue({
      governance,
      logger,
      retryDelaysMs: [100, 200],
    });
    await queue.announce('dataproduct:default/a', 'hash-2');
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual(['hash-2', 'hash-2', undefined]);
  });

  it('keeps only the latest announcement of a product, and stops on shutdown', async () => {
    const { governance, calls } = governanceServingFrom(Infinity);
    const queue = new RescoreQueue({
      governance,
      logger,
      retryDelaysMs: [100],
    });
    await queue.announce('dataproduct:default/a', 'hash-1');
    await queue.announce('dataproduct:default/a', 'hash-2');
    expect(queue.waiting).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(calls).toEqual(['hash-1', 'hash-2', undefined]);
    await queue.announce('dataproduct:default/b', 'hash-3');
    queue.stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(4);
  });

  it('logs a failed attempt and tries again', async () => {
    const rescore = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValue({ score: 1 });
    const queue = new RescoreQueue({
      governance: { rescore } as unknown as GovernanceService,
      logger,
      retryDelaysMs: [100],
    });
    await queue.announce('dataproduct:default/a', 'hash');
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not re-score dataproduct:default/a: Error: catalog down',
    );
    await jest.advanceTimersByTimeAsync(100);
    expect(rescore).toHaveBeenCalledTimes(2);
  });
});
