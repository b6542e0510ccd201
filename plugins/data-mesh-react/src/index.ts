/**
 * Shared React pieces of the data mesh suite: the `dataMeshApiRef`, hooks
 * over the data-mesh backend, and presentational components (governance
 * status, score trends, links and markdown that are safe with untrusted
 * entity data, and the loading, empty and error states).
 *
 * @packageDocumentation
 */

export * from './api';
export * from './hooks';
export * from './components';
export * from './lib';
export * from './translation/dataMeshReactTranslationRef';
