import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  isDataProductEntity,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  DATA_PRODUCT_CHANGED_TOPIC,
  DataProductChangedEvent,
  productContentHash,
} from '@datamesh-backstage/plugin-data-mesh-node';

/**
 * Announces each data product the catalog processes with changed content on
 * the `data-mesh.product.changed` events topic, so that the data-mesh plugin
 * re-scores it at once instead of at the next sweep. The catalog processes
 * every entity again and again; only content changes since this process last
 * saw the product are announced (at most once per product and replica after
 * a restart). Publishing never holds up or fails catalog processing.
 *
 * @public
 */
export class DataProductChangeNotifier implements CatalogProcessor {
  readonly #seen = new Map<string, string>();

  constructor(
    private readonly deps: { events: EventsService; logger: LoggerService },
  ) {}

  getProcessorName(): string {
    return 'DataProductChangeNotifier';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    if (
      !isDataProductEntity(entity) ||
      !validateDataProductEntity(entity).valid
    ) {
      return entity;
    }
    const ref = stringifyEntityRef(entity);
    const hash = productContentHash(entity);
    if (this.#seen.get(ref) !== hash) {
      this.#seen.set(ref, hash);
      // The event names the product and its version, nothing more: the
      // data-mesh plugin reads the product from the catalog.
      const eventPayload: DataProductChangedEvent = {
        entityRef: ref,
        contentHash: hash,
        processedAt: new Date().toISOString(),
      };
      this.deps.events
        .publish({ topic: DATA_PRODUCT_CHANGED_TOPIC, eventPayload })
        .catch(error => {
          // The next full sweep scores the product anyway.
          this.#seen.delete(ref);
          this.deps.logger.warn(
            `Could not announce the change of ${ref}: ${error}`,
          );
        });
    }
    return entity;
  }
}
