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
export * from './permissions';
export * from './api/governanceTypes';
export * from './api/waiverTypes';
export * from './api/kpiTypes';
export * from './api/measurementTypes';
export * from './api/provenanceTypes';
export * from './api/standardsTypes';
export * from './api/scorecardSignals';
export * from './api/DataMeshApi';
export * from './api/DataMeshClient';
