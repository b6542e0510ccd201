import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { exampleMesh } from './startDataMesh';

/** Users, paths and products of the waiver tests. */
export const as = (userRef: string) => ({
  Authorization: mockCredentials.user.header(userRef),
});
export const OWNER = as('user:default/owner');
export const ANA = as('user:default/ana');
export const REF = 'dataproduct:default/product-3';
export const CARD = '/api/data-mesh/scorecards/default/product-3';
export const WAIVER = '/api/data-mesh/waivers/default/product-3';

/** The mesh, with product-3 (which lacks a description: DOC-001, 90) declaring `waivers`. */
export function meshDeclaring(
  waivers: Array<{ rule: string; reason: string; expires: string }>,
): Entity[] {
  const mesh = exampleMesh();
  const product = mesh.find(e => e.metadata.name === 'product-3')!;
  (product.spec as any).governance = { waivers };
  return mesh;
}

export const financePack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'finance' },
  spec: {
    domain: 'finance',
    rules: [
      { id: 'FIN-001', severity: 'error', condition: { required: ['spec'] } },
    ],
  },
};
