import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Agreement } from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * Tells the catalog that an agreement's edge appeared or went away, so that
 * the graph changes without waiting for the next processing round.
 */
export type AgreementEdgeRefresh = (agreement: Agreement) => Promise<void>;

/**
 * Asks the catalog to refresh the agreement's consumer: the catalog module's
 * processor emits the agreed edges (both directions) while processing the
 * consumer, so refreshing it redraws the edge at the consumer and at the
 * product. The plugin's own credentials make the call. A failure is logged
 * only: the agreement stands, and the next processing round catches up.
 */
export function catalogEdgeRefresh(deps: {
  catalog: Pick<CatalogService, 'refreshEntity'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
}): AgreementEdgeRefresh {
  return async agreement => {
    try {
      await deps.catalog.refreshEntity(agreement.consumer, {
        credentials: await deps.auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      deps.logger.warn(
        `Could not ask the catalog to refresh ${agreement.consumer} after agreement ${agreement.id} changed: ${error}`,
      );
    }
  };
}
