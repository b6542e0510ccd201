import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * Runs a scenario that mostly waits for real time to pass (a scheduler's
 * interval over a real database, whose clock decides when a task is due) on
 * every database at once instead of one after the other, so a file waits that
 * time once rather than once per database.
 *
 * Every scenario starts before the file's first test; each test then awaits
 * its database's outcome and makes its assertions on it:
 *
 * ```ts
 * const outcome = startOnEach(ids, async id => runScenario(await databases.init(id)));
 * it.each(ids)('works on %p', async id => {
 *   const result = await outcome(id);
 *   expect(result)...
 * });
 * ```
 *
 * Call it at the top level of a file (outside `describe`), so that the
 * scenarios of several `describe` blocks also run at the same time. Give
 * each call its own `TestDatabases`: one starts an engine at its first
 * `init` of that id, and two first `init`s at once would start it twice.
 */
export function startOnEach<T>(
  ids: TestDatabaseId[],
  scenario: (databaseId: TestDatabaseId) => Promise<T>,
): (databaseId: TestDatabaseId) => Promise<T> {
  const outcomes = new Map<TestDatabaseId, Promise<T>>();
  beforeAll(() => {
    for (const id of ids) {
      const outcome = scenario(id);
      // A failure is reported by the test that awaits this outcome.
      outcome.catch(() => {});
      outcomes.set(id, outcome);
    }
  });
  return databaseId => {
    const outcome = outcomes.get(databaseId);
    if (!outcome) {
      throw new Error(`No scenario was started on ${databaseId}`);
    }
    return outcome;
  };
}
