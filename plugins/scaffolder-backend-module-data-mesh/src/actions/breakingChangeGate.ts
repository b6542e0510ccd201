import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  checkBreakingChanges,
  DataProductEntityV1alpha1,
  describeUnannouncedBreakingChanges,
  isDataProductEntity,
  VersionChange,
  versionSnapshot,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * Compares a proposed product with the version the catalog holds now, if
 * that one is in production: returns the breaking changes, and throws an
 * InputError on breaking changes without a major version bump when
 * `mode` is `fail` (logs them when `warn`). A new product breaks nothing.
 */
export async function checkAgainstCatalog(options: {
  entity: DataProductEntityV1alpha1;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  mode: 'fail' | 'warn';
}): Promise<VersionChange[]> {
  const { entity, catalog, auth, logger, mode } = options;
  const ref = stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
  const current = await catalog.getEntityByRef(ref, {
    credentials: await auth.getOwnServiceCredentials(),
  });
  if (
    !current ||
    !isDataProductEntity(current) ||
    current.spec.lifecycle !== 'production'
  ) {
    logger.info(`${ref} has no version in production: nothing to break`);
    return [];
  }
  const verdict = checkBreakingChanges(
    versionSnapshot(current),
    versionSnapshot(entity),
  );
  const unannounced = describeUnannouncedBreakingChanges(verdict);
  if (unannounced && mode === 'fail') {
    throw new InputError(`${ref}: ${unannounced}\nNothing was published.`);
  }
  if (unannounced) {
    logger.warn(`${ref}: ${unannounced}`);
  } else if (verdict.breaking.length > 0) {
    logger.info(
      `${ref}: breaking changes announced by version ${
        verdict.toVersion
      }: ${verdict.breaking.map(c => c.message).join('; ')}`,
    );
  }
  return verdict.breaking;
}
