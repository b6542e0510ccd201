import type { EntityLink } from '@backstage/catalog-model';
import { ANNOTATION_STANDARD_ID } from '../import/entityDraft';
import { SUPPORT_LINK_TYPE } from '../import/links';
import type { EntityReader } from './EntityReader';

/** The product's id in the standard: the id it was imported with, or its entity name. */
export function productId(reader: EntityReader): string {
  reader.take(['metadata', 'name']);
  const id = reader.take(['metadata', 'annotations', ANNOTATION_STANDARD_ID]);
  return typeof id === 'string' ? id : reader.entity.metadata.name;
}

/** The product's name in the standard: its title, or its entity name. */
export function productName(reader: EntityReader): string {
  const title = reader.take(['metadata', 'title']);
  return typeof title === 'string' ? title : reader.entity.metadata.name;
}

/** The entity's links, split into support channels and other definitions. */
export function exportLinks(reader: EntityReader): {
  definitions: EntityLink[];
  support: EntityLink[];
} {
  const definitions: EntityLink[] = [];
  const support: EntityLink[] = [];
  (reader.entity.metadata.links ?? []).forEach((link, i) => {
    const at = ['metadata', 'links', i];
    reader.take([...at, 'url']);
    reader.take([...at, 'title']);
    reader.take([...at, 'type']);
    (link.type === SUPPORT_LINK_TYPE ? support : definitions).push(link);
  });
  return { definitions, support };
}

/** Losses every export shares, with the reason the issue names them by. */
export function sharedLosses(reader: EntityReader, target: string) {
  const lose = (path: (string | number)[], reason: string) => {
    if (reader.peek(path) !== undefined) reader.lose(path, reason);
  };
  lose(
    ['spec', 'lineage', 'upstreamProducts'],
    `${target} has no lineage to other data products`,
  );
  lose(['spec', 'governance', 'waivers'], `${target} has no rule waivers`);
  lose(['spec', 'system'], `${target} has no system`);
  (reader.entity.spec.inputPorts ?? []).forEach((_, i) => {
    lose(
      ['spec', 'inputPorts', i, 'product'],
      `${target} has no lineage to other data products`,
    );
    lose(
      ['spec', 'inputPorts', i, 'port'],
      `${target} has no lineage to other data products`,
    );
  });
}
