import type { DataProductEntityV1alpha1 } from '../entity/DataProductEntityV1alpha1';
import { compareVersions } from './compareVersions';
import { checkBreakingChanges } from './breakingChangeCheck';
import { versionSnapshot } from './versionSnapshot';

type Spec = Partial<DataProductEntityV1alpha1['spec']>;

const base: Spec = {
  version: '1.2.0',
  schema: {
    type: 'avro',
    fields: [
      { name: 'order_id', type: 'string', required: true },
      { name: 'amount', type: 'decimal' },
      { name: 'email', type: 'string' },
    ],
  },
  outputPorts: [{ name: 'orders', type: 'kafka', format: 'avro' }],
  slo: {
    freshness: { target: '1 hour' },
    availability: { target: '99.9%' },
  },
};

const snap = (spec: Spec) =>
  versionSnapshot({ spec: spec as DataProductEntityV1alpha1['spec'] });

function changesTo(next: Spec) {
  return compareVersions(snap(base), snap({ ...base, ...next }));
}

const fields = base.schema!.fields!;

describe('compareVersions', () => {
  it('finds nothing between identical versions', () => {
    expect(changesTo({})).toEqual([]);
  });

  it('flags a removed field', () => {
    const changes = changesTo({
      schema: { type: 'avro', fields: [fields[0], fields[1]] },
    });
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'field-removed', breaking: true }),
    ]);
    expect(changes[0].message).toContain("'email'");
  });

  it('flags a renamed field (same place, same type)', () => {
    const changes = changesTo({
      schema: {
        type: 'avro',
        fields: [
          fields[0],
          fields[1],
          { name: 'email_address', type: 'string' },
        ],
      },
    });
    expect(changes).toEqual([
      {
        kind: 'field-renamed',
        breaking: true,
        path: 'spec.schema.fields[2]',
        message: "Field 'email' renamed to 'email_address'",
      },
    ]);
  });

  it('flags a changed type', () => {
    const changes = changesTo({
      schema: {
        type: 'avro',
        fields: [fields[0], { name: 'amount', type: 'string' }, fields[2]],
      },
    });
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'field-type-changed',
        breaking: true,
        path: 'spec.schema.fields[1].type',
      }),
    ]);
  });

  it('flags a field newly required, and not the reverse', () => {
    const required = changesTo({
      schema: {
        type: 'avro',
        fields: [fields[0], { ...fields[1], required: true }, fields[2]],
      },
    });
    expect(required.map(c => [c.kind, c.breaking])).toEqual([
      ['field-newly-required', true],
    ]);
    const optional = changesTo({
      schema: {
        type: 'avro',
        fields: [{ ...fields[0], required: false }, fields[1], fields[2]],
      },
    });
    expect(optional.map(c => [c.kind, c.breaking])).toEqual([
      ['field-no-longer-required', false],
    ]);
  });

  it('flags a removed output port', () => {
    expect(changesTo({ outputPorts: [] })).toEqual([
      expect.objectContaining({ kind: 'port-removed', breaking: true }),
    ]);
  });

  it('flags an output port whose format changed', () => {
    expect(
      changesTo({
        outputPorts: [{ name: 'orders', type: 'kafka', format: 'json' }],
      }),
    ).toEqual([
      expect.objectContaining({
        kind: 'port-format-changed',
        breaking: true,
        path: 'spec.outputPorts[0].format',
      }),
    ]);
  });

  it('flags an output port whose protocol changed', () => {
    expect(
      changesTo({
        outputPorts: [{ name: 'orders', type: 's3', format: 'avro' }],
      }),
    ).toEqual([
      expect.objectContaining({
        kind: 'port-protocol-changed',
        breaking: true,
        path: 'spec.outputPorts[0].type',
      }),
    ]);
  });

  it('flags a loosened or removed SLO, not a tightened one', () => {
    const looser = changesTo({
      slo: {
        freshness: { target: '6 hours' },
        availability: { target: '99%' },
      },
    });
    expect(looser.map(c => [c.kind, c.path])).toEqual([
      ['slo-loosened', 'spec.slo.freshness.target'],
      ['slo-loosened', 'spec.slo.availability.target'],
    ]);
    const removed = changesTo({ slo: { freshness: { target: '1 hour' } } });
    expect(removed.map(c => [c.kind, c.breaking])).toEqual([
      ['slo-loosened', true],
    ]);
    const tighter = changesTo({
      slo: {
        freshness: { target: '30 minutes' },
        availability: { target: '99.95' },
      },
    });
    expect(tighter.map(c => [c.kind, c.breaking])).toEqual([
      ['slo-tightened', false],
      ['slo-tightened', false],
    ]);
  });

  it('flags PII newly exposed: a field now PII, a new PII field, a PII column', () => {
    const flagged = changesTo({
      schema: {
        type: 'avro',
        fields: [fields[0], fields[1], { ...fields[2], pii: true }],
      },
    });
    expect(flagged.map(c => [c.kind, c.breaking])).toEqual([
      ['pii-exposed', true],
    ]);
    const added = changesTo({
      schema: {
        type: 'avro',
        fields: [...fields, { name: 'phone', type: 'string', pii: true }],
      },
    });
    expect(added.map(c => c.kind)).toEqual(['field-added', 'pii-exposed']);
    const column = changesTo({
      access: { privacy: { piiColumns: ['email'] } },
    });
    expect(column.map(c => c.kind)).toEqual(['pii-exposed']);
  });

  it('lists additions as compatible changes', () => {
    const changes = changesTo({
      schema: {
        type: 'avro',
        fields: [...fields, { name: 'note', type: 'string' }],
      },
      outputPorts: [...base.outputPorts!, { name: 'api', type: 'rest' }],
    });
    expect(changes.map(c => [c.kind, c.breaking])).toEqual([
      ['field-added', false],
      ['port-added', false],
    ]);
  });
});

describe('checkBreakingChanges', () => {
  const removed = { schema: { type: 'avro', fields: [fields[0]] } };

  it('fails a breaking change without a major bump', () => {
    const verdict = checkBreakingChanges(
      snap(base),
      snap({ ...base, ...removed, version: '1.3.0' }),
    );
    expect(verdict.majorBump).toBe(false);
    expect(verdict.unannounced).toHaveLength(2);
    expect(verdict).toMatchObject({ fromVersion: '1.2.0', toVersion: '1.3.0' });
  });

  it('allows a breaking change with a major bump, listing it', () => {
    const verdict = checkBreakingChanges(
      snap(base),
      snap({ ...base, ...removed, version: '2.0.0' }),
    );
    expect(verdict.majorBump).toBe(true);
    expect(verdict.breaking).toHaveLength(2);
    expect(verdict.unannounced).toEqual([]);
  });

  it('finds nothing to break for a product without a version in production', () => {
    const verdict = checkBreakingChanges(undefined, snap(base));
    expect(verdict.unannounced).toEqual([]);
    expect(verdict.changes).toEqual([]);
  });
});
