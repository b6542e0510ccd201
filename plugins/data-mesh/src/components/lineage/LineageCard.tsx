import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import { DataProductCard } from '../product/DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
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
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <AsyncContent
      {...lineage}
      loadingLabel={t('cards.lineage.loading')}
      isEmpty={value => value.nodes.length <= 1}
      emptyTitle={t('cards.lineage.emptyTitle')}
      emptyDescription={t('cards.lineage.emptyDescription')}
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
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.lineage.title')}>
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
