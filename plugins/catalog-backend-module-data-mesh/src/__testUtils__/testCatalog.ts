import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { perPluginDatabases } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import request from 'supertest';
import { catalogModuleDataMesh } from '../module';

/** Polls until `probe` returns a value, for at most `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Condition not met within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** A processing error of the catalog: the entity it is about, and the message. */
export interface ProcessingError {
  entity: string;
  message: string;
}

/**
 * Catalogs with this module on SQLite, started by the tests of the
 * `describe` block that calls it: `start` starts one with the `config` of
 * that moment (and any other `features`), each test's catalogs stop after
 * it, and `processingErrors` gathers the errors of the running test's
 * catalogs, as the logs module would record them.
 */
export function testCatalogs(options: {
  config: () => JsonObject;
  features?: BackendFeature[];
}) {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const processingErrors: ProcessingError[] = [];
  const backends: Array<{ stop(): Promise<void> }> = [];

  const errorRecorder = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-recorder',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(
            ({ unprocessedEntity, errors }) => {
              for (const error of errors) {
                processingErrors.push({
                  entity: unprocessedEntity.metadata.name,
                  message: error.message,
                });
              }
            },
          );
        },
      });
    },
  });

  beforeEach(() => {
    processingErrors.length = 0;
  });

  afterEach(async () => {
    await Promise.all(backends.splice(0).map(backend => backend.stop()));
  });

  /** Starts a catalog; answers its HTTP API. */
  async function start() {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataMesh,
        ...(options.features ?? []),
        errorRecorder,
        perPluginDatabases(() => databases.init('SQLITE_3')),
        mockServices.rootConfig.factory({ data: options.config() }),
      ],
    });
    backends.push(backend);
    return request(backend.server);
  }

  return { start, processingErrors };
}
