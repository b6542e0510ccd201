import { detectStandard, isSupportedVersion } from './detectStandard';
import { parseStandardFile } from './parseStandardFile';

describe('detectStandard', () => {
  it.each([
    [
      { apiVersion: 'v1.0.0', kind: 'DataProduct' },
      { format: 'odps', version: 'v1.0.0' },
    ],
    [
      { apiVersion: 'v3.0.2', kind: 'DataContract' },
      { format: 'odcs', version: 'v3.0.2' },
    ],
    [{ dataProductDescriptor: '1.0.0' }, { format: 'dpds', version: '1.0.0' }],
    [
      { dataContractSpecification: '1.1.0' },
      { format: 'dcs', version: '1.1.0' },
    ],
  ])('detects %p from its content', (data, expected) => {
    expect(detectStandard(data)).toEqual(expected);
  });

  it('detects nothing in a Backstage entity or an unrelated file', () => {
    expect(
      detectStandard({
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'DataProduct',
      }),
    ).toBeUndefined();
    expect(detectStandard({ title: 'notes' })).toBeUndefined();
  });

  it.each([
    ['odps', 'v0.9.0', true],
    ['odps', 'v1.0.0', true],
    ['odps', 'v2.0.0', false],
    ['odcs', 'v3.1.0', true],
    ['odcs', 'v3.0.1', true],
    ['odcs', 'v2.2.2', false],
    ['dpds', '1.0.0', true],
    ['dcs', '0.9.3', true],
    ['dcs', '0.9.2', false],
    ['dcs', '1.2.1', true],
    ['dcs', '1.3.0', false],
  ] as const)('%s %s is read: %p', (format, version, expected) => {
    expect(isSupportedVersion({ format, version })).toBe(expected);
  });
});

describe('parseStandardFile', () => {
  it('reads JSON and YAML, keeping dates as text', () => {
    expect(parseStandardFile('a.json', '{"a": [1, "x"]}').data).toEqual({
      a: [1, 'x'],
    });
    expect(
      parseStandardFile('a.yaml', 'ts: 2024-03-01T09:00:00Z\n').data,
    ).toEqual({
      ts: '2024-03-01T09:00:00Z',
    });
  });

  it('returns duplicate keys with their dotted path and position', () => {
    const parsed = parseStandardFile(
      'a.yaml',
      'a: 1\nb:\n  c: 2\n  c: 3\nl:\n  - x: 1\n    x: 2\n',
    );
    expect(parsed.data).toEqual({ a: 1, b: { c: 3 }, l: [{ x: 2 }] });
    expect(parsed.duplicateKeys).toEqual([
      { path: 'b.c', line: 4, column: 3 },
      { path: 'l[0].x', line: 7, column: 5 },
    ]);
  });
});
