import { useApi } from '@backstage/frontend-plugin-api';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** Every campaign, newest first. */
export function useCampaignList() {
  const api = useApi(dataMeshApiRef);
  return useAsyncRetry(() => api.listCampaigns(), [api]);
}

/** One campaign with its progress per domain and burn-down. */
export function useCampaign(id: string) {
  const api = useApi(dataMeshApiRef);
  return useAsyncRetry(() => api.getCampaign(id), [api, id]);
}

/** The open campaigns concerning a product. */
export function useProductCampaigns(entityRef: string) {
  const api = useApi(dataMeshApiRef);
  return useAsyncRetry(
    () => api.getProductCampaigns(entityRef),
    [api, entityRef],
  );
}
