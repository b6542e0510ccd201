import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DataProductReferences,
  dataProductEntityV1alpha1Validator,
  getConsumedDataProductRefs,
  getDataProductReferences,
  isDataProductEntity,
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * Validates `DataProduct` entities and emits their relations, in both
 * directions: owner, domain and system, upstream products (lineage), and the
 * products they consume. Any other entity that declares the products it reads
 * with the `datamesh.io/consumes` annotation is related to them as well.
 *
 * @public
 */
export class DataProductEntitiesProcessor implements CatalogProcessor {
  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'DataProductEntitiesProcessor';
  }

  /**
   * 10, ahead of the catalog's processors (20): where the catalog validates
   * kinds with its model (see `dataProductCatalogModel`), this processor's
   * bounded structure walk still sees a product before any schema runs on
   * it, and its errors name the failing field paths.
   */
  getPriority(): number {
    return 10;
  }

  /**
   * Accepts valid `datamesh.io/v1alpha1` DataProducts, leaves other kinds to
   * other processors, and throws a `TypeError` naming every failing field
   * path (for example `spec.owner is required`) for invalid products.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    return dataProductEntityV1alpha1Validator.check(entity);
  }

  /**
   * Emits the relations of a DataProduct, and `consumesDataProduct` /
   * `dataProductConsumedBy` for any entity with the `datamesh.io/consumes`
   * annotation. A reference that cannot be parsed becomes an input error
   * naming its field, and no relations are emitted for the entity.
   */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const selfRef = getCompoundEntityRef(entity);
    let consumed: CompoundEntityRef[];
    let references: DataProductReferences | undefined;
    try {
      consumed = getConsumedDataProductRefs(entity);
      references = isDataProductEntity(entity)
        ? getDataProductReferences(entity)
        : undefined;
    } catch (error) {
      // A reference that cannot be parsed: the message names the field. The
      // error keeps the entity's last good version in the catalog.
      emit(
        processingResult.inputError(
          location,
          `${stringifyEntityRef(selfRef)} has an invalid reference at ${
            (error as Error).message
          }`,
        ),
      );
      return entity;
    }

    const emitted = new Set<string>();
    const emitBoth = (
      targets: CompoundEntityRef[],
      outgoing: string,
      incoming: string,
    ) => {
      for (const target of targets) {
        const key = `${outgoing} ${stringifyEntityRef(target)}`;
        if (emitted.has(key)) {
          continue;
        }
        emitted.add(key);
        emit(
          processingResult.relation({
            source: selfRef,
            type: outgoing,
            target,
          }),
        );
        emit(
          processingResult.relation({
            source: target,
            type: incoming,
            target: selfRef,
          }),
        );
      }
    };

    if (references) {
      const { owner, domain, system, upstreamProducts } = references;
      emitBoth([owner], RELATION_OWNED_BY, RELATION_OWNER_OF);
      // An imported product whose source gives no domain is part of none.
      emitBoth(
        [domain, system].filter((ref): ref is CompoundEntityRef => !!ref),
        RELATION_PART_OF,
        RELATION_HAS_PART,
      );
      emitBoth(upstreamProducts, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
    }
    // Input ports that read another product, then the annotation (any kind).
    emitBoth(
      [...(references?.consumedProducts ?? []), ...consumed],
      RELATION_CONSUMES_DATA_PRODUCT,
      RELATION_DATA_PRODUCT_CONSUMED_BY,
    );
    return entity;
  }
}
