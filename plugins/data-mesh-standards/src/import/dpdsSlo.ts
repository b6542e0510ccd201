import type { DataProductSlo } from '@datamesh-backstage/plugin-data-mesh-common';
import type { PathStep, SourceTracker } from '../loss/SourceTracker';
import { parseDuration, parsePercent } from './sloValues';

const KEYS: Record<string, keyof DataProductSlo> = {
  freshness: 'freshness',
  latency: 'freshness',
  availability: 'availability',
  uptime: 'availability',
  completeness: 'completeness',
  accuracy: 'accuracy',
};

/**
 * The SLOs of a DPDS `promises.slo.definition`: a mapping of objectives
 * (`freshness: { target: 25h, measurement: ... }` or `availability: 99.9%`)
 * or a list of ODCS-style properties (`{ property, value, unit }`).
 */
export function readDpdsSlo(
  source: SourceTracker,
  path: PathStep[],
): DataProductSlo | undefined {
  const slo: DataProductSlo = {};
  const put = (
    name: string,
    value: unknown,
    unit: string | undefined,
    measurement: unknown,
    at: PathStep[],
  ) => {
    const key = KEYS[name.toLowerCase()];
    if (!key) return false;
    const parsed =
      key === 'freshness'
        ? parseDuration(value, unit)
        : parsePercent(value, unit);
    if ('value' in parsed) {
      slo[key] = {
        target: parsed.value,
        ...(typeof measurement === 'string' ? { measurement } : {}),
      };
      source.consume(at);
    } else source.lose(at, parsed.reason);
    return true;
  };
  const definition = source.peek(path);
  if (Array.isArray(definition)) {
    definition.forEach((item: any, i) => {
      if (item && typeof item.property === 'string') {
        put(item.property, item.value, item.unit, item.description, [
          ...path,
          i,
        ]);
      }
    });
  } else if (definition && typeof definition === 'object') {
    for (const [name, value] of Object.entries(definition)) {
      const objective =
        value && typeof value === 'object' ? (value as any) : { target: value };
      put(name, objective.target, objective.unit, objective.measurement, [
        ...path,
        name,
      ]);
    }
  }
  return Object.keys(slo).length > 0 ? slo : undefined;
}
