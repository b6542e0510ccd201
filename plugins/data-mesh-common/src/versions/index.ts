export * from './versionSnapshot';
export * from './compareVersions';
export * from './breakingChangeCheck';
export * from './deprecation';
