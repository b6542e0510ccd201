import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { churnDashboard, customer360 } from '../__testUtils__/products';
import { DataProductEntitiesProcessor } from './DataProductEntitiesProcessor';

const location: LocationSpec = { type: 'url', target: 'https://example.com' };

const ref = (kind: string, name: string, namespace = 'default') => ({
  kind,
  namespace,
  name,
});
const relation = (
  source: ReturnType<typeof ref>,
  type: string,
  target: ReturnType<typeof ref>,
) => ({ type: 'relation', relation: { source, type, target } });

async function postProcess(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new DataProductEntitiesProcessor().postProcessEntity(
    entity,
    location,
    output => emitted.push(output),
  );
  return { result, emitted };
}

describe('DataProductEntitiesProcessor', () => {
  const processor = new DataProductEntitiesProcessor();

  it('is named for what it does', () => {
    expect(processor.getProcessorName()).toBe('DataProductEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it('accepts valid products and leaves other kinds to other processors', async () => {
      await expect(processor.validateEntityKind(customer360())).resolves.toBe(
        true,
      );
      await expect(
        processor.validateEntityKind(churnDashboard()),
      ).resolves.toBe(false);
      await expect(
        processor.validateEntityKind({
          ...customer360(),
          apiVersion: 'datamesh.io/v1',
        }),
      ).resolves.toBe(false);
    });

    it.each([
      [
        'a missing owner',
        (e: any) => delete e.spec.owner,
        'Invalid DataProduct: spec.owner is required',
      ],
      [
        'a wrong enum value',
        (e: any) => (e.spec.type = 'lake'),
        'Invalid DataProduct: spec.type must be one of: source-aligned, consumer-aligned, aggregate',
      ],
      [
        'a wrong type',
        (e: any) => (e.spec.schema.fields[1].pii = 'yes'),
        'Invalid DataProduct: spec.schema.fields[1].pii must be boolean',
      ],
      [
        'a __proto__ key',
        (e: any) =>
          Object.defineProperty(e.spec.slo, '__proto__', {
            value: { polluted: true },
            enumerable: true,
          }),
        "Invalid DataProduct: spec.slo.__proto__: key '__proto__' is not allowed",
      ],
    ])('rejects %s naming the field path', async (_, corrupt, message) => {
      const entity = customer360();
      corrupt(entity);
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        new TypeError(message),
      );
      expect(({} as any).polluted).toBeUndefined();
    });

    it('rejects a very large product with a bounded error', async () => {
      const entity = customer360();
      entity.spec.schema!.fields = Array.from({ length: 100_000 }, (_, i) => ({
        name: `column_${i}`,
        type: 'string',
      }));
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        /^Invalid DataProduct: spec\.schema\.fields\[\d+\]\S*: entity is too large: more than 50000 values$/,
      );
    });
  });

  describe('postProcessEntity', () => {
    it('emits every relation of a product in both directions', async () => {
      const self = ref('DataProduct', 'customer-360');
      const { result, emitted } = await postProcess(customer360());

      expect(result).toEqual(customer360());
      expect(emitted).toEqual([
        relation(self, 'ownedBy', ref('Group', 'customer-domain-team')),
        relation(ref('Group', 'customer-domain-team'), 'ownerOf', self),
        relation(self, 'partOf', ref('Domain', 'customer')),
        relation(ref('Domain', 'customer'), 'hasPart', self),
        relation(self, 'partOf', ref('System', 'customer-analytics')),
        relation(ref('System', 'customer-analytics'), 'hasPart', self),
        relation(self, 'dependsOn', ref('DataProduct', 'order-events')),
        relation(ref('DataProduct', 'order-events'), 'dependencyOf', self),
        relation(self, 'dependsOn', ref('DataProduct', 'customer-profiles')),
        relation(ref('DataProduct', 'customer-profiles'), 'dependencyOf', self),
        relation(
          self,
          'consumesDataProduct',
          ref('DataProduct', 'order-events'),
        ),
        relation(
          ref('DataProduct', 'order-events'),
          'dataProductConsumedBy',
          self,
        ),
        relation(
          self,
          'consumesDataProduct',
          ref('dataproduct', 'customer-profiles'),
        ),
        relation(
          ref('dataproduct', 'customer-profiles'),
          'dataProductConsumedBy',
          self,
        ),
        relation(
          self,
          'consumesDataProduct',
          ref('DataProduct', 'marketing-attribution'),
        ),
        relation(
          ref('DataProduct', 'marketing-attribution'),
          'dataProductConsumedBy',
          self,
        ),
      ]);
    });

    it('emits only owner and domain for a minimal product, in its namespace', async () => {
      const self = ref('DataProduct', 'stock-levels', 'inventory');
      const { emitted } = await postProcess({
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'stock-levels', namespace: 'inventory' },
        spec: {
          type: 'source-aligned',
          lifecycle: 'experimental',
          owner: 'user:default/kenji.tanaka',
          domain: 'inventory',
        },
      });
      expect(emitted).toEqual([
        relation(self, 'ownedBy', ref('user', 'kenji.tanaka')),
        relation(ref('user', 'kenji.tanaka'), 'ownerOf', self),
        relation(self, 'partOf', ref('Domain', 'inventory', 'inventory')),
        relation(ref('Domain', 'inventory', 'inventory'), 'hasPart', self),
      ]);
    });

    it('relates any entity that consumes products through the annotation', async () => {
      const self = ref('Component', 'churn-dashboard', 'analytics');
      const { result, emitted } = await postProcess(churnDashboard());

      expect(result).toEqual(churnDashboard());
      expect(emitted).toEqual([
        relation(
          self,
          'consumesDataProduct',
          ref('dataproduct', 'customer-360'),
        ),
        relation(
          ref('dataproduct', 'customer-360'),
          'dataProductConsumedBy',
          self,
        ),
        relation(
          self,
          'consumesDataProduct',
          ref('DataProduct', 'marketing-segments', 'analytics'),
        ),
        relation(
          ref('DataProduct', 'marketing-segments', 'analytics'),
          'dataProductConsumedBy',
          self,
        ),
      ]);
    });

    it('emits a consumed product once when both a port and the annotation name it', async () => {
      const entity = customer360();
      entity.metadata.annotations = {
        'datamesh.io/consumes':
          'order-events, dataproduct:default/order-events',
      };
      entity.spec.lineage = undefined;
      entity.spec.system = undefined;
      entity.spec.inputPorts = [entity.spec.inputPorts![0]];
      const { emitted } = await postProcess(entity);
      expect(
        emitted.filter(
          e =>
            e.type === 'relation' && e.relation.type === 'consumesDataProduct',
        ),
      ).toEqual([
        relation(
          ref('DataProduct', 'customer-360'),
          'consumesDataProduct',
          ref('DataProduct', 'order-events'),
        ),
      ]);
      expect(emitted).toHaveLength(6);
    });

    it('emits nothing for entities without data mesh references', async () => {
      const entity = churnDashboard();
      entity.metadata.annotations = {};
      await expect(postProcess(entity)).resolves.toEqual({
        result: entity,
        emitted: [],
      });
    });

    it.each([
      ['the owner', (e: any) => (e.spec.owner = 'group:'), 'spec.owner: '],
      [
        'an upstream product',
        (e: any) => (e.spec.lineage.upstreamProducts[1] = 'dataproduct:'),
        'spec.lineage.upstreamProducts[1]: ',
      ],
      [
        'the consumes annotation',
        (e: any) =>
          (e.metadata.annotations['datamesh.io/consumes'] = 'x, :nope'),
        'metadata.annotations.datamesh.io/consumes: ',
      ],
    ])(
      'reports an unparsable reference in %s as an input error naming the field, with no relations',
      async (_, corrupt, field) => {
        const entity = customer360();
        corrupt(entity);
        const { emitted } = await postProcess(entity);
        expect(emitted).toEqual([
          {
            type: 'error',
            location,
            error: expect.objectContaining({
              name: 'InputError',
              message: expect.stringContaining(
                `dataproduct:default/customer-360 has an invalid reference at ${field}`,
              ),
            }),
          },
        ]);
      },
    );
  });
});
