import type { DetectedStandard } from '../types';

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Which standard a parsed file is written in, from its content alone (the
 * file's name plays no part):
 * - ODPS: `kind: DataProduct` with an `apiVersion` such as `v1.0.0` or `v0.9.0`;
 * - ODCS: `kind: DataContract` with an `apiVersion` such as `v3.1.0` or `v3.0.2`;
 * - DPDS: a `dataProductDescriptor` version;
 * - DCS: a `dataContractSpecification` version.
 * Returns undefined for anything else.
 * @public
 */
export function detectStandard(
  data: Record<string, unknown>,
): DetectedStandard | undefined {
  const dpds = text(data.dataProductDescriptor);
  if (dpds !== undefined) {
    return { format: 'dpds', version: dpds };
  }
  const dcs = text(data.dataContractSpecification);
  if (dcs !== undefined) {
    return { format: 'dcs', version: dcs };
  }
  const apiVersion = text(data.apiVersion);
  if (apiVersion !== undefined && /^v?\d/.test(apiVersion)) {
    if (data.kind === 'DataProduct') {
      return { format: 'odps', version: apiVersion };
    }
    if (data.kind === 'DataContract') {
      return { format: 'odcs', version: apiVersion };
    }
  }
  return undefined;
}

/** Whether a detected version is one the import reads. @public */
export function isSupportedVersion(standard: DetectedStandard): boolean {
  const v = standard.version.replace(/^v/, '');
  switch (standard.format) {
    case 'odps':
      return /^(0\.9|1\.0)(\.\d+)?$/.test(v);
    case 'odcs':
      return /^3\.[01](\.\d+)?$/.test(v);
    case 'dpds':
      return /^1\.0(\.\d+)?(-[0-9A-Za-z.-]+)?$/.test(v);
    case 'dcs':
      return /^(0\.9\.3|1\.[0-2](\.\d+)?)$/.test(v);
    default:
      return false;
  }
}
