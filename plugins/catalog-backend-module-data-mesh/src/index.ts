/**
 * Catalog backend module of the data mesh suite: validates `DataProduct`
 * entities (`datamesh.io/v1alpha1`) and emits their relations.
 *
 * @packageDocumentation
 */

export { catalogModuleDataMesh as default } from './module';
export { DataProductEntitiesProcessor } from './processor/DataProductEntitiesProcessor';
export { DataProductChangeNotifier } from './processor/DataProductChangeNotifier';
export { StandardFilesProcessor } from './processor/StandardFilesProcessor';
export { DataAgreementEdgesProcessor } from './processor/DataAgreementEdgesProcessor';
export { StandardFileLocationAnalyzer } from './analyzer/StandardFileLocationAnalyzer';
