import { dump } from 'js-yaml';

/**
 * YAML as the conversions write it: no line folding, no anchors; text that a
 * YAML 1.1 reader (PyYAML, ...) would take for a boolean or a date is quoted.
 */
export function toYaml(value: unknown): string {
  return dump(value, { lineWidth: -1, noRefs: true });
}
