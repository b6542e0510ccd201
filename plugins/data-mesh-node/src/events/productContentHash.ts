import type { Entity } from '@backstage/catalog-model';
import stableStringify from 'fast-json-stable-stringify';
import { createHash } from 'node:crypto';

/** What the catalog adds to an entity's metadata when it stores it. */
const STORED_BY_CATALOG = ['uid', 'etag', 'generation'];

/**
 * A hash of a product's content as governance judges it: its kind, metadata
 * and spec, key order aside, without what the catalog adds when it stores
 * the entity (`uid`, `etag`, relations, status). The entity the catalog
 * processes and the one it later returns hash the same, so a re-score can
 * tell whether the catalog already serves the version it was told about.
 * @public
 */
export function productContentHash(entity: Entity): string {
  const metadata = Object.fromEntries(
    Object.entries(entity.metadata ?? {}).filter(
      ([key]) => !STORED_BY_CATALOG.includes(key),
    ),
  );
  return createHash('sha256')
    .update(
      stableStringify({
        apiVersion: entity.apiVersion,
        kind: entity.kind,
        metadata,
        spec: entity.spec ?? null,
      }),
    )
    .digest('hex');
}
