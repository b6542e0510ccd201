/**
 * The segments of a JSON pointer (`/spec/outputPorts/0/type` →
 * `['spec', 'outputPorts', '0', 'type']`), unescaped.
 * @public
 */
export function jsonPointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A dotted field path, as violations and validation errors name fields:
 * `['spec', 'outputPorts', '0', 'type']` → `spec.outputPorts[0].type`.
 * @public
 */
export function formatFieldPath(segments: string[]): string {
  return segments.reduce((path, part) => {
    if (/^\d+$/.test(part)) {
      return `${path}[${part}]`;
    }
    return path ? `${path}.${part}` : part;
  }, '');
}
