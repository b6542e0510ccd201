import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The Location that reads the publish folder, as in the portal's config. */
export const SELF_SERVE_LOCATION = 'location:default/self-serve-products';

/**
 * An in-memory catalog whose Location `location:default/self-serve-products`
 * reads `<publishDir>/*\/catalog-info.yaml` when refreshed, as the portal's
 * does: a published product is in it only once its folder holds a readable
 * catalog-info.yaml. Locations of type `url` are read with `readUrl` when
 * added (as `catalog:register` adds them) and their entity is in the catalog
 * at once. Its methods are jest mocks.
 */
export function folderCatalog(
  publishDir: string,
  options: {
    entities?: Entity[];
    ingest?: boolean;
    readUrl?: (url: string) => Entity | undefined;
  } = {},
) {
  const key = (ref: string) => ref.toLocaleLowerCase('en-US');
  const entities = new Map<string, Entity>(
    (options.entities ?? []).map(e => [key(stringifyEntityRef(e)), e]),
  );
  const readFolder = () => {
    if (!existsSync(publishDir)) {
      return;
    }
    for (const folder of readdirSync(publishDir)) {
      const file = join(publishDir, folder, 'catalog-info.yaml');
      if (existsSync(file)) {
        const entity = parse(readFileSync(file, 'utf8')) as Entity;
        entities.set(key(stringifyEntityRef(entity)), entity);
      }
    }
  };
  const catalog = catalogServiceMock.mock({
    async getEntityByRef(ref) {
      const text = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      return entities.get(key(text));
    },
    async getEntitiesByRefs({ entityRefs }) {
      return { items: entityRefs.map(ref => entities.get(key(ref))) };
    },
    async refreshEntity(ref) {
      if (ref !== SELF_SERVE_LOCATION) {
        throw new NotFoundError(`No entity ${ref}`);
      }
      if (options.ingest !== false) {
        readFolder();
      }
    },
    async addLocation({ type = 'url', target, dryRun }) {
      const entity = type === 'url' ? options.readUrl?.(target) : undefined;
      if (!entity) {
        throw new NotFoundError(`Unable to read ${type}, ${target}`);
      }
      if (!dryRun) {
        entities.set(key(stringifyEntityRef(entity)), entity);
      }
      return {
        location: {
          id: `${type}:${target}`,
          entityRef: `location:default/generated-${entity.metadata.name}`,
          type,
          target,
        },
        entities: [entity],
        exists: false,
      };
    },
  });
  return { catalog, entities };
}
