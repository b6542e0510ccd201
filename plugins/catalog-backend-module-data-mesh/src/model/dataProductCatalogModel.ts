import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_CONSUMES,
  ANNOTATION_DBT_MODELS,
  ANNOTATION_GX_SUITES,
  ANNOTATION_PUBLISHED_AT,
  ANNOTATION_REQUESTED_AT,
  ANNOTATION_TEMPLATE,
  DATA_PRODUCT_KIND,
  dataProductEntityV1alpha1Schema,
  DATA_AGREEMENT_CONSUMER_KINDS,
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_AGREEMENT_HELD_BY,
  RELATION_HAS_DATA_AGREEMENT_FOR,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** Kinds that may declare the products they read (`datamesh.io/consumes`). */
const CONSUMER_KINDS = ['Component', 'Resource', 'API', 'System'];

/**
 * The `DataProduct` kind as a layer of the catalog model: its JSON Schema
 * (the `spec` of `DataProduct.v1alpha1.schema.json`; the catalog adds the
 * envelope), its relations and the suite's annotations, so that the catalog
 * validates the kind and describes it (for example in its
 * `get-catalog-model-description` action).
 *
 * Relations are declared for the model's description only: the module's
 * `DataProductEntitiesProcessor` emits them, since input ports name the
 * products they read inside objects and any kind may carry the annotation.
 * @alpha
 */
export const dataProductCatalogModel = createCatalogModelLayer({
  layerId: 'datamesh.io/kind-data-product',
  builder: model => {
    const { description, properties } = dataProductEntityV1alpha1Schema;
    model.addKind({
      group: 'datamesh.io',
      names: {
        kind: DATA_PRODUCT_KIND,
        singular: 'dataproduct',
        plural: 'dataproducts',
      },
      description,
      versions: [
        {
          name: 'v1alpha1',
          schema: {
            jsonSchema: {
              type: 'object',
              required: ['spec'],
              properties: { spec: properties.spec as JsonObject },
            },
          },
        },
      ],
    });
    model.addRelationPair({
      fromKind: DATA_PRODUCT_KIND,
      toKind: ['Group', 'User'],
      description: 'The team that owns a data product (spec.owner).',
      forward: { type: 'ownedBy', title: 'owned by' },
      reverse: { type: 'ownerOf', title: 'owner of' },
    });
    model.addRelationPair({
      fromKind: DATA_PRODUCT_KIND,
      toKind: ['Domain', 'System'],
      description: 'The domain and system a data product belongs to.',
      forward: { type: 'partOf', title: 'part of' },
      reverse: { type: 'hasPart', title: 'has part' },
    });
    model.addRelationPair({
      fromKind: DATA_PRODUCT_KIND,
      toKind: DATA_PRODUCT_KIND,
      description:
        'Lineage: the products a data product is built from (spec.lineage.upstreamProducts).',
      forward: { type: 'dependsOn', title: 'depends on' },
      reverse: { type: 'dependencyOf', title: 'dependency of' },
    });
    model.addRelationPair({
      fromKind: [DATA_PRODUCT_KIND, ...CONSUMER_KINDS],
      toKind: DATA_PRODUCT_KIND,
      description: `An entity that reads a data product: an input port naming the product, or the ${ANNOTATION_CONSUMES} annotation.`,
      forward: { type: RELATION_CONSUMES_DATA_PRODUCT, title: 'consumes' },
      reverse: {
        type: RELATION_DATA_PRODUCT_CONSUMED_BY,
        title: 'consumed by',
      },
    });
    model.addRelationPair({
      fromKind: [...DATA_AGREEMENT_CONSUMER_KINDS],
      toKind: DATA_PRODUCT_KIND,
      description:
        'An entity that reads a data product under an active data sharing agreement (requested, approved and granted; neither expired nor revoked).',
      forward: {
        type: RELATION_HAS_DATA_AGREEMENT_FOR,
        title: 'has data agreement for',
      },
      reverse: {
        type: RELATION_DATA_AGREEMENT_HELD_BY,
        title: 'data agreement held by',
      },
    });
    const annotations: Array<[string, string]> = [
      [
        ANNOTATION_CONSUMES,
        'Comma-separated refs of the data products this entity reads (default kind DataProduct).',
      ],
      [
        ANNOTATION_TEMPLATE,
        'The template that created the data product (shown; the self-serve KPI counts what the scaffolder recorded).',
      ],
      [
        ANNOTATION_REQUESTED_AT,
        'When the product was requested through a template, ISO date-time (shown, not counted).',
      ],
      [
        ANNOTATION_PUBLISHED_AT,
        'When the product says it first reached production, ISO date-time (shown, not counted).',
      ],
      [
        ANNOTATION_DBT_MODELS,
        "Comma-separated dbt models whose test results count as the product's quality test results.",
      ],
      [
        ANNOTATION_GX_SUITES,
        "Comma-separated Great Expectations suites whose validation results count as the product's quality test results.",
      ],
    ];
    for (const [name, text] of annotations) {
      model.addAnnotation({ name, description: text });
    }
  },
});
