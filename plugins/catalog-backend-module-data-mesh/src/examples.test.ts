import {
  DefaultNamespaceEntityPolicy,
  Entity,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_CONSUMES,
  ANNOTATION_REQUESTED_AT,
  ANNOTATION_TEMPLATE,
  DataProductEntity,
  getProductImportRecord,
  getDataProductReferences,
  isDataProductEntity,
  splitAnnotationList,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  catalogConfig,
  exampleFiles,
  loadExampleMesh,
  portalConfigs,
  readYaml,
  repoRoot,
} from './__testUtils__/exampleMesh';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataProductEntitiesProcessor } from './processor/DataProductEntitiesProcessor';
import { detectStandardText } from './standards/standardProductFiles';

const mesh = loadExampleMesh();
const entities = mesh.map(e => e.entity);
const products = entities.filter(isDataProductEntity);
const product = (name: string) => products.find(p => p.metadata.name === name)!;
/** The example entity a ref names, with Backstage's defaults. */
const resolve = (ref: string, defaultKind: string) => {
  const key = stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  );
  return entities.find(e => stringifyEntityRef(e) === key);
};
const refsOfKind = (kind: string) =>
  new Set(
    entities.filter(e => e.kind === kind).map(e => stringifyEntityRef(e)),
  );
const domainOf = (ref: string) =>
  resolve(
    (resolve(ref, 'DataProduct') as DataProductEntity).spec.domain!,
    'Domain',
  )?.metadata.name;

/** Relations the processor emits for every example entity. */
async function relationsOf(entity: Entity) {
  const relations: Array<{ source: string; type: string; target: string }> = [];
  await new DataProductEntitiesProcessor().postProcessEntity(
    entity,
    { type: 'file', target: 'examples' },
    result => {
      if (result.type !== 'relation') {
        throw new Error(
          `Unexpected ${result.type} for ${entity.metadata.name}`,
        );
      }
      relations.push({
        source: stringifyEntityRef(result.relation.source),
        type: result.relation.type,
        target: stringifyEntityRef(result.relation.target),
      });
    },
  );
  return relations;
}

describe('the example mesh', () => {
  it.each(products.map(p => [p.metadata.name, p]))(
    '%s is a valid DataProduct',
    (_, entity) => {
      expect(validateDataProductEntity(entity)).toEqual({
        valid: true,
        entity,
      });
    },
  );

  it('passes the catalog entity policies', async () => {
    const policies = [
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ];
    for (const entity of entities) {
      for (const policy of policies) {
        await expect(policy.enforce(entity)).resolves.toBeDefined();
      }
    }
  });

  it('has at least 24 products of all three types across the six domains', () => {
    expect(products.length).toBeGreaterThanOrEqual(24);
    expect(new Set(products.map(p => p.spec.type))).toEqual(
      new Set(['source-aligned', 'consumer-aligned', 'aggregate']),
    );
    const domains = products.map(p =>
      stringifyEntityRef(getDataProductReferences(p).domain!),
    );
    expect(new Set(domains)).toEqual(refsOfKind('Domain'));
    expect(refsOfKind('Domain').size).toBe(6);
    const names = products.map(p => p.metadata.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('includes the reference customer-360 in full', () => {
    const customer360: DataProductEntity = product('customer-360');
    expect(customer360.spec).toMatchObject({
      type: 'aggregate',
      owner: 'group:default/customer-domain-team',
      version: '2.1.0',
      slo: {
        freshness: { target: '1 hour' },
        availability: { target: '99.9%' },
        completeness: { target: '99.5%' },
        accuracy: { target: '99%' },
      },
      access: { classification: 'confidential', retention: '7 years' },
    });
    expect(customer360.spec.outputPorts!.map(p => p.type)).toEqual([
      'snowflake',
      'rest',
    ]);
    expect(customer360.spec.quality!.tests!.map(t => t.type)).toEqual([
      'uniqueness',
      'not_null',
      'range',
      'freshness',
      'referential_integrity',
    ]);
  });

  it('resolves every owner, domain, upstream product and consumed output port', () => {
    for (const entity of products) {
      const { owner, domain, lineage } = entity.spec;
      expect(resolve(owner, 'Group')?.kind).toBe('Group');
      expect(resolve(domain!, 'Domain')?.kind).toBe('Domain');
      for (const upstream of lineage?.upstreamProducts ?? []) {
        expect(resolve(upstream, 'DataProduct')?.kind).toBe('DataProduct');
      }
    }
    const readPorts = products.flatMap(p =>
      (p.spec.inputPorts ?? []).flatMap(({ product: read, port }) =>
        read ? [{ read, port }] : [],
      ),
    );
    expect(readPorts.length).toBeGreaterThanOrEqual(20);
    for (const { read, port } of readPorts) {
      const outputs = (resolve(read, 'DataProduct') as DataProductEntity).spec
        .outputPorts;
      expect(outputs?.map(o => o.name)).toContain(port);
    }
    const components = entities.filter(e => e.kind === 'Component');
    expect(components.length).toBeGreaterThanOrEqual(5);
    for (const component of components) {
      expect(resolve(String(component.spec?.owner), 'Group')?.kind).toBe(
        'Group',
      );
      const consumed = component.metadata.annotations?.[ANNOTATION_CONSUMES];
      for (const ref of splitAnnotationList(consumed)) {
        expect(resolve(ref, 'DataProduct')?.kind).toBe('DataProduct');
      }
    }
  });

  it('connects the domains: order → customer-360 → marketing, inventory + order → finance', async () => {
    const relations = (await Promise.all(entities.map(relationsOf))).flat();
    const dependsOn = (from: string) =>
      relations
        .filter(r => r.type === 'dependsOn' && r.source === from)
        .map(r => r.target);
    expect(dependsOn('dataproduct:default/customer-360')).toContain(
      'dataproduct:default/order-events',
    );
    expect(dependsOn('dataproduct:default/customer-segments')).toContain(
      'dataproduct:default/customer-360',
    );
    expect(
      new Set(
        dependsOn('dataproduct:default/cost-of-goods-sold').map(domainOf),
      ),
    ).toEqual(new Set(['order', 'inventory']));

    // Consumers: products' input ports plus components' annotations.
    const consumers = new Map<string, string[]>();
    for (const { type, source, target } of relations) {
      if (type === 'dataProductConsumedBy') {
        consumers.set(source, [...(consumers.get(source) ?? []), target]);
      }
    }
    const wellUsed = [...consumers].filter(([, by]) => by.length >= 3);
    expect(wellUsed.length).toBeGreaterThanOrEqual(5);
    expect(consumers.get('dataproduct:default/customer-360')).toEqual(
      expect.arrayContaining(['component:default/churn-prediction-model']),
    );
  });

  it('mixes complete and deliberately weak products, templated and hand-made', () => {
    const fields = products.flatMap(p => p.spec.schema?.fields ?? []);
    const availability = (p: DataProductEntity) =>
      parseFloat(String(p.spec.slo?.availability?.target ?? '100'));
    expect(products.filter(p => !p.spec.slo?.freshness).length).toBeGreaterThan(
      1,
    );
    expect(
      products.filter(p => !p.spec.access?.classification).length,
    ).toBeGreaterThan(1);
    expect(
      products.filter(p => !p.spec.access?.retention).length,
    ).toBeGreaterThan(1);
    expect(products.filter(p => availability(p) < 99).length).toBeGreaterThan(
      1,
    );
    expect(
      products.filter(p => !p.metadata.description).length,
    ).toBeGreaterThan(0);
    expect(fields.filter(f => !f.description).length).toBeGreaterThan(5);
    expect(fields.filter(f => f.pii === undefined).length).toBeGreaterThan(5);

    const templated = products.filter(
      p => p.metadata.annotations?.[ANNOTATION_TEMPLATE],
    );
    expect(templated.length).toBeGreaterThanOrEqual(4);
    expect(templated.length).toBeLessThan(products.length / 2);
    for (const p of templated) {
      const requestedAt = p.metadata.annotations![ANNOTATION_REQUESTED_AT];
      expect(new Date(requestedAt).toISOString()).toBe(
        requestedAt.replace('Z', '.000Z'),
      );
    }
  });
});

describe('the example products in open standards', () => {
  const standardFiles = catalogConfig().targets.filter(file =>
    file.startsWith('examples/standards/'),
  );

  it('registers a product file of each standard, recognised by its content', () => {
    expect(
      standardFiles.map(file => {
        const text = readFileSync(join(repoRoot, file), 'utf8');
        return detectStandardText(text)?.standard.format;
      }),
    ).toEqual(['odps', 'dpds', 'dcs', 'odcs']);
  });

  it('loads the ODPS product with its contract, source and loss report', () => {
    const loyalty = product('loyalty-points');
    expect(loyalty.spec.outputPorts?.[0].contract).toBe(
      'contracts/loyalty-points-balances.odcs.yaml',
    );
    expect(getProductImportRecord(loyalty)).toEqual({
      format: 'odps',
      version: 'v1.0.0',
      lossReport: expect.arrayContaining([
        {
          file: 'loyalty-points.yaml',
          path: 'productCreatedTs',
          reason: 'no equivalent in the DataProduct entity',
        },
      ]),
    });
  });
});

describe('the example products in open standards, beyond ODPS', () => {
  it.each([
    ['shipment-tracking', 'dpds', 'inventory'],
    ['supplier-invoices', 'dcs', 'finance'],
    ['stock-movements', 'odcs', 'inventory'],
  ])(
    'loads %s (%s) as a DataProduct of %s, typed by its vendor extension, with its loss report',
    (name, format, domain) => {
      const entity = product(name);
      expect(entity.spec).toMatchObject({
        type: 'source-aligned',
        lifecycle: 'production',
        domain,
      });
      const record = getProductImportRecord(entity);
      expect(record?.format).toBe(format);
      expect(record?.lossReport.length).toBeGreaterThan(0);
    },
  );
});

describe('the portal configuration', () => {
  const holdsProductsOrConsumers = (file: string) =>
    readYaml(file).some(
      doc =>
        doc?.kind === 'DataProduct' ||
        doc?.metadata?.annotations?.[ANNOTATION_CONSUMES],
    );
  // Earlier versions of example products, recorded by the backend at
  // start-up (dataMesh.examples.productVersions): not catalog entities.
  const [{ dataMesh }] = readYaml(portalConfigs[0].file);
  const earlierVersions: string[] = (
    dataMesh.examples.productVersions as Array<{ file: string }>
  ).map(({ file }) => join(portalConfigs[0].base, file));

  it.each(portalConfigs.map(config => [config.file, config]))(
    '%s registers every example file of products and consumers',
    (_, config) => {
      const productFiles = exampleFiles()
        .filter(holdsProductsOrConsumers)
        .filter(file => !earlierVersions.includes(file));
      expect(productFiles.length).toBeGreaterThanOrEqual(7);
      const { targets } = catalogConfig(config);
      expect(targets).toEqual(expect.arrayContaining(productFiles));
      expect(targets.filter(file => earlierVersions.includes(file))).toEqual(
        [],
      );
    },
  );

  it('loads the same example files in development and production', () => {
    const examples = (config: (typeof portalConfigs)[number]) =>
      catalogConfig(config).targets.filter(f => f.startsWith('examples/'));
    expect(examples(portalConfigs[1])).toEqual(examples(portalConfigs[0]));
  });

  it('allows the DataProduct kind', () => {
    const { rules } = catalogConfig();
    expect(rules.flatMap(r => r.allow)).toContain('DataProduct');
  });
});
