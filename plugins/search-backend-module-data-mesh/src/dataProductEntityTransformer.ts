import { Entity } from '@backstage/catalog-model';
import { CatalogEntityDocument } from '@backstage/plugin-catalog-common';
import {
  CatalogCollatorEntityTransformer,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * The search document of a data product: the catalog's document plus the
 * product's domain and tags. `type` is the product type (source-aligned,
 * consumer-aligned or aggregate) and `owner` its owner, as for other kinds.
 *
 * @public
 */
export interface DataProductDocument extends CatalogEntityDocument {
  /**
   * `spec.domain` as written in the entity, for example `customer`; absent
   * for an imported product whose source gives no domain.
   */
  domain?: string;
  /** `metadata.tags`. */
  tags: string[];
}

/**
 * Words that find a product by full-text search with any search engine,
 * including Lunr, which only indexes the fields every document has: the
 * description, then domain, owner, type, tags, output ports and schema
 * fields. Search results show this text, hence the readable separators.
 */
function searchableText(entity: DataProductEntityV1alpha1, base: string) {
  const { spec, metadata } = entity;
  const parts = [
    base.trim(),
    spec.domain ? `Domain: ${spec.domain}` : '',
    `Owner: ${spec.owner}`,
    spec.type ? `Type: ${spec.type}` : '',
  ];
  if (metadata.tags?.length) {
    parts.push(`Tags: ${metadata.tags.join(', ')}`);
  }
  const ports = (spec.outputPorts ?? []).map(p => `${p.name} (${p.type})`);
  if (ports.length) {
    parts.push(`Output ports: ${ports.join(', ')}`);
  }
  const fields = (spec.schema?.fields ?? []).map(f => f.name);
  if (fields.length) {
    parts.push(`Fields: ${fields.join(', ')}`);
  }
  return parts.filter(Boolean).join(' · ');
}

/**
 * Creates a catalog collator transformer that extends the documents of
 * `DataProduct` entities with their domain and tags, and makes domain, owner,
 * type, tags, ports and schema fields searchable as text. Other kinds keep
 * the document of `base`, by default the catalog's default transformer.
 *
 * @public
 */
export function createDataProductEntityTransformer(
  base: CatalogCollatorEntityTransformer = defaultCatalogCollatorEntityTransformer,
): CatalogCollatorEntityTransformer {
  return (entity: Entity) => {
    const document = base(entity);
    if (!isDataProductEntity(entity)) {
      return document;
    }
    const product: Omit<DataProductDocument, 'location' | 'authorization'> = {
      ...document,
      text: searchableText(entity, document.text),
      ...(entity.spec.domain ? { domain: entity.spec.domain } : {}),
      tags: entity.metadata.tags ?? [],
    };
    return product;
  };
}

/**
 * The transformer the module installs: the catalog's default documents, with
 * data products extended.
 *
 * @public
 */
export const dataProductEntityTransformer =
  createDataProductEntityTransformer();
