import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  ForwardedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

const POLL_INTERVAL_MS = 500;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Refuses a product whose name the catalog already holds (any case). */
export async function assertNotInCatalog(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const existing = await catalog.getEntityByRef(entityRef, { credentials });
  if (existing) {
    throw new ConflictError(
      `A data product named ${existing.metadata.name} already exists in the catalog (${entityRef}); choose another name`,
    );
  }
}

/**
 * Asks the catalog to read its Location again (the one that reads the
 * publish folder), then waits until the entity is in the catalog.
 */
export async function ingest(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  location: string;
  entityRef: string;
  timeoutMs: number;
  publishDir: string;
}): Promise<void> {
  const { catalog, credentials, location, entityRef } = options;
  try {
    await catalog.refreshEntity(location, { credentials });
  } catch (error) {
    throw new ForwardedError(
      `Could not ask the catalog to read ${location}, which should read ${options.publishDir} (dataMesh.selfServe.catalogLocation)`,
      error,
    );
  }
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await catalog.getEntityByRef(entityRef, { credentials })) {
      return;
    }
    if (Date.now() >= deadline) {
      throw new ServiceUnavailableError(
        `The catalog did not ingest ${entityRef} within ${Math.round(
          options.timeoutMs / 1000,
        )} s of reading ${location}; check that this Location reads ${
          options.publishDir
        }/*/catalog-info.yaml and that the catalog reports no processing errors`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
}
