import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DATA_AGREEMENT_CONSUMER_KINDS,
  RELATION_DATA_AGREEMENT_HELD_BY,
  RELATION_HAS_DATA_AGREEMENT_FOR,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';

const CONSUMER_KINDS = new Set(
  DATA_AGREEMENT_CONSUMER_KINDS.map(kind => kind.toLocaleLowerCase('en-US')),
);

/**
 * Draws the mesh's agreed edges: while processing a consumer (a component,
 * system, group, resource, API or data product), emits
 * `hasDataAgreementFor` to every product it holds an active agreement on,
 * and `dataAgreementHeldBy` back, read from the data-mesh backend with the
 * catalog's own service credentials. An agreement counts while it is active
 * and its expiry lies ahead; the data-mesh backend asks the catalog to
 * refresh the consumer whenever one becomes active or ends, so the edge
 * follows at once. When the agreements cannot be read (the data-mesh
 * backend is down or not installed), the edges this processor last drew for
 * the consumer are drawn again, so an outage erases no edge, and the entity
 * is still processed; the failure is logged once until reads succeed again.
 *
 * @public
 */
export class DataAgreementEdgesProcessor implements CatalogProcessor {
  constructor(
    private readonly deps: {
      dataMesh: Pick<DataMeshService, 'listAgreements'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** The products of each consumer's last read that had any. */
  readonly #lastKnown = new Map<string, string[]>();
  #failing = false;

  async #agreedProducts(consumer: string): Promise<string[]> {
    try {
      const agreements = await this.deps.dataMesh.listAgreements(
        { consumer, status: 'active' },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      const now = (this.deps.now?.() ?? new Date()).toISOString();
      const products = [
        ...new Set(
          agreements
            .filter(agreement => agreement.expiresAt > now)
            .map(agreement => agreement.product),
        ),
      ].sort();
      if (products.length) this.#lastKnown.set(consumer, products);
      else this.#lastKnown.delete(consumer);
      this.#failing = false;
      return products;
    } catch (error) {
      if (!this.#failing) {
        this.deps.logger.warn(
          `Could not read data sharing agreements; keeping the agreed edges last drawn until they can be read: ${error}`,
        );
      }
      this.#failing = true;
      return this.#lastKnown.get(consumer) ?? [];
    }
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'DataAgreementEdgesProcessor';
  }

  /** Emits the agreed edges of a consumer; other kinds pass untouched. */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!CONSUMER_KINDS.has(entity.kind.toLocaleLowerCase('en-US'))) {
      return entity;
    }
    const consumer = getCompoundEntityRef(entity);
    const products = await this.#agreedProducts(stringifyEntityRef(consumer));
    for (const product of products) {
      const target = parseEntityRef(product);
      emit(
        processingResult.relation({
          source: consumer,
          type: RELATION_HAS_DATA_AGREEMENT_FOR,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_DATA_AGREEMENT_HELD_BY,
          target: consumer,
        }),
      );
    }
    return entity;
  }
}
