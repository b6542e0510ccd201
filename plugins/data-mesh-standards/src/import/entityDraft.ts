import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DATA_PRODUCT_TYPES,
  DataProductPort,
  DataProductType,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { EntityLink } from '@backstage/catalog-model';
import type { ImportedDataProductEntity } from '../types';
import type { ContractParts } from './contractParts';

/** Annotation holding a standard's product or contract id when it is not the entity's name. */
export const ANNOTATION_STANDARD_ID = 'datamesh.io/standard-id';

/** A new entity with only what the kind fixes. */
export function newEntity(
  name: string,
  namespace?: string,
): ImportedDataProductEntity {
  return {
    apiVersion: DATA_PRODUCT_API_VERSION,
    kind: DATA_PRODUCT_KIND,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {},
  } as ImportedDataProductEntity;
}

/** Whether a value is one of the DataProduct types. */
export function isProductType(value: unknown): value is DataProductType {
  return DATA_PRODUCT_TYPES.includes(value as DataProductType);
}

/** Fills a port's missing fields from the contract server it serves. */
export function completePort(port: DataProductPort, server?: DataProductPort) {
  if (!server) return port;
  const merged: DataProductPort = { ...port };
  for (const key of [
    'type',
    'description',
    'format',
    'location',
    'endpoint',
    'authentication',
  ] as const) {
    if (merged[key] === undefined && server[key] !== undefined) {
      merged[key] = server[key];
    }
  }
  return merged;
}

/** The server of a contract that serves the port: same name, or the only one. */
export function serverFor(
  parts: ContractParts | undefined,
  portName: string,
): DataProductPort | undefined {
  if (!parts) return undefined;
  return (
    parts.ports.find(p => p.name === portName) ??
    (parts.ports.length === 1 ? parts.ports[0] : undefined)
  );
}

/**
 * Fills what the product file does not say from its main contract: the
 * fields a contract describes (schema, SLOs, tests, access) and, when the
 * product is silent, its type, owner, domain, version, lifecycle, description,
 * tags and links (authoritative definitions and support channels).
 */
export function applyContract(
  entity: ImportedDataProductEntity,
  parts: ContractParts,
) {
  const spec = entity.spec;
  spec.type = spec.type ?? parts.type;
  spec.owner = spec.owner ?? parts.owner;
  spec.domain = spec.domain ?? parts.domain;
  spec.version = spec.version ?? parts.version;
  spec.lifecycle = spec.lifecycle ?? parts.lifecycle;
  if (entity.metadata.description === undefined && parts.description) {
    entity.metadata.description = parts.description;
  }
  if (entity.metadata.tags === undefined && parts.tags) {
    entity.metadata.tags = parts.tags;
  }
  if (parts.links) {
    entity.metadata.links = mergeLinks(entity.metadata.links, parts.links);
  }
  if (parts.schema) spec.schema = parts.schema;
  if (parts.slo) spec.slo = parts.slo;
  if (parts.tests) spec.quality = { tests: parts.tests };
  if (parts.access) spec.access = { ...parts.access, ...spec.access };
}

/**
 * The product file's links, completed from its contract's: a link of the
 * same URL gets the type and title the product file could not hold (DPDS
 * external docs have no type), and the contract's other links follow.
 */
function mergeLinks(
  own: EntityLink[] | undefined,
  fromContract: EntityLink[],
): EntityLink[] {
  const mine = own ?? [];
  const overlay = (link: EntityLink) => {
    const same = mine.find(m => m.url === link.url);
    return same ? { ...link, ...prune({ ...same }) } : link;
  };
  // The contract holds them all: its order is the product's.
  if (mine.every(m => fromContract.some(c => c.url === m.url))) {
    return fromContract.map(overlay);
  }
  const links = mine.map(link => {
    const same = fromContract.find(c => c.url === link.url);
    return same ? { ...same, ...prune({ ...link }) } : link;
  });
  for (const link of fromContract) {
    if (!links.some(l => l.url === link.url)) links.push(link);
  }
  return links;
}

/** Drops keys whose value is undefined (in place), so that absent fields stay absent. */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(prune);
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) delete (value as Record<string, unknown>)[key];
      else prune(v);
    }
  }
  return value;
}

/** The fields the kind requires that the import could not fill. */
export function missingFields(entity: ImportedDataProductEntity): string[] {
  const missing = (['type', 'lifecycle', 'owner', 'domain'] as const)
    .filter(key => entity.spec[key] === undefined)
    .map(key => `spec.${key}`);
  for (const side of ['inputPorts', 'outputPorts'] as const) {
    entity.spec[side]?.forEach((port, i) => {
      if (!port.type) missing.push(`spec.${side}[${i}].type`);
    });
  }
  return missing;
}
