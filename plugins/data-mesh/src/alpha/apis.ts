import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { dataMeshApiFactory } from '../api/dataMeshApiFactory';

/** The data-mesh API client (`api:data-mesh`). */
export const dataMeshApi = ApiBlueprint.make({
  params: defineParams => defineParams(dataMeshApiFactory),
});
