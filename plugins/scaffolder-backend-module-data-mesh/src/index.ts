/**
 * The data mesh suite's module for the scaffolder backend: the actions of the
 * self-serve data product templates (create the product and its contracts,
 * check it against the governance policies, publish it locally).
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataMesh as default } from './module';
export { createDataProductAction } from './actions/createProduct';
export { createGovernanceCheckAction } from './actions/governanceCheck';
export { createPublishLocalAction } from './actions/publishLocal';
export { createRecordProvenanceAction } from './actions/recordProvenance';
