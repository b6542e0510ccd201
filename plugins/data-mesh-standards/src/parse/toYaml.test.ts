import { load } from 'js-yaml';
import { parse } from 'yaml';
import { toYaml } from './toYaml';

const tricky = [
  '',
  ' leading space',
  'trailing space ',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'null',
  '~',
  'true',
  '1.0',
  '0x1F',
  '1e3',
  '2026-11-30',
  '12:30',
  '.inf',
  '-',
  '- item',
  '? key',
  'a: b',
  'a #comment',
  '#hash',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '|',
  '>',
  '[1]',
  '{a}',
  "it's",
  'say "hi"',
  'back\\slash',
  'line one\nline two',
  'tab\there',
  'unicode é ✓ 😀',
  '\u0085next line',
  's3://acme/x/',
  'https://example.com/a?b=c#d',
  'snake_case and words',
  'x-productType',
];

describe('toYaml', () => {
  const data = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    count: 3,
    ratio: 0.25,
    negative: -7,
    flag: false,
    nothing: null,
    empty: {},
    none: [],
    tricky,
    nested: {
      list: [
        { name: 'a', tags: ['x', 'y'], inner: { deep: [[1, 2], []] } },
        'plain',
        [{ k: 'v' }],
      ],
    },
    'key: with colon': 'v',
    '1': 'numeric key',
    yes: 'reserved key',
  };

  it('writes text every YAML reader reads back as the same data', () => {
    const text = toYaml(data);
    expect(load(text)).toEqual(data);
    expect(parse(text)).toEqual(data);
    // YAML 1.1 readers take yes/no/on/off for booleans: such text is quoted.
    expect(parse(text, { version: '1.1' })).toEqual(data);
  });

  it('leaves out undefined values and writes scalars and empty documents', () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
    expect(toYaml('x')).toBe('x\n');
    expect(toYaml([])).toBe('[]\n');
    expect(toYaml({})).toBe('{}\n');
  });
});
