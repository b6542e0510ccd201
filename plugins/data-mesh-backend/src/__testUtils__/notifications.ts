import type { Entity } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { exampleMesh } from './startDataMesh';

/** Changes to make to products of the example mesh, by name. */
export type MeshChanges = Record<
  string,
  (product: DataProductEntityV1alpha1) => void
>;

/** The example mesh of `count` products, with some products changed. */
export function changedMesh(changes: MeshChanges = {}, count = 12): Entity[] {
  const mesh = exampleMesh(count);
  for (const entity of mesh) {
    changes[entity.metadata.name]?.(entity as DataProductEntityV1alpha1);
  }
  return mesh;
}

/** Product changes that drop a passing product's status. */
export const drops = {
  /** Without a description: DOC-001, an error; pass → fail. */
  toFail: (product: DataProductEntityV1alpha1) => {
    delete product.metadata.description;
  },
  /** A schema field without a description: SCHEMA-002, a warning; pass → warn. */
  toWarn: (product: DataProductEntityV1alpha1) => {
    delete product.spec.schema!.fields![2].description;
  },
};

/** An owner group of the example mesh, as notifications name it. */
export const team = (domain: string) => `group:default/${domain}-domain-team`;

/** What a test compares of a notification sent. */
export interface Told {
  to: string | string[];
  excluded?: string | string[];
  topic?: string;
  title: string;
  link?: string;
  severity?: string;
  description?: string;
}

/** The notifications sent, as tests compare them. */
export function told(sent: NotificationSendOptions[]): Told[] {
  return sent.map(({ recipients, payload }) => {
    if (recipients.type !== 'entity') {
      throw new Error('The data mesh broadcasts no notification');
    }
    return {
      to: recipients.entityRef,
      ...(recipients.excludeEntityRef
        ? { excluded: recipients.excludeEntityRef }
        : {}),
      topic: payload.topic,
      title: payload.title,
      link: payload.link,
      severity: payload.severity,
      description: payload.description,
    };
  });
}
