import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** Which side of the product an entity sits on. */
export type LineageSide = 'root' | 'upstream' | 'downstream';

/** An entity in a product's lineage. */
export interface LineageNode {
  id: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  side: LineageSide;
  /** Hops from the product. */
  depth: number;
}

/** Data flowing from one entity to another. */
export interface LineageEdge {
  from: string;
  to: string;
  /** `lineage` (spec.lineage.upstreamProducts) and/or `reads` (input ports, consumers). */
  label: string;
}

/** The lineage of a product: its upstream and downstream entities. */
export interface Lineage {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** Relations followed on each side, with the label of the edge they make. */
const FOLLOW: Record<'upstream' | 'downstream', Record<string, string>> = {
  upstream: { dependsOn: 'lineage', [RELATION_CONSUMES_DATA_PRODUCT]: 'reads' },
  downstream: {
    dependencyOf: 'lineage',
    [RELATION_DATA_PRODUCT_CONSUMED_BY]: 'reads',
  },
};

const refOf = (ref: string) => stringifyEntityRef(parseEntityRef(ref));

function toNode(
  id: string,
  entity: Entity | undefined,
  side: LineageSide,
  depth: number,
): LineageNode {
  const ref = parseEntityRef(id);
  return {
    id,
    kind: entity?.kind ?? ref.kind,
    namespace: entity?.metadata.namespace ?? ref.namespace,
    name: entity?.metadata.name ?? ref.name,
    title: entity?.metadata.title,
    side,
    depth,
  };
}

/**
 * Walks a product's relations up to `maxDepth` hops upstream (the products it
 * is built from or reads) and downstream (the products and other entities
 * built from it or reading it). Edges point in the direction data flows.
 * Only data products are expanded beyond the first hop.
 */
export async function loadLineage(
  root: Entity,
  getEntities: (refs: string[]) => Promise<Map<string, Entity>>,
  maxDepth: number,
): Promise<Lineage> {
  const rootRef = stringifyEntityRef(root);
  const nodes = new Map([[rootRef, toNode(rootRef, root, 'root', 0)]]);
  const edges = new Map<string, LineageEdge>();
  const addEdge = (from: string, to: string, label: string) => {
    const key = `${from}>${to}`;
    const existing = edges.get(key);
    if (!existing) {
      edges.set(key, { from, to, label });
    } else if (!existing.label.split(', ').includes(label)) {
      existing.label = `${existing.label}, ${label}`;
    }
  };

  for (const side of ['upstream', 'downstream'] as const) {
    let frontier: Entity[] = [root];
    for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
      const found = new Set<string>();
      for (const entity of frontier) {
        const ref = stringifyEntityRef(entity);
        for (const relation of entity.relations ?? []) {
          const label = FOLLOW[side][relation.type];
          if (!label) continue;
          const target = refOf(relation.targetRef);
          if (side === 'upstream') addEdge(target, ref, label);
          else addEdge(ref, target, label);
          if (!nodes.has(target)) found.add(target);
        }
      }
      const entities = found.size
        ? await getEntities([...found])
        : new Map<string, Entity>();
      frontier = [];
      for (const ref of found) {
        const entity = entities.get(ref);
        nodes.set(ref, toNode(ref, entity, side, depth));
        if (entity?.kind.toLocaleLowerCase('en-US') === 'dataproduct') {
          frontier.push(entity);
        }
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
