import type { CodeOptions } from 'ajv';
import { RE2JS } from 're2js';

/** A condition's pattern that the linear-time engine refuses, and why. */
export class UnsupportedPatternError extends Error {
  name = 'UnsupportedPatternError';
}

// ECMAScript's \s is the Unicode separators (\pZ) and these; RE2's is ASCII.
const SPACE = '\\t\\n\\v\\f\\r\\x{FEFF}\\pZ';
// ECMAScript's . stops at every line terminator; RE2's only at \n.
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

const hex = (codePoint: number) => `\\x{${codePoint.toString(16)}}`;

function refuse(pattern: string, feature: string): never {
  throw new UnsupportedPatternError(
    `pattern \`${pattern}\` uses a feature a linear-time regex engine cannot run (${feature})`,
  );
}

/**
 * Rewrites a valid ECMAScript pattern in RE2's syntax with the same meaning,
 * refusing what RE2 cannot run in linear time.
 */
function toRe2Syntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 1] === '<')) {
        refuse(pattern, 'backreference');
      }
      if (next === 'u') {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i + 1));
        let codePoint = parseInt(
          braced?.[1] ?? pattern.slice(i + 1, i + 5),
          16,
        );
        i += braced ? braced[0].length : 4;
        const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(pattern.slice(i + 1));
        if (!braced && codePoint >= 0xd800 && codePoint < 0xdc00 && low) {
          codePoint =
            0x10000 +
            ((codePoint - 0xd800) << 10) +
            parseInt(low[1], 16) -
            0xdc00;
          i += 6;
        }
        out += hex(codePoint);
      } else if (next === 'c') {
        out += hex(pattern.charCodeAt(++i) % 32);
      } else if (next === '0') {
        out += hex(0);
      } else if (next === 'b' && inClass) {
        out += hex(8);
      } else if (next === 's') {
        out += inClass ? SPACE : `[${SPACE}]`;
      } else if (next === 'S' && !inClass) {
        out += `[^${SPACE}]`;
      } else {
        out += `\\${next}`;
      }
    } else if (inClass) {
      inClass = c !== ']';
      out += c;
    } else if (pattern.startsWith('[]', i)) {
      out += '[^\\x{0}-\\x{10ffff}]'; // matches nothing
      i += 1;
    } else if (pattern.startsWith('[^]', i)) {
      out += '[\\x{0}-\\x{10ffff}]'; // matches anything
      i += 2;
    } else if (c === '[') {
      // Copies [^ whole: the caret is no literal.
      inClass = true;
      out += '[';
      if (pattern[i + 1] === '^') {
        out += '^';
        i += 1;
      }
    } else if (c === '.') {
      out += DOT;
    } else {
      if (c === '(' && /^\?[=!]/.test(pattern.slice(i + 1, i + 3))) {
        refuse(pattern, 'lookahead');
      }
      if (c === '(' && /^\?<[=!]/.test(pattern.slice(i + 1, i + 4))) {
        refuse(pattern, 'lookbehind');
      }
      out += c;
    }
  }
  return out;
}

/**
 * Ajv's `code.regExp` engine for policy conditions: `pattern` and
 * `patternProperties` run on RE2 (re2js), which matches in time linear in the
 * input, so no condition can hang the backend however it is written. Patterns
 * keep ECMAScript's meaning and JSON Schema's unanchored search; a pattern
 * that needs backtracking (backreferences, lookaround) throws an
 * UnsupportedPatternError while the condition compiles.
 */
export const linearTimeRegExp: NonNullable<CodeOptions['regExp']> =
  Object.assign(
    (pattern: string, flags: string) => {
      try {
        // Validates the ECMAScript syntax JSON Schema prescribes; never run.
        new RegExp(pattern, flags); // eslint-disable-line no-new
      } catch (error) {
        throw new UnsupportedPatternError(
          `pattern \`${pattern}\` is not a valid regular expression: ${
            (error as Error).message
          }`,
        );
      }
      let compiled: RE2JS;
      try {
        compiled = RE2JS.compile(toRe2Syntax(pattern));
      } catch (error) {
        if (error instanceof UnsupportedPatternError) throw error;
        const reason = (error as Error).message.replace(
          /^error parsing regexp: /,
          '',
        );
        throw new UnsupportedPatternError(
          `pattern \`${pattern}\` uses syntax a linear-time regex engine cannot run (${reason})`,
        );
      }
      return {
        test: (input: string) => compiled.test(input),
        // Ajv shares one compiled pattern per distinct toString().
        toString: () => `/${pattern}/${flags}`,
      };
    },
    // Only Ajv's standalone code generation, which is not used, reads this.
    { code: 'linearTimeRegExp' },
  );
