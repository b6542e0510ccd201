import type { VersionChange } from '../api/apiTypes';
import { compareVersions } from './compareVersions';
import { DataProductVersionSnapshot, isMajorBump } from './versionSnapshot';

/**
 * The verdict of the breaking-change check on a proposed version against
 * the last version in production.
 * @public
 */
export interface BreakingChangeVerdict {
  /** The version in production; absent when there is none to compare with. */
  fromVersion?: string;
  toVersion?: string;
  /** Whether the proposed version raises the major number. */
  majorBump: boolean;
  /** Every change, breaking or not. */
  changes: VersionChange[];
  /** The changes that break consumers. */
  breaking: VersionChange[];
  /** Breaking changes without a major version bump: these fail the check. */
  unannounced: VersionChange[];
}

/**
 * Compares a proposed version with the one in production. Breaking changes
 * pass only with a major version bump. Without a version in production
 * (a new product) nothing can break. A pure function, usable in the
 * browser, the backend, the scaffolder and CI.
 * @public
 */
export function checkBreakingChanges(
  production: DataProductVersionSnapshot | undefined,
  proposed: DataProductVersionSnapshot,
): BreakingChangeVerdict {
  if (!production) {
    return {
      ...(proposed.version ? { toVersion: proposed.version } : {}),
      majorBump: false,
      changes: [],
      breaking: [],
      unannounced: [],
    };
  }
  const changes = compareVersions(production, proposed);
  const breaking = changes.filter(c => c.breaking);
  const majorBump = isMajorBump(production.version, proposed.version);
  return {
    ...(production.version ? { fromVersion: production.version } : {}),
    ...(proposed.version ? { toVersion: proposed.version } : {}),
    majorBump,
    changes,
    breaking,
    unannounced: majorBump ? [] : breaking,
  };
}

/**
 * The verdict as lines of text for a pipeline log or an action's error:
 * empty when nothing breaks unannounced.
 * @public
 */
export function describeUnannouncedBreakingChanges(
  verdict: BreakingChangeVerdict,
): string {
  if (verdict.unannounced.length === 0) {
    return '';
  }
  const header = `Breaking changes from version ${
    verdict.fromVersion ?? '(none)'
  } to ${verdict.toVersion ?? '(none)'} without a major version bump:`;
  return [
    header,
    ...verdict.unannounced.map(c => `  - ${c.message} (${c.path})`),
    'Raise the major version (and tell consumers), or keep the change compatible.',
  ].join('\n');
}
