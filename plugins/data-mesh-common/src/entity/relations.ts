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
 * | `consumesDataProduct` / `dataProductConsumedBy` | product or any entity | product | `spec.inputPorts[].product`, annotation `datamesh.io/consumes` (declared) |
 * | `hasDataAgreementFor` / `dataAgreementHeldBy` | consumer | product | an active data sharing agreement (agreed) |
 *
 * Declared edges say what an entity's author wrote; agreed edges come from
 * the data-mesh backend's agreements (approved, provisioned, neither expired
 * nor revoked) and disappear when the agreement ends. An entity that both
 * declares and holds an agreement has both edges. The catalog graph shows
 * agreed edges once the pair is among its relation pairs.
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

/**
 * A consumer holds an active data sharing agreement on a product: the access
 * was requested, approved and granted, and has neither expired nor been
 * revoked.
 * @public
 */
export const RELATION_HAS_DATA_AGREEMENT_FOR = 'hasDataAgreementFor';

/**
 * Reverse of {@link RELATION_HAS_DATA_AGREEMENT_FOR}: a product is read by a
 * consumer under an active agreement.
 * @public
 */
export const RELATION_DATA_AGREEMENT_HELD_BY = 'dataAgreementHeldBy';

/**
 * The kinds of entity that may consume a product under an agreement (the
 * catalog draws agreed edges for these kinds only).
 * @public
 */
export const DATA_AGREEMENT_CONSUMER_KINDS: readonly string[] = [
  'Component',
  'System',
  'Group',
  'Resource',
  'API',
  'DataProduct',
];
