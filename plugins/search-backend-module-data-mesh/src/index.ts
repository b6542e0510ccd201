/**
 * Search backend module of the data mesh suite: makes `DataProduct` entities
 * findable with their domain, owner, type and tags.
 *
 * @packageDocumentation
 */

export { searchModuleDataMesh as default } from './module';
export {
  createDataProductEntityTransformer,
  dataProductEntityTransformer,
  type DataProductDocument,
} from './dataProductEntityTransformer';
