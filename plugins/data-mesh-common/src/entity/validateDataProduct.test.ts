import { customer360 } from '../__fixtures__/customer360';
import {
  dataProductEntityV1alpha1Validator,
  validateDataProductEntity,
} from './validateDataProduct';

const errorsOf = (data: unknown) => {
  const result = validateDataProductEntity(data);
  return result.valid ? [] : result.errors;
};

describe('validateDataProductEntity', () => {
  it('accepts the reference customer-360 product', () => {
    const result = validateDataProductEntity(customer360());
    expect(result).toEqual({ valid: true, entity: customer360() });
  });

  it('accepts an incomplete product with only the core fields', () => {
    const entity = {
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'bare' },
      spec: {
        type: 'source-aligned',
        lifecycle: 'experimental',
        owner: 'x',
        domain: 'y',
      },
    };
    expect(errorsOf(entity)).toEqual([]);
  });

  it('names each missing core field', () => {
    const entity = customer360() as any;
    delete entity.spec.owner;
    delete entity.spec.domain;
    expect(errorsOf(entity)).toEqual([
      { path: 'spec.domain', message: 'spec.domain is required' },
      { path: 'spec.owner', message: 'spec.owner is required' },
    ]);
  });

  it('accepts an imported product without the type, lifecycle and domain its source lacks', () => {
    const entity = customer360() as any;
    entity.metadata.annotations = { 'datamesh.io/source-format': 'dcs' };
    delete entity.spec.type;
    delete entity.spec.lifecycle;
    delete entity.spec.domain;
    expect(errorsOf(entity)).toEqual([]);
    // The owner stays required, imported or not.
    delete entity.spec.owner;
    expect(errorsOf(entity)).toEqual([
      { path: 'spec.owner', message: 'spec.owner is required' },
    ]);
  });

  it('requires the type, lifecycle and domain of a product written as a DataProduct', () => {
    const entity = customer360() as any;
    delete entity.spec.type;
    delete entity.spec.lifecycle;
    entity.metadata.annotations = { 'datamesh.io/other': 'x' };
    expect(errorsOf(entity)).toEqual([
      { path: 'spec.type', message: 'spec.type is required' },
      { path: 'spec.lifecycle', message: 'spec.lifecycle is required' },
    ]);
  });

  it('rejects a wrong enum value with the allowed values', () => {
    const entity = customer360() as any;
    entity.spec.type = 'lake';
    entity.spec.access.classification = 'secret';
    expect(errorsOf(entity)).toEqual([
      {
        path: 'spec.type',
        message:
          'spec.type must be one of: source-aligned, consumer-aligned, aggregate',
      },
      {
        path: 'spec.access.classification',
        message:
          'spec.access.classification must be one of: public, internal, confidential, restricted',
      },
    ]);
  });

  it('rejects wrong types deep in the spec with their paths', () => {
    const entity = customer360() as any;
    entity.spec.outputPorts[1].type = 42;
    entity.spec.schema.fields[2].pii = 'yes';
    entity.spec.lineage.upstreamProducts = 'order-events';
    expect(errorsOf(entity)).toEqual([
      {
        path: 'spec.outputPorts[1].type',
        message: 'spec.outputPorts[1].type must be string',
      },
      {
        path: 'spec.schema.fields[2].pii',
        message: 'spec.schema.fields[2].pii must be boolean',
      },
      {
        path: 'spec.lineage.upstreamProducts',
        message: 'spec.lineage.upstreamProducts must be array',
      },
    ]);
  });

  it('rejects a version that is not semver', () => {
    const entity = customer360();
    entity.spec.version = 'v2';
    expect(errorsOf(entity)).toEqual([
      {
        path: 'spec.version',
        message:
          'spec.version is not in the expected format (a semantic version such as 1.2.0)',
      },
    ]);
  });

  it('bounds the core strings the catalog and governance store', () => {
    const entity = customer360();
    entity.spec.lifecycle = 'x'.repeat(64);
    entity.spec.owner = `group:default/${'o'.repeat(250)}`;
    expect(errorsOf(entity)).toEqual([
      {
        path: 'spec.lifecycle',
        message: 'spec.lifecycle must NOT have more than 63 characters',
      },
      {
        path: 'spec.owner',
        message: 'spec.owner must NOT have more than 253 characters',
      },
    ]);
  });

  it('rejects other kinds and api versions', () => {
    expect(errorsOf({ ...customer360(), kind: 'Component' })).toEqual([
      { path: 'kind', message: "kind must be 'DataProduct'" },
    ]);
  });

  it('rejects __proto__ keys parsed from JSON without polluting prototypes', () => {
    const entity = JSON.parse(
      JSON.stringify(customer360()).replace(
        '"slo":{',
        '"slo":{"__proto__":{"polluted":true},',
      ),
    );
    expect(errorsOf(entity)).toEqual([
      {
        path: 'spec.slo.__proto__',
        message: "spec.slo.__proto__: key '__proto__' is not allowed",
      },
    ]);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('rejects very large entities in bounded time', () => {
    const entity = customer360();
    entity.spec.schema!.fields = Array.from({ length: 200_000 }, (_, i) => ({
      name: `f${i}`,
    }));
    const errors = errorsOf(entity);
    expect(errors).toEqual([
      {
        path: expect.stringMatching(/^spec\.schema\.fields\[\d+\]/),
        message: expect.stringContaining(
          'entity is too large: more than 50000 values',
        ),
      },
    ]);
    // Bounded: the walk stops at the limit, half-way through the fields,
    // instead of visiting all 400k values.
    const index = Number(errors[0].path.match(/\[(\d+)\]/)![1]);
    expect(index).toBeLessThan(50_000 / 2);
  });

  it('rejects deep nesting and over-long strings', () => {
    let nested: any = {};
    const root = nested;
    for (let i = 0; i < 100; i++) {
      nested.child = {};
      nested = nested.child;
    }
    const deep = customer360() as any;
    deep.metadata.annotations = { a: 'b' };
    deep.spec.extra = root;
    expect(errorsOf(deep)[0].message).toContain('nesting is too deep');

    const long = customer360();
    long.metadata.description = 'x'.repeat(200_000);
    expect(errorsOf(long)).toEqual([
      {
        path: 'metadata.description',
        message:
          'metadata.description: string is too long: 200000 characters, at most 100000',
      },
    ]);
  });

  it('caps the number of reported errors', () => {
    const entity = customer360() as any;
    entity.spec.schema.fields = Array.from({ length: 100 }, () => ({
      name: 1,
    }));
    expect(errorsOf(entity)).toHaveLength(20);
  });
});

describe('dataProductEntityV1alpha1Validator', () => {
  it('ignores other kinds', async () => {
    await expect(
      dataProductEntityV1alpha1Validator.check({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).resolves.toBe(false);
  });

  it('accepts valid products and throws a TypeError naming the fields otherwise', async () => {
    await expect(
      dataProductEntityV1alpha1Validator.check(customer360()),
    ).resolves.toBe(true);
    const entity = customer360() as any;
    delete entity.spec.lifecycle;
    entity.spec.slo.freshness = {};
    await expect(
      dataProductEntityV1alpha1Validator.check(entity),
    ).rejects.toThrow(
      new TypeError(
        'Invalid DataProduct: spec.lifecycle is required; spec.slo.freshness.target is required',
      ),
    );
  });
});
