import {
  checkBreakingChanges,
  DataProductEntityV1alpha1,
  DataProductVersionSnapshot,
  VersionChange,
  versionSnapshot,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * What the breaking-change rule reads of a product under
 * `facts.versionChange`: each breaking change since the last version in
 * production, `announced` when the version's major number was raised.
 * @public
 */
export interface VersionChangeFacts {
  /** The version in production compared with (`none` when it declares none). */
  fromVersion: string;
  /** The product's version (`none` when it declares none). */
  toVersion: string;
  majorBump: boolean;
  breaking: Array<VersionChange & { announced: boolean }>;
}

/** The breaking changes of a product against the version in production. */
export function versionChangeFacts(
  entity: DataProductEntityV1alpha1,
  production: DataProductVersionSnapshot | undefined,
): VersionChangeFacts {
  if (!production) {
    // Nothing in production to break: the common case, kept cheap.
    return {
      fromVersion: 'none',
      toVersion: entity.spec.version ?? 'none',
      majorBump: false,
      breaking: [],
    };
  }
  const proposed = versionSnapshot(entity);
  const verdict = checkBreakingChanges(production, proposed);
  return {
    fromVersion: verdict.fromVersion ?? 'none',
    toVersion: verdict.toVersion ?? 'none',
    majorBump: verdict.majorBump,
    breaking: verdict.breaking.map(c => ({
      ...c,
      announced: verdict.majorBump,
    })),
  };
}
