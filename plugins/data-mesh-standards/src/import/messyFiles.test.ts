import { InputError } from '@backstage/errors';
import { StandardFileError } from '../errors';
import { file } from '../__testUtils__/fixtures';
import { importProduct } from './importProduct';

const ODPS_HEAD =
  'apiVersion: v1.0.0\nkind: DataProduct\nid: sales-daily\nstatus: active\n';

function odcs(body: string) {
  return file(
    'contract.odcs.yaml',
    `apiVersion: v3.1.0\nkind: DataContract\nid: sales-contract\nversion: 1.0.0\nstatus: active\n${body}`,
  );
}

function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('importProduct: messy files', () => {
  it('reports vendor extensions and custom properties it does not map, at any depth', () => {
    const r = importProduct([
      file(
        'p.odps.yaml',
        `${ODPS_HEAD}x-owner-slack: '#sales'\ncustomProperties:\n  - property: productType\n    value: aggregate\n  - property: chargeback\n    value: true\noutputPorts:\n  - name: daily\n    version: 1.0.0\n    customProperties:\n      - property: pii\n        value: true\n`,
      ),
    ]);
    expect(r.entity.spec.type).toBe('aggregate');
    expect(r.lossReport).toEqual([
      {
        file: 'p.odps.yaml',
        path: 'customProperties[1]',
        reason: "custom property 'chargeback': no equivalent",
      },
      {
        file: 'p.odps.yaml',
        path: 'outputPorts[0].version',
        reason:
          'no equivalent: ports have no version of their own in the entity',
      },
      {
        file: 'p.odps.yaml',
        path: 'outputPorts[0].customProperties[0]',
        reason: 'ambiguous: PII on a port names no field',
      },
      {
        file: 'p.odps.yaml',
        path: 'x-owner-slack',
        reason: 'vendor extension: no equivalent',
      },
    ]);
  });

  it('reads PII as a boolean, a classification string or a tag, and reports a product-level flag', () => {
    const r = importProduct([
      file(
        'p.odps.yaml',
        `${ODPS_HEAD}customProperties:\n  - property: pii\n    value: true\noutputPorts:\n  - name: daily\n    version: 1.0.0\n    contractId: sales-contract\n`,
      ),
      odcs(
        'schema:\n  - name: sales\n    properties:\n      - name: a\n        customProperties: [{ property: pii, value: "true" }]\n      - name: b\n        classification: PII\n      - name: c\n        tags: [pii]\n      - name: d\n        customProperties: [{ property: pii, value: maybe }]\n',
      ),
    ]);
    expect(r.entity.spec.schema?.fields).toEqual([
      { name: 'a', pii: true },
      { name: 'b', pii: true },
      { name: 'c', pii: true },
      { name: 'd' },
    ]);
    expect(r.lossReport).toEqual([
      {
        file: 'p.odps.yaml',
        path: 'customProperties[0]',
        reason: 'ambiguous: a product-level PII flag names no field',
      },
      {
        file: 'p.odps.yaml',
        path: 'outputPorts[0].version',
        reason:
          'no equivalent: ports have no version of their own in the entity',
      },
      {
        file: 'contract.odcs.yaml',
        path: 'schema[0].properties[3].customProperties',
        reason: "value not understood: pii 'maybe' is not true or false",
      },
    ]);
  });

  it('maps SLO values in every usual form and reports prose', () => {
    const r = importProduct([
      odcs(
        'slaProperties:\n  - { property: latency, value: 25h }\n  - { property: availability, value: "0.99999" }\n  - { property: completeness, value: 99.9% }\n  - { property: accuracy, value: almost always right }\n  - { property: retention, value: P1Y }\n',
      ),
    ]);
    expect(r.entity.spec.slo).toEqual({
      freshness: { target: '25 hours' },
      availability: { target: '99.999%' },
      completeness: { target: '99.9%' },
    });
    expect(r.entity.spec.access).toEqual({ retention: '1 year' });
    expect(r.lossReport).toEqual([
      {
        file: 'contract.odcs.yaml',
        path: 'slaProperties[3].value',
        reason:
          "value not understood: 'almost always right' is not a percentage",
      },
    ]);
  });

  it('keeps the later value of a duplicate key and reports the key with its position', () => {
    const r = importProduct([
      file(
        'p.odps.yaml',
        `${ODPS_HEAD}domain: sales\nname: Sales daily\ndomain: finance\n`,
      ),
    ]);
    expect(r.entity.spec.domain).toBe('finance');
    expect(r.lossReport).toEqual([
      {
        file: 'p.odps.yaml',
        path: 'domain',
        reason:
          'duplicate key at line 7, column 1: the earlier value was replaced by this one',
      },
    ]);
  });

  it('reports values that do not match the standard’s own schema instead of guessing', () => {
    const r = importProduct([
      file(
        'p.odps.yaml',
        `${ODPS_HEAD}version: 2\ntags: finance\nteam: { name: [a, b] }\noutputPorts:\n  daily: { version: 1.0.0 }\n`,
      ),
    ]);
    expect(r.entity.spec.version).toBeUndefined();
    expect(r.entity.metadata.tags).toBeUndefined();
    expect(r.entity.spec.outputPorts).toBeUndefined();
    expect(r.lossReport).toEqual([
      {
        file: 'p.odps.yaml',
        path: 'version',
        reason: "value not understood: '2' is not a semantic version",
      },
      {
        file: 'p.odps.yaml',
        path: 'tags',
        reason: 'value not understood: expected a list, found string "finance"',
      },
      {
        file: 'p.odps.yaml',
        path: 'team.name',
        reason: 'value not understood: expected text, found a list',
      },
      {
        file: 'p.odps.yaml',
        path: 'outputPorts',
        reason: 'value not understood: expected a list, found a mapping',
      },
    ]);
  });

  it('rejects an unreadable file with an InputError naming the file, line and column', () => {
    const error = thrown(() =>
      importProduct([
        file(
          'broken.odps.yaml',
          `${ODPS_HEAD}outputPorts:\n  - name: daily: x\n    version: 1\n`,
        ),
      ]),
    );
    expect(error).toBeInstanceOf(StandardFileError);
    expect(error).toBeInstanceOf(InputError);
    expect(error.name).toBe('InputError');
    expect(error.file).toBe('broken.odps.yaml');
    expect(error.line).toBe(6);
    expect(error.column).toBe(11);
    expect(error.message).toBe(
      'broken.odps.yaml:6:11: Nested mappings are not allowed in compact mappings',
    );
  });

  it('rejects broken JSON with its position', () => {
    const error = thrown(() =>
      importProduct([
        file(
          'd.json',
          '{\n "dataProductDescriptor": "1.0.0",\n "info": ["a" "b"]\n}',
        ),
      ]),
    );
    expect(error).toBeInstanceOf(StandardFileError);
    expect(error.file).toBe('d.json');
    expect(error.line).toBe(3);
  });

  it('rejects files of no supported standard or version, and several products at once', () => {
    expect(() =>
      importProduct([file('a.yaml', 'apiVersion: v1\nkind: Component\n')]),
    ).toThrow(
      /^a\.yaml: not an ODPS, ODCS, DPDS or Data Contract Specification file/,
    );
    expect(() =>
      importProduct([
        file(
          'a.yaml',
          'apiVersion: v2.0.0\nkind: DataProduct\nid: a\nstatus: active\n',
        ),
      ]),
    ).toThrow(
      'a.yaml: ODPS version v2.0.0 is not supported (the import reads v0.9, v1.0)',
    );
    expect(() =>
      importProduct([
        file(
          'c.yaml',
          'dataContractSpecification: 0.9.2\nid: c\ninfo: { title: C, version: 1.0.0 }\n',
        ),
      ]),
    ).toThrow(
      'c.yaml: Data Contract Specification version 0.9.2 is not supported',
    );
    expect(() =>
      importProduct([file('a.yaml', ODPS_HEAD), file('b.yaml', ODPS_HEAD)]),
    ).toThrow(
      'Several product files given (a.yaml, b.yaml): import one product at a time',
    );
    expect(() => importProduct([])).toThrow(InputError);
    expect(() => importProduct([file('list.yaml', '- a\n- b\n')])).toThrow(
      'list.yaml:1:1: the file must hold one mapping (an object) at the top level',
    );
  });
});
