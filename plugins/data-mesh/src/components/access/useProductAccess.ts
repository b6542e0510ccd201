import { useApi } from '@backstage/frontend-plugin-api';
import { identityApiRef } from '@backstage/core-plugin-api';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/**
 * The access requests waiting for a decision and the agreements of a
 * product, as far as the caller may see them (their own, and every one of
 * the products they may decide), with who the caller is.
 */
export function useProductAccess(productRef: string) {
  const api = useApi(dataMeshApiRef);
  const identityApi = useApi(identityApiRef);
  return useAsyncRetry(async () => {
    const [pending, agreements, identity] = await Promise.all([
      api.listAccessRequests({ product: productRef, status: 'pending' }),
      api.listAgreements({ product: productRef }),
      identityApi.getBackstageIdentity(),
    ]);
    return {
      pending: pending.items,
      agreements: agreements.items,
      me: identity.userEntityRef,
    };
  }, [api, identityApi, productRef]);
}
