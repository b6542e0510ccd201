import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  Agreement,
  AgreementStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { Lineage } from './loadLineage';

/** States of an approved agreement that has not ended. */
const AGREED: AgreementStatus[] = [
  'provisioning',
  'active',
  'provisioning-failed',
];

/** The consumers holding an approved agreement that has not ended. */
export function agreedConsumers(agreements: Agreement[]): Set<string> {
  return new Set(
    agreements
      .filter(agreement => AGREED.includes(agreement.status))
      .map(agreement => stringifyEntityRef(parseEntityRef(agreement.consumer))),
  );
}

/**
 * The lineage with the agreed consumers added downstream: each one a node
 * one hop from the product (if the catalog did not already name it) and an
 * edge labelled `agreement`.
 */
export function withAgreedConsumers(
  lineage: Lineage,
  rootRef: string,
  agreed: Set<string>,
): Lineage {
  const nodes = [...lineage.nodes];
  const edges = lineage.edges.map(edge => ({ ...edge }));
  for (const consumer of agreed) {
    if (!nodes.some(node => node.id === consumer)) {
      const ref = parseEntityRef(consumer);
      nodes.push({
        id: consumer,
        kind: ref.kind,
        namespace: ref.namespace,
        name: ref.name,
        side: 'downstream',
        depth: 1,
      });
    }
    const edge = edges.find(e => e.from === rootRef && e.to === consumer);
    if (!edge) edges.push({ from: rootRef, to: consumer, label: 'agreement' });
    else if (!edge.label.split(', ').includes('agreement')) {
      edge.label = `${edge.label}, agreement`;
    }
  }
  return { nodes, edges };
}
