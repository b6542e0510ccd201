/**
 * Text written as a plain (unquoted) scalar: a letter, then letters, digits
 * and `_ . / + -`, words separated by single spaces. Nothing a YAML reader
 * could take for a number, a date, an indicator or a comment.
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9_./+-]*(?: [A-Za-z0-9_./+()-]+)*$/;

/** Words a YAML 1.1 reader (PyYAML, ...) takes for a boolean or null. */
const RESERVED = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
]);

function scalarText(value: string): string {
  return PLAIN.test(value) && !RESERVED.has(value.toLowerCase())
    ? value
    : // A JSON string is a YAML double-quoted scalar.
      JSON.stringify(value);
}

function scalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return scalarText(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (Number.isNaN(value)) return '.nan';
      if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
      return String(value);
    default:
      return undefined;
  }
}

const isEmptyContainer = (value: unknown) =>
  Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' &&
      value !== null &&
      Object.keys(value).every(k => (value as any)[k] === undefined);

/** Lines of `value` (an object or a non-empty array) at `indent`. */
function writeBlock(value: unknown, indent: string, out: string[]) {
  if (Array.isArray(value)) {
    for (const item of value) writeEntry(`${indent}- `, item, indent, out);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    writeEntry(`${indent}${scalarText(key)}:`, item, indent, out, true);
  }
}

function writeEntry(
  head: string,
  value: unknown,
  indent: string,
  out: string[],
  isKey = false,
) {
  const text = scalar(value ?? null);
  const sep = isKey ? ' ' : '';
  if (text !== undefined) {
    out.push(`${head}${sep}${text}`);
  } else if (isEmptyContainer(value)) {
    out.push(`${head}${sep}${Array.isArray(value) ? '[]' : '{}'}`);
  } else if (isKey) {
    // A mapping's or sequence's block under its key, indented.
    out.push(head);
    writeBlock(value, `${indent}  `, out);
  } else {
    // A sequence item: its first line shares the dash.
    const lines: string[] = [];
    writeBlock(value, `${indent}  `, lines);
    lines[0] = `${head}${lines[0].slice(indent.length + 2)}`;
    out.push(...lines);
  }
}

/**
 * YAML as the conversions write it, in block style, for plain data (what
 * JSON holds): no line folding, no anchors; text that a YAML 1.1 reader
 * (PyYAML, ...) would take for a boolean, a number or a date is quoted
 * (double quotes, JSON escapes), and so is any other text but simple words.
 * Written here rather than with a general YAML library because the imports
 * and exports write one or more files each, and it is several times faster.
 */
export function toYaml(value: unknown): string {
  const text = scalar(value ?? null);
  if (text !== undefined) return `${text}\n`;
  if (isEmptyContainer(value)) return Array.isArray(value) ? '[]\n' : '{}\n';
  const out: string[] = [];
  writeBlock(value, '', out);
  return `${out.join('\n')}\n`;
}
