import { dump } from 'js-yaml';
import { exportProduct } from '../export/exportProduct';
import { importProduct } from './importProduct';

const yaml = (path: string, data: unknown) => ({ path, content: dump(data) });

const odps = (customProperties: unknown[], extra: object = {}) =>
  yaml('p.odps.yaml', {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: 'visits',
    name: 'visits',
    version: '1.0.0',
    team: { name: 'web-team' },
    customProperties,
    ...extra,
  });

const dpds = (info: object) => ({
  path: 'p.dpds.json',
  content: JSON.stringify({
    dataProductDescriptor: '1.0.0',
    info: {
      fullyQualifiedName: 'urn:dpds:visits',
      name: 'visits',
      version: '1.0.0',
      domain: 'web',
      owner: { id: 'web-team' },
      ...info,
    },
  }),
});

const dcs = (info: object) =>
  yaml('c.yaml', {
    dataContractSpecification: '1.2.1',
    id: 'visits',
    info: { title: 'visits', version: '1.0.0', owner: 'web-team', ...info },
  });

const odcs = (extra: object) =>
  yaml('c.odcs.yaml', {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'visits',
    name: 'visits',
    version: '1.0.0',
    status: 'active',
    team: { name: 'web-team' },
    ...extra,
  });

const EXTENSIONS = [
  { property: 'productType', value: 'aggregate' },
  { property: 'lifecycle', value: 'experimental' },
  { property: 'domain', value: 'Web Analytics' },
];

describe('vendor extensions: product type, lifecycle and domain', () => {
  it('ODPS: reads the productType, lifecycle and domain custom properties', () => {
    const r = importProduct([odps(EXTENSIONS)]);
    expect(r.entity.spec).toMatchObject({
      type: 'aggregate',
      lifecycle: 'experimental',
      domain: 'web-analytics',
    });
    expect(r.missing).toEqual([]);
    expect(r.lossReport).toEqual([]);
  });

  it('ODPS: reports a value not understood, and an extension the standard field contradicts', () => {
    const r = importProduct([
      odps(
        [
          { property: 'productType', value: 'mixed' },
          { property: 'domain', value: 'sales' },
        ],
        { domain: 'web' },
      ),
    ]);
    expect(r.entity.spec.type).toBeUndefined();
    expect(r.entity.spec.domain).toBe('web');
    expect(r.lossReport).toEqual([
      {
        file: 'p.odps.yaml',
        path: 'customProperties[0]',
        reason: "value not understood: 'mixed' is not a product type",
      },
      {
        file: 'p.odps.yaml',
        path: 'customProperties[1]',
        reason: "conflict: the file's own field gives domain 'web'",
      },
    ]);
    expect(r.missing).toEqual(['spec.type', 'spec.lifecycle']);
  });

  it('DPDS: reads info.x-productType, info.x-lifecycle and info.x-domain', () => {
    const r = importProduct([
      dpds({
        domain: undefined,
        'x-productType': 'source-aligned',
        'x-lifecycle': 'production',
        'x-domain': 'web',
      }),
    ]);
    expect(r.entity.spec).toMatchObject({
      type: 'source-aligned',
      lifecycle: 'production',
      domain: 'web',
    });
    expect(r.lossReport).toEqual([]);
  });

  it('DPDS: reports an extension value not understood, and keeps nothing invented', () => {
    const r = importProduct([dpds({ 'x-productType': 42 })]);
    expect(r.entity.spec.type).toBeUndefined();
    expect(r.lossReport).toEqual([
      {
        file: 'p.dpds.json',
        path: 'info.x-productType',
        reason: "value not understood: '42' is not a product type",
      },
    ]);
    expect(r.missing).toEqual(['spec.type', 'spec.lifecycle']);
  });

  it('DCS: reads info.x-productType, info.x-lifecycle and info.x-domain, kept in the ODCS contract as custom properties', () => {
    const r = importProduct([
      dcs({
        'x-productType': 'consumer-aligned',
        'x-lifecycle': 'deprecated',
        'x-domain': 'web',
      }),
    ]);
    expect(r.entity.spec).toMatchObject({
      type: 'consumer-aligned',
      lifecycle: 'deprecated',
      domain: 'web',
    });
    expect(r.missing).toEqual([]);
    expect(r.contracts[0].content).toContain('property: productType');
    expect(r.lossReport).toEqual([]);
  });

  it('DCS: reports an extension value not understood', () => {
    const r = importProduct([dcs({ 'x-domain': '!!!' })]);
    expect(r.entity.spec.domain).toBeUndefined();
    expect(r.lossReport).toEqual([
      {
        file: 'c.odcs.yaml',
        path: 'customProperties[0]',
        reason: "value not understood: '!!!' is not a domain",
      },
    ]);
  });

  it('ODCS: reads the custom properties, and reports the fields and custom properties the entity has no place for', () => {
    const r = importProduct([
      odcs({
        customProperties: [
          ...EXTENSIONS,
          { property: 'costCenter', value: 'W-1' },
        ],
        price: { priceAmount: 1, priceCurrency: 'EUR', priceUnit: 'call' },
        description: { purpose: 'Visits', usage: 'Traffic reports' },
      }),
    ]);
    expect(r.entity.spec).toMatchObject({
      type: 'aggregate',
      lifecycle: 'production',
      domain: 'web-analytics',
    });
    expect(r.lossReport).toEqual([
      {
        file: 'c.odcs.yaml',
        path: 'customProperties[1]',
        reason: "conflict: the file's own field gives lifecycle 'production'",
      },
      {
        file: 'c.odcs.yaml',
        path: 'customProperties[3]',
        reason: "custom property 'costCenter': no equivalent",
      },
      {
        file: 'c.odcs.yaml',
        path: 'price',
        reason: 'no equivalent in the DataProduct entity',
      },
      {
        file: 'c.odcs.yaml',
        path: 'description.usage',
        reason: 'no equivalent: the entity has one description (the purpose)',
      },
    ]);
  });

  it('ODCS: a qualified physicalName is the port location as it is', () => {
    const server = {
      server: 'warehouse',
      type: 'snowflake',
      database: 'MARKETING',
      schema: 'GOLD',
    };
    const located = (physicalName: string) =>
      importProduct([
        odcs({ servers: [server], schema: [{ name: 't', physicalName }] }),
      ]).entity.spec.outputPorts?.[0].location;
    expect(located('MARKETING.GOLD.VISITS')).toBe('MARKETING.GOLD.VISITS');
    expect(located('VISITS')).toBe('MARKETING.GOLD.VISITS');
  });

  it.each(['odps', 'dpds'] as const)(
    'export to %s writes them back, so that a round trip keeps them',
    format => {
      const first = importProduct([odps(EXTENSIONS)]);
      const exported = exportProduct(first.entity, { format });
      const second = importProduct(exported.files);
      expect(second.entity.spec).toMatchObject({
        type: 'aggregate',
        lifecycle: 'experimental',
        domain: 'web-analytics',
      });
      expect(exported.lossReport.map(l => l.path)).not.toContain('spec.type');
    },
  );
});
