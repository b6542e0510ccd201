import {
  coreServices,
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';

/**
 * A database service for `startTestBackend` that gives every plugin a
 * database of its own, made by `createDatabase`: pass
 * `() => databases.init('SQLITE_3')` over a `TestDatabases`, which destroys
 * them after the tests. Backstage's default in-memory SQLite is never
 * destroyed on shutdown, and its pool's timer would keep the Jest worker
 * from exiting.
 *
 * ```ts
 * const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
 * await startTestBackend({
 *   features: [myPlugin, perPluginDatabases(() => databases.init('SQLITE_3'))],
 * });
 * ```
 * @public
 */
export function perPluginDatabases(
  createDatabase: () => ReturnType<DatabaseService['getClient']>,
) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    async factory(): Promise<DatabaseService> {
      const client = await createDatabase();
      return { getClient: async () => client };
    },
  });
}
