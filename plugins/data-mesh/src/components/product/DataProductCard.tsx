import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import type { ReactNode } from 'react';
import { dataMeshTranslationRef } from '../../translation';
import { SectionCard } from '../shared/SectionCard';
import { useDataProduct } from './useDataProduct';

/** Props of {@link DataProductCard}. */
export interface DataProductCardProps {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: (product: {
    entity: DataProductEntityV1alpha1;
    entityRef: string;
  }) => ReactNode;
}

/**
 * The frame of every card on a data product's page: an `InfoCard` with the
 * product, or a warning when the card sits on a page of another kind.
 */
export function DataProductCard(props: DataProductCardProps) {
  const product = useDataProduct();
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <SectionCard
      title={props.title}
      subheader={props.subheader}
      action={props.action}
    >
      {product ? (
        props.children(product)
      ) : (
        <WarningPanel
          severity="info"
          title={t('cards.notDataProduct.title')}
          message={t('cards.notDataProduct.message')}
        />
      )}
    </SectionCard>
  );
}
