/**
 * Relation names the suite emits in addition to Backstage's own
 * (`ownedBy`/`ownerOf`, `partOf`/`hasPart`, `dependsOn`/`dependencyOf`).
 *
 * | Relation | From | To | Emitted for |
 * | --- | --- | --- | --- |
 * | `ownedBy` / `ownerOf` | product | owner (Group) | `spec.owner` |
 * | `partOf` / `hasPart` | product | Domain | `spec.domain` |
 * | `partOf` / `hasPart` | product | System | `spec.system` |
 * | `dependsOn` / `dependencyOf` | product | upstream product | `spec.lineage.upstreamProducts` |
 * | `consumesDataProduct` / `dataProductConsumedBy` | product or any entity | product | `spec.inputPorts[].product`, annotation `datamesh.io/consumes` |
 */

/**
 * An entity reads data from a product's output port.
 * @public
 */
export const RELATION_CONSUMES_DATA_PRODUCT = 'consumesDataProduct';

/**
 * Reverse of {@link RELATION_CONSUMES_DATA_PRODUCT}: a product is read by an
 * entity.
 * @public
 */
export const RELATION_DATA_PRODUCT_CONSUMED_BY = 'dataProductConsumedBy';
