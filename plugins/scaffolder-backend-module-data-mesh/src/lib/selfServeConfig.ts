import { Config, readDurationFromConfig } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { durationToMilliseconds } from '@backstage/types';
import { resolve } from 'node:path';

/** Where `datamesh:publish:local` publishes and how it waits for the catalog. */
export interface SelfServeSettings {
  /** Absolute folder that receives one sub-folder per product. */
  publishDir: string;
  /** Entity ref of the catalog Location that reads `publishDir`. */
  catalogLocation: string;
  /** How long to wait for the catalog to ingest a published product. */
  ingestionTimeoutMs: number;
}

/** The defaults of `dataMesh.selfServe`. */
export const SELF_SERVE_DEFAULTS = {
  localPublishDir: 'self-serve-products',
  catalogLocation: 'location:default/self-serve-products',
  ingestionTimeout: { seconds: 60 },
};

/**
 * Reads `dataMesh.selfServe`. `localPublishDir` is relative to the backend's
 * working directory, like catalog file locations.
 */
export function readSelfServeSettings(config: Config): SelfServeSettings {
  const selfServe = config.getOptionalConfig('dataMesh.selfServe');
  const location =
    selfServe?.getOptionalString('catalogLocation') ??
    SELF_SERVE_DEFAULTS.catalogLocation;
  const timeout = selfServe?.has('ingestionTimeout')
    ? readDurationFromConfig(selfServe, { key: 'ingestionTimeout' })
    : SELF_SERVE_DEFAULTS.ingestionTimeout;
  return {
    publishDir: resolve(
      selfServe?.getOptionalString('localPublishDir') ??
        SELF_SERVE_DEFAULTS.localPublishDir,
    ),
    catalogLocation: stringifyEntityRef(
      parseEntityRef(location, { defaultKind: 'Location' }),
    ),
    ingestionTimeoutMs: durationToMilliseconds(timeout),
  };
}
