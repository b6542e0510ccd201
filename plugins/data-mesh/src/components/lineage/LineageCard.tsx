import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import { DataProductCard } from '../product/DataProductCard';
import { LineageGraph } from './LineageGraph';
import { LineageLists } from './LineageLists';
import { useLineage } from './useLineage';

/** Props of {@link LineageCard}. */
export interface LineageCardProps {
  /** Hops followed each way; default 2. */
  maxDepth?: number;
  /** Height of the drawing in pixels; by default it fits the graph. */
  height?: number;
}

function LineageContent(props: {
  entity: DataProductEntityV1alpha1;
  maxDepth: number;
  height?: number;
}) {
  const lineage = useLineage(props.entity, props.maxDepth);
  return (
    <AsyncContent
      {...lineage}
      loadingLabel="Loading the lineage"
      isEmpty={value => value.nodes.length <= 1}
      emptyTitle="No lineage"
      emptyDescription="No product feeds this one and nothing reads it yet: declare spec.lineage.upstreamProducts and input ports that name the product they read."
    >
      {value => (
        <>
          <LineageGraph lineage={value} height={props.height} />
          <LineageLists lineage={value} />
        </>
      )}
    </AsyncContent>
  );
}

/**
 * The product's lineage: the products it is built from and reads (upstream),
 * and the products and other entities built from it or reading it
 * (downstream), as a graph and as lists.
 */
export function LineageCard(props: LineageCardProps) {
  return (
    <DataProductCard title="Lineage">
      {({ entity }) => (
        <LineageContent
          entity={entity}
          maxDepth={props.maxDepth ?? 2}
          height={props.height}
        />
      )}
    </DataProductCard>
  );
}
