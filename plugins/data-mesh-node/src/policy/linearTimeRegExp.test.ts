import { linearTimeRegExp } from './linearTimeRegExp';

const matches = (pattern: string, input: string) =>
  linearTimeRegExp(pattern, 'u').test(input);

describe('linearTimeRegExp', () => {
  it('searches anywhere in the input unless the pattern is anchored', () => {
    expect(matches('gold', 'tier: gold data')).toBe(true);
    expect(matches('^gold', 'tier: gold')).toBe(false);
    expect(matches('gold$', 'gold tier')).toBe(false);
    expect(matches('^gold$', 'gold')).toBe(true);
    expect(matches('^a$', 'a\n')).toBe(false);
  });

  it('keeps the meaning ECMAScript gives each pattern', () => {
    const inputs = [
      '',
      'a',
      'abc',
      ' ',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\t\n\v\f\r',
      'x\ry',
      'x\ny',
      'é',
      '😀',
      '\b',
      'a-b_c',
      ']',
      'Ab9',
    ];
    const patterns = [
      '\\s',
      '^\\s+$',
      '\\S',
      '^[^\\s]+$',
      '[\\sa]',
      '^.$',
      'x.y',
      '\\u00e9',
      '\\u{1F600}',
      '\\uD83D\\uDE00',
      '[\\u0061-\\u0063]',
      '\\cJ',
      '[\\b]',
      '\\0',
      '[^]',
      '^[]',
      '[\\]a]',
      '\\bb',
      '^\\w+$',
      '\\d',
      '[\\^a]',
      '\\\\1',
      '^(?<first>a)',
      '(?:ab|bc)+',
      'a{2,}',
      '\\p{Lu}',
    ];
    for (const pattern of patterns) {
      const native = new RegExp(pattern, 'u');
      for (const input of inputs) {
        expect({ pattern, input, result: matches(pattern, input) }).toEqual({
          pattern,
          input,
          result: native.test(input),
        });
      }
    }
  });

  it('compiles each distinct pattern on its own', () => {
    // Ajv shares compiled patterns by their toString().
    expect(String(linearTimeRegExp('a', 'u'))).not.toBe(
      String(linearTimeRegExp('b', 'u')),
    );
  });

  it('refuses what needs backtracking, saying why', () => {
    expect(() => linearTimeRegExp('(a)\\1', 'u')).toThrow(
      'pattern `(a)\\1` uses a feature a linear-time regex engine cannot run (backreference)',
    );
    expect(() => linearTimeRegExp('(?<x>a)\\k<x>', 'u')).toThrow(
      '(backreference)',
    );
    expect(() => linearTimeRegExp('^(?=a)', 'u')).toThrow('(lookahead)');
    expect(() => linearTimeRegExp('a(?!b)', 'u')).toThrow('(lookahead)');
    expect(() => linearTimeRegExp('(?<=a)b', 'u')).toThrow('(lookbehind)');
    expect(() => linearTimeRegExp('(?<!a)b', 'u')).toThrow('(lookbehind)');
    expect(() => linearTimeRegExp('a{1001}', 'u')).toThrow(
      'pattern `a{1001}` uses syntax a linear-time regex engine cannot run (invalid repeat count: `{1001}`)',
    );
  });

  it('refuses what is no ECMAScript regular expression', () => {
    expect(() => linearTimeRegExp('(a', 'u')).toThrow(
      /^pattern `\(a` is not a valid regular expression: Invalid regular expression/,
    );
    // RE2 would accept these, JSON Schema does not.
    expect(() => linearTimeRegExp('(?i)a', 'u')).toThrow(
      'is not a valid regular expression',
    );
    expect(() => linearTimeRegExp('(?P<x>a)', 'u')).toThrow(
      'is not a valid regular expression',
    );
  });
});
