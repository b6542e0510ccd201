import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

const filter = { kind: 'dataproduct' };

/** `entity-content:data-mesh/data-product-schema`: the "Schema & ports" tab. */
export const dataProductSchemaContent = EntityContentBlueprint.make({
  name: 'data-product-schema',
  params: {
    path: '/schema',
    title: 'Schema & ports',
    filter,
    loader: () =>
      import('../components/product/SchemaAndPortsContent').then(m => (
        <m.SchemaAndPortsContent />
      )),
  },
});

/** `entity-content:data-mesh/data-product-governance`: the "Governance" tab. */
export const dataProductGovernanceContent = EntityContentBlueprint.make({
  name: 'data-product-governance',
  params: {
    path: '/governance',
    title: 'Governance',
    filter,
    loader: () =>
      import('../components/governance/GovernanceContent').then(m => (
        <m.GovernanceContent />
      )),
  },
});
