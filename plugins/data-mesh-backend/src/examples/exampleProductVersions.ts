import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { ProductVersionStore } from '../database/ProductVersionStore';
import { currentVersion } from '../service/productVersions';

const DAY_MS = 86_400_000;

/**
 * Records the earlier versions of example products listed in
 * `dataMesh.examples.productVersions` (a product's YAML as it was, read
 * relative to the backend's working directory, and how many days ago it was
 * seen), so that the example portal's version history has more than one
 * version. A product whose versions are already recorded is left alone: the
 * earlier version goes first, before the sweep records the catalog's one.
 * Meant for demonstration portals only.
 */
export async function recordExampleVersions(options: {
  config: RootConfigService;
  versions: ProductVersionStore;
  logger: LoggerService;
  now?: () => Date;
}): Promise<number> {
  const now = (options.now ?? (() => new Date()))();
  const items =
    options.config.getOptionalConfigArray(
      'dataMesh.examples.productVersions',
    ) ?? [];
  let recorded = 0;
  for (const item of items) {
    const file = resolve(item.getString('file'));
    const product = parse(
      await readFile(file, 'utf8'),
    ) as DataProductEntityV1alpha1;
    const entityRef = stringifyEntityRef(product);
    if ((await options.versions.list(entityRef)).length > 0) {
      continue;
    }
    const { snapshot, snapshotHash } = currentVersion(product);
    const days = item.getOptionalNumber('seenDaysAgo') ?? 30;
    recorded += (
      await options.versions.record([
        {
          entityRef,
          ...(snapshot.version !== undefined
            ? { version: snapshot.version }
            : {}),
          lifecycle: product.spec.lifecycle ?? '',
          snapshotHash,
          snapshot,
          breakingUnannounced: false,
          seenAt: new Date(now.getTime() - days * DAY_MS).toISOString(),
        },
      ])
    ).length;
  }
  if (recorded > 0) {
    options.logger.info(
      `Recorded ${recorded} earlier example product versions`,
    );
  }
  return recorded;
}
