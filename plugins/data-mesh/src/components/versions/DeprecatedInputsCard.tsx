import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  isDataProductEntity,
  RELATION_CONSUMES_DATA_PRODUCT,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshTranslationRef } from '../../translation';
import { SectionCard } from '../shared/SectionCard';
import { DeprecationNotice } from './DeprecationBanner';

/**
 * On the page of any entity that reads data products: those of them that
 * are deprecated, with their sunset date and successor. Empty when none is.
 */
export function DeprecatedInputsCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const { entity } = useEntity();
  const catalog = useApi(catalogApiRef);
  const refs = (entity.relations ?? [])
    .filter(r => r.type === RELATION_CONSUMES_DATA_PRODUCT)
    .map(r => r.targetRef);
  const key = refs.join(',');
  const state = useAsyncRetry(async () => {
    if (refs.length === 0) return [];
    const { items } = await catalog.getEntitiesByRefs({ entityRefs: refs });
    return items.flatMap(item =>
      item && isDataProductEntity(item) && item.spec.deprecation ? [item] : [],
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, key]);
  return (
    <SectionCard title={t('cards.deprecatedInputs.title')}>
      <AsyncContent
        {...state}
        loadingLabel="Loading the data products read"
        isEmpty={items => items.length === 0}
        emptyTitle="No deprecated data product read"
        emptyDescription="Data products this entity reads that announce a sunset date appear here."
      >
        {items => (
          <>
            {items.map(product => (
              <DeprecationNotice
                key={product.metadata.name}
                product={product}
                named
              />
            ))}
          </>
        )}
      </AsyncContent>
    </SectionCard>
  );
}
