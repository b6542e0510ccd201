/**
 * The isomorphic model of the data mesh suite: the `DataProduct` kind, its
 * relations and annotations, the plugin's permissions, and the API types and
 * typed client of the data-mesh backend.
 *
 * @packageDocumentation
 */

export * from './entity/DataProductEntityV1alpha1';
export * from './entity/validateDataProduct';
export * from './entity/inspectStructure';
export * from './entity/fieldPaths';
export * from './entity/references';
export * from './entity/relations';
export * from './entity/annotations';
export * from './entity/importAnnotations';
export * from './slo/targets';
export * from './versions';
export * from './permissions';
export * from './api/apiTypes';
export * from './api/apiConstants';
export type { components, paths } from './generated/openapi';
export * from './api/scorecardSignals';
export * from './api/DataMeshApi';
export * from './api/DataMeshClient';
