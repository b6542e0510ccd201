/**
 * Starts one backend before a test file's tests and hands the same one to
 * each test that asks: starting a backend (migrations, first sweep) costs
 * far more than most tests. Only for tests that store nothing, so that no
 * test can see another's writes; a test that writes, or needs other
 * options, starts its own.
 *
 * ```ts
 * const shared = sharedBackend(() => startDataMesh());
 * it('reads', async () => {
 *   const { api } = shared();
 * });
 * ```
 */
export function sharedBackend<T>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  return () => {
    if (started === undefined) {
      throw new Error('sharedBackend() is read inside a test, after beforeAll');
    }
    return started;
  };
}
